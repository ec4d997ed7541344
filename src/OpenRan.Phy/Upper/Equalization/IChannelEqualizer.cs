namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// A MIMO equalizer for one OFDM symbol of a shared channel: from y and H (<see cref="ChannelEqualizerInput"/>) to unbiased
/// layer estimates and their post-equalization noise variances (<see cref="ChannelEqualizerOutput"/>). The seam where a
/// researcher plugs in a receiver algorithm (ZF and MMSE are built in, <see cref="ChannelEqualizerFactory"/>); the
/// shared-channel demodulator calls it once per allocated symbol.
/// </summary>
/// <remarks>
/// Contract: for every element i and layer v write x̂_v(i) (unit-power constellation scale, unbiased) and
/// σ²_post,v(i) &gt; 0; write x̂ = 0 and σ²_post = +∞ for an element that cannot be equalized (the demapper turns it into
/// zero LLRs). Called on the slot path: allocate nothing and throw nothing for expected inputs. Not thread-safe unless
/// the implementation says so; the receiver that owns it calls it from one thread.
/// </remarks>
public interface IChannelEqualizer
{
    /// <summary>A short name for logs and results, for example <c>mmse</c> or <c>zf</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Which linear model the outputs follow: with <see cref="EqualizerAlgorithm.Mmse"/> the transform-precoding path
    /// re-applies the MMSE gain 1/(1 + σ²_post) before the inverse DFT (TS 38.211 §6.3.1.4 inverted); with
    /// <see cref="EqualizerAlgorithm.ZeroForcing"/> it averages σ²_post over the block.
    /// </summary>
    EqualizerAlgorithm Algorithm { get; }

    /// <summary>Equalizes <see cref="ChannelEqualizerInput.Length"/> resource elements of every layer.</summary>
    /// <param name="input">y, H and σ².</param>
    /// <param name="output">Receives x̂ and σ²_post.</param>
    void Equalize(ChannelEqualizerInput input, ChannelEqualizerOutput output);
}
