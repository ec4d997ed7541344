using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// The whole channel of a link simulation, applied to time-domain samples: multipath fading (or a static tap for AWGN,
/// carrying any timing offset) → carrier frequency offset → phase noise → additive white Gaussian noise. One instance per
/// worker; allocation-free after construction; not thread-safe.
/// </summary>
public sealed class LinkChannel
{
    private readonly CarrierFrequencyOffset? _frequencyOffset;
    private readonly WienerPhaseNoise? _phaseNoise;
    private readonly AdditiveWhiteGaussianNoise _noise;

    /// <summary>Builds the channel for <paramref name="conditions"/> at <paramref name="sampleRateHz"/>, its noise from <paramref name="noise"/>.</summary>
    public LinkChannel(PropagationConditions conditions, double sampleRateHz, int txAntennaCount, int rxAntennaCount, LinkDirection direction,
        GaussianNoiseGenerator noise = GaussianNoiseGenerator.Reference)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        _noise = new AdditiveWhiteGaussianNoise(0, noise);
        Conditions = conditions;
        Fading = conditions.CreateChannel(sampleRateHz, txAntennaCount, rxAntennaCount, direction);
        if (conditions.FrequencyOffsetHz != 0)
        {
            _frequencyOffset = new CarrierFrequencyOffset(conditions.FrequencyOffsetHz, sampleRateHz);
        }

        if (conditions.PhaseNoiseLinewidthHz > 0)
        {
            _phaseNoise = new WienerPhaseNoise(conditions.PhaseNoiseLinewidthHz, sampleRateHz);
        }
    }

    /// <summary>The propagation conditions.</summary>
    public PropagationConditions Conditions { get; }

    /// <summary>The fading part (path gains, frequency responses for perfect channel knowledge, latency).</summary>
    public MultipathFadingChannel Fading { get; }

    /// <summary>The noise variance σ² per complex sample (see <see cref="SnrDefinition"/>).</summary>
    public double NoiseVariance
    {
        get => _noise.NoiseVariance;
        set => _noise.NoiseVariance = value;
    }

    /// <summary>Starts new realisations: fading and phase noise from <paramref name="channelSeed"/>, noise from <paramref name="noiseSeed"/>.</summary>
    public void Reset(ulong channelSeed, ulong noiseSeed)
    {
        Fading.Reset(channelSeed);
        _phaseNoise?.Reset(Randomness.SeedSequence.Derive(channelSeed, 0x50));
        _noise.Reset(noiseSeed);
    }

    /// <summary>
    /// Propagates <paramref name="sampleCount"/> samples per transmit antenna (antenna-major) into
    /// <paramref name="received"/> (N_Rx · sampleCount, overwritten) and adds the impairments and noise.
    /// </summary>
    public void Process(ReadOnlySpan<ComplexF32> transmitted, Span<ComplexF32> received, int sampleCount)
    {
        long first = Fading.SampleTime;
        Fading.Process(transmitted, received, sampleCount);
        _frequencyOffset?.Apply(received, Fading.RxAntennaCount, first);
        _phaseNoise?.Apply(received, Fading.RxAntennaCount);
        _noise.Apply(received);
    }
}
