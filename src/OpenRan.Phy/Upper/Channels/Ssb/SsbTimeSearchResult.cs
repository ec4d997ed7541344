using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>What <see cref="SsbTimeSearch.Search"/> found: the strongest PSS in the samples and where its block lies.</summary>
/// <param name="Detected">Whether <see cref="PssMetric"/> reached the configured detection threshold.</param>
/// <param name="NId2">N_ID^(2) of the PSS, 0..2 (TS 38.211 §7.4.2.2).</param>
/// <param name="PssUsefulPartStartSample">Index of the first sample of the PSS symbol's useful part (after its cyclic prefix).</param>
/// <param name="CyclicPrefixSamples">N_CP of the block's symbols in samples, 144·N/2048.</param>
/// <param name="PssMetric">
/// The normalised PSS correlation at the peak, 0..1: (|c₁|²/E₁ + |c₂|²/E₂)/E_y, with c₁, c₂ the correlations of the two halves
/// of the symbol with the two halves of the replica (energies E₁, E₂) and E_y the energy of the received window, measured on
/// the low-pass filtered signal so that only the PSS band counts (1 = noiseless, no other signal in the band).
/// </param>
/// <param name="ResidualFrequencyOffsetHz">
/// The carrier frequency offset ε left after mixing the block to DC, estimated within the PSS symbol from the phase advance
/// between its two half-symbol correlations on the block's band (unambiguous within ±Δf; a frequency-selective channel
/// biases it by a small fraction of Δf); it is removed before the block is demodulated. A phase measured between symbols
/// (PSS to SSS, or across the PBCH DM-RS) is the finer estimate once the cell is known.
/// </param>
/// <param name="ErasedSamples">Samples that were not finite or absurd (larger than <see cref="ComplexErasure.DefaultMaxMagnitude"/>) and were treated as erasures (0).</param>
public readonly record struct SsbTimeSearchResult(bool Detected, int NId2, int PssUsefulPartStartSample, int CyclicPrefixSamples, float PssMetric, double ResidualFrequencyOffsetHz, int ErasedSamples = 0)
{
    /// <summary>The first sample of the block: the start of the PSS symbol's cyclic prefix (negative if the capture starts inside it).</summary>
    public int BlockStartSample => PssUsefulPartStartSample - CyclicPrefixSamples;
}
