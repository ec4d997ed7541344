using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>The PDCCH DM-RS sequence (TS 38.211 §7.4.1.3).</summary>
public static class PdcchDmrs
{
    /// <summary>c_init = (2^17·(N_symb^slot·n_s + l + 1)·(2N_ID + 1) + 2N_ID) mod 2^31.</summary>
    /// <param name="slot">n_s,f^μ, the slot number within the frame.</param>
    /// <param name="symbol">l, the OFDM symbol within the slot.</param>
    /// <param name="nId">N_ID: pdcch-DMRS-ScramblingID or N_ID^cell (0..65535).</param>
    /// <param name="symbolsPerSlot">N_symb^slot (14, or 12 for extended CP).</param>
    public static uint CInit(int slot, int symbol, int nId, int symbolsPerSlot = 14)
    {
        ThrowHelper.ThrowIfOutside(nId, 0, 65535);
        long value = ((1L << 17) * ((symbolsPerSlot * (long)slot) + symbol + 1) * ((2L * nId) + 1)) + (2L * nId);
        return (uint)(value % (1L << 31));
    }

    /// <summary>
    /// Writes r_l(m) for m = <paramref name="firstIndex"/> … firstIndex + destination.Length − 1 (amplitude 1/√2),
    /// with m = 3n + k' for RB n counted from the reference point (TS 38.211 §7.4.1.3.2).
    /// </summary>
    public static void Generate(uint cInit, int firstIndex, PseudoRandomSequence sequence, Span<ComplexF32> destination)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        sequence.Initialize(cInit);
        sequence.Advance(2 * firstIndex);
        sequence.GenerateQpsk(destination, 0.70710678118654752f);
    }

}
