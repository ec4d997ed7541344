using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// The CSI-RS sequence of TS 38.211 §7.4.1.5.2 for the symbols of one slot:
/// r(m) = (1/√2)(1 − 2c(2m)) + j(1/√2)(1 − 2c(2m + 1)), c initialised per OFDM symbol l with
/// c_init = (2^10·(N_symb^slot·n_s,f^μ + l + 1)·(2n_ID + 1) + n_ID) mod 2^31. Holds r(m) for the index range the carried
/// blocks need; buffers sized at construction, so preparing a slot allocates nothing.
/// </summary>
public sealed class CsiRsSequence
{
    /// <summary>Largest index span held per symbol: α ≤ 3 over 275 blocks plus the in-block offsets.</summary>
    public const int MaxSpan = (3 * NrConstants.MaxPrb) + 8;

    private readonly PseudoRandomSequence _prs = new();
    private readonly ComplexF32[] _values = new ComplexF32[NrConstants.SymbolsPerSlotNormalCp * MaxSpan];
    private readonly int[] _first = new int[NrConstants.SymbolsPerSlotNormalCp];

    /// <summary>c_init of symbol <paramref name="symbol"/> in slot <paramref name="slot"/>.</summary>
    public static uint CInit(int symbolsPerSlot, int slot, int symbol, int nId) =>
        (uint)(((1L << 10) * ((symbolsPerSlot * (long)slot) + symbol + 1) * ((2 * nId) + 1) + nId) % (1L << 31));

    /// <summary>Generates r(m) on every symbol of <paramref name="pattern"/> for m in [m_first, m_first + count).</summary>
    /// <param name="pattern">The resource pattern (symbols).</param>
    /// <param name="nId">n_ID.</param>
    /// <param name="symbolsPerSlot">N_symb^slot.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="firstIndex">m_first, the lowest m′ needed.</param>
    /// <param name="count">Number of indices, 1..<see cref="MaxSpan"/>.</param>
    public void Prepare(CsiRsPattern pattern, int nId, int symbolsPerSlot, int slot, int firstIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ThrowHelper.ThrowIfOutside(count, 1, MaxSpan);
        for (int l = 0; l < symbolsPerSlot; l++)
        {
            if (((pattern.SymbolMask >> l) & 1) == 0)
            {
                continue;
            }

            _prs.Initialize(CInit(symbolsPerSlot, slot, l, nId));
            _prs.Advance(2 * firstIndex);
            _prs.GenerateQpsk(_values.AsSpan(l * MaxSpan, count), 1f / MathF.Sqrt(2f));
            _first[l] = firstIndex;
        }
    }

    /// <summary>r(m) of symbol <paramref name="symbol"/> (after <see cref="Prepare"/> covered m).</summary>
    public ComplexF32 Value(int symbol, int m) => _values[(symbol * MaxSpan) + m - _first[symbol]];
}
