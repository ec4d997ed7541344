using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A MIMO propagation channel applied to time-domain baseband samples: every receive antenna gets the sum over transmit
/// antennas of the transmitted signal filtered by that link's (time-varying) impulse response. Stateful: successive
/// <see cref="Process"/> calls continue in time, so the channel memory (delay line, fading) spans call boundaries.
/// </summary>
/// <remarks>
/// Buffers are antenna-major: antenna a occupies [a·sampleCount, (a + 1)·sampleCount). One instance per worker; not
/// thread-safe; allocation-free after construction.
/// </remarks>
public interface IPropagationChannel
{
    /// <summary>Transmit antennas N_Tx.</summary>
    int TxAntennaCount { get; }

    /// <summary>Receive antennas N_Rx.</summary>
    int RxAntennaCount { get; }

    /// <summary>
    /// The fixed processing latency in samples: the response to a tap at delay τ appears at τ plus this many samples
    /// (non-zero when fractional delays need look-ahead). A receiver with perfect timing skips these samples.
    /// </summary>
    int LatencySamples { get; }

    /// <summary>Samples processed since the last <see cref="Reset"/>.</summary>
    long SampleTime { get; }

    /// <summary>
    /// Propagates <paramref name="sampleCount"/> samples per transmit antenna from <paramref name="transmitted"/>
    /// (length N_Tx · sampleCount) into <paramref name="received"/> (length N_Rx · sampleCount, overwritten).
    /// </summary>
    void Process(ReadOnlySpan<ComplexF32> transmitted, Span<ComplexF32> received, int sampleCount);

    /// <summary>Starts a new independent realisation drawn from <paramref name="seed"/>: clears the delay line and the time.</summary>
    void Reset(ulong seed);
}
