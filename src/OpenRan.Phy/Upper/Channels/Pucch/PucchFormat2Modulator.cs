using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 2 and its DM-RS (TS 38.211 §6.3.2.5, §6.4.1.3.2): the scrambled bits are QPSK-modulated (§6.3.2.5.2) and
/// mapped first over subcarriers, then symbols, to the REs of the allocated PRBs not used by the DM-RS (§6.3.2.5.3); the
/// DM-RS occupies subcarriers k = 3m' + 1 of every PRB. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat2Modulator
{
    /// <summary>Data REs per PRB per symbol (8 of 12).</summary>
    public const int DataSubcarriersPerPrb = 8;

    /// <summary>DM-RS REs per PRB per symbol (4 of 12).</summary>
    public const int DmrsSubcarriersPerPrb = 4;

    private readonly ComplexF32[] _symbols = new ComplexF32[16 * 2 * DataSubcarriersPerPrb];
    private readonly ComplexF32[] _dmrs = new ComplexF32[16 * DmrsSubcarriersPerPrb];
    private int _lastCount;

    /// <summary>The QPSK symbols d of the last <see cref="Map"/>.</summary>
    public ReadOnlySpan<ComplexF32> LastSymbols => _symbols.AsSpan(0, _lastCount);

    /// <summary>Whether subcarrier <paramref name="k"/> of a PRB carries DM-RS (k mod 3 = 1).</summary>
    public static bool IsDmrsSubcarrier(int k) => k % 3 == 1;

    /// <summary>Modulates the scrambled bits b̃ (E_tot) and writes data and DM-RS; the sequences must be prepared for the slot.</summary>
    public void Map(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(grid);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfLengthDiffers(scrambledBits.Length, layout.TotalRateMatchedLength, nameof(scrambledBits));
        Span<ComplexF32> d = _symbols.AsSpan(0, scrambledBits.Length / 2);
        ModulationMapper.Map(scrambledBits, ModulationScheme.Qpsk, d);
        _lastCount = d.Length;
        int next = 0;
        Span<ComplexF32> dmrs = _dmrs.AsSpan(0, DmrsSubcarriersPerPrb * c.PrbCount);
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            sequences.Format2Dmrs(l, dmrs);
            Span<ComplexF32> re = grid.Symbol(port, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), layout.SubcarrierCount);
            int m = 0;
            for (int k = 0; k < re.Length; k++)
            {
                re[k] = IsDmrsSubcarrier(k % NrConstants.SubcarriersPerRb) ? dmrs[m++] : d[next++];
            }
        }
    }
}
