using System;

namespace OpenRan.Simulation.Coding;

/// <summary>
/// A channel code under test in a coded AWGN frame-error-rate simulation (<c>openran sim code</c>): it encodes K
/// information bits into the E bits that are modulated, and decodes E channel LLRs back to K bits.
/// </summary>
/// <remarks>
/// One instance per worker thread (instances are not required to be thread-safe); a factory creates them. Encode and
/// Decode run in the simulation loop and should not allocate. Channel LLRs follow the project convention
/// (<see cref="OpenRan.Dsp.LogLikelihoodRatio"/>): L = ln(P(b = 0) / P(b = 1)), here as floats so that each code
/// quantizes them as its decoder needs.
/// </remarks>
public interface IFrameCodec
{
    /// <summary>A short description for reports, for example <c>LDPC BG1 Zc=288 K=6144 E=12288</c>.</summary>
    string Name { get; }

    /// <summary>Number of information bits K per frame (the bits the bit-error rate counts).</summary>
    int InformationBitCount { get; }

    /// <summary>Number of transmitted (coded, rate-matched) bits E per frame.</summary>
    int CodedBitCount { get; }

    /// <summary>Encodes <paramref name="information"/> (K bits, one per byte) into <paramref name="coded"/> (E bits).</summary>
    void Encode(ReadOnlySpan<byte> information, Span<byte> coded);

    /// <summary>
    /// Decodes E channel LLRs into K information bits; returns the decoder's own verdict (parity or CRC check passed),
    /// which the simulation reports next to the true frame errors.
    /// </summary>
    bool Decode(ReadOnlySpan<float> channelLlrs, Span<byte> information);
}
