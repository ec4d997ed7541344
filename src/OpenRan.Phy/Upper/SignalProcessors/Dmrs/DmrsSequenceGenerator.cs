using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>
/// The CP-OFDM DM-RS sequence r(n) of TS 38.211 §7.4.1.1.1 (PDSCH) and §6.4.1.1.1.1 (PUSCH without transform
/// precoding): r(n) = (1 − 2c(2n))/√2 + j(1 − 2c(2n + 1))/√2, with the Gold sequence c initialised per OFDM symbol.
/// </summary>
/// <remarks>
/// The reference point for the sequence index is subcarrier 0 of common resource block 0, so resource block CRB c owns
/// r(P·c) .. r(P·c + P − 1) with P = 6 (type 1) or 4 (type 2) values per block, in subcarrier order of its DM-RS
/// resource elements (k′ alternating 0, 1). Reusable and allocation-free; not thread-safe.
/// </remarks>
public sealed class DmrsSequenceGenerator
{
    private const float Amplitude = 0.70710678118654752f;
    private readonly PseudoRandomSequence _prbs = new();

    /// <summary>
    /// c_init = (2^17·(N_symb^slot·n_s,f + l + 1)·(2N_ID + 1) + 2^17·⌊λ̄/2⌋ + 2N_ID + n̄_SCID) mod 2^31 (TS 38.211 §7.4.1.1.1,
    /// §6.4.1.1.1.1).
    /// </summary>
    /// <param name="symbolsPerSlot">N_symb^slot, 14 or 12.</param>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="symbol">l, the OFDM symbol number within the slot.</param>
    /// <param name="nId">N_ID^{n̄_SCID}, 0..65535.</param>
    /// <param name="nScidBar">n̄_SCID^λ̄, 0 or 1.</param>
    /// <param name="lambdaBar">λ̄, the CDM group used for initialization (0 unless the Release-16 rule applies).</param>
    public static uint CInit(int symbolsPerSlot, int slot, int symbol, int nId, int nScidBar, int lambdaBar)
    {
        long a = ((long)symbolsPerSlot * slot) + symbol + 1;
        long value = ((a * ((2L * nId) + 1)) << 17) + ((long)(lambdaBar / 2) << 17) + (2L * nId) + nScidBar;
        return (uint)(value & 0x7FFF_FFFF);
    }

    /// <summary>Writes r(firstIndex), …, r(firstIndex + destination.Length − 1) for the sequence initialised with <paramref name="cInit"/>.</summary>
    public void Generate(uint cInit, int firstIndex, Span<ComplexF32> destination)
    {
        _prbs.Initialize(cInit);
        _prbs.Advance(2 * firstIndex);
        _prbs.GenerateQpsk(destination, Amplitude);
    }

    /// <summary>
    /// Writes the sequence values of the DM-RS resource elements of the given common resource blocks, block after block:
    /// destination[P·i .. P·i + P) = r(P·crbs[i] .. P·crbs[i] + P) with P = <see cref="DmrsPortTable.ResourceElementsPerPrb"/>.
    /// </summary>
    /// <param name="cInit">The symbol's c_init.</param>
    /// <param name="type">The configuration type (sets P).</param>
    /// <param name="crbs">Common resource block indices, ascending.</param>
    /// <param name="scratch">At least P·(crbs[^1] − crbs[0] + 1) elements.</param>
    /// <param name="destination">Receives P·crbs.Length values.</param>
    public void GenerateForBlocks(uint cInit, DmrsConfigurationType type, ReadOnlySpan<int> crbs, Span<ComplexF32> scratch, Span<ComplexF32> destination)
    {
        int perPrb = DmrsPortTable.ResourceElementsPerPrb(type);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, perPrb * crbs.Length, nameof(destination));
        if (crbs.Length == 0)
        {
            return;
        }

        int first = crbs[0];
        int span = crbs[^1] - first + 1;
        Span<ComplexF32> all = scratch[..(perPrb * span)];
        Generate(cInit, perPrb * first, all);
        for (int i = 0; i < crbs.Length; i++)
        {
            all.Slice(perPrb * (crbs[i] - first), perPrb).CopyTo(destination.Slice(perPrb * i, perPrb));
        }
    }
}
