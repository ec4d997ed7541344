using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>The configuration of a <see cref="MultipathFadingChannel"/>, validated by <see cref="Validate"/>.</summary>
public sealed record MultipathChannelOptions
{
    /// <summary>The power delay profile (delays already scaled).</summary>
    public required PowerDelayProfile Profile { get; init; }

    /// <summary>Sample rate f_s of the time-domain signal in Hz (1 kHz … 1 GHz).</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>Maximum Doppler shift f_D in Hz (0 … 10 kHz); 0 freezes the fading realisation.</summary>
    public double MaximumDopplerHz { get; init; }

    /// <summary>Transmit antennas N_Tx (1, 2, 4 or 8).</summary>
    public int TxAntennaCount { get; init; } = 1;

    /// <summary>Receive antennas N_Rx (1, 2, 4 or 8).</summary>
    public int RxAntennaCount { get; init; } = 1;

    /// <summary>The spatial correlation; null means independent links (low correlation).</summary>
    public MimoCorrelation? Correlation { get; init; }

    /// <summary>An extra delay added to every tap, in seconds (0 … 1 ms): the timing offset of the received signal.</summary>
    public double TimingOffsetSeconds { get; init; }

    /// <summary>Sinusoids per Rayleigh process (4 … 256).</summary>
    public int SinusoidCount { get; init; } = 16;

    /// <summary>The Doppler shift of a line-of-sight tap as a fraction of f_D (TR 38.901 §7.7.2: 0.7).</summary>
    public double LineOfSightDopplerFraction { get; init; } = 0.7;

    /// <summary>
    /// Samples per gain update (1 … 4096), or null to choose the largest power of two for which the fastest Doppler
    /// component turns by at most 0.02 rad within one update interval (capped at 1024).
    /// </summary>
    public int? GainUpdateIntervalSamples { get; init; }

    /// <summary>Checks every value and throws naming the first bad one with its valid range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Profile);
        if (!(SampleRateHz >= 1e3 && SampleRateHz <= 1e9))
        {
            ThrowHelper.ThrowOutOfRange(nameof(SampleRateHz), SampleRateHz, "1e3 … 1e9 Hz");
        }

        if (!(MaximumDopplerHz >= 0 && MaximumDopplerHz <= 1e4))
        {
            ThrowHelper.ThrowOutOfRange(nameof(MaximumDopplerHz), MaximumDopplerHz, "0 … 10000 Hz");
        }

        if (TxAntennaCount is not (1 or 2 or 4 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(TxAntennaCount), TxAntennaCount, "1, 2, 4 or 8");
        }

        if (RxAntennaCount is not (1 or 2 or 4 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(RxAntennaCount), RxAntennaCount, "1, 2, 4 or 8");
        }

        if (Correlation is not null && (Correlation.TxAntennaCount != TxAntennaCount || Correlation.RxAntennaCount != RxAntennaCount))
        {
            ThrowHelper.ThrowArgument(nameof(Correlation),
                $"the correlation is for {Correlation.TxAntennaCount}x{Correlation.RxAntennaCount} antennas but the channel has {TxAntennaCount}x{RxAntennaCount}.");
        }

        if (!(TimingOffsetSeconds >= 0 && TimingOffsetSeconds <= 1e-3))
        {
            ThrowHelper.ThrowOutOfRange(nameof(TimingOffsetSeconds), TimingOffsetSeconds, "0 … 1e-3 s");
        }

        ThrowHelper.ThrowIfOutside(SinusoidCount, 4, 256);
        if (!(LineOfSightDopplerFraction >= -1 && LineOfSightDopplerFraction <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(LineOfSightDopplerFraction), LineOfSightDopplerFraction, "−1 … 1");
        }

        if (GainUpdateIntervalSamples is int interval)
        {
            ThrowHelper.ThrowIfOutside(interval, 1, 4096, nameof(GainUpdateIntervalSamples));
        }
    }

    /// <summary>The gain update interval in samples actually used (see <see cref="GainUpdateIntervalSamples"/>).</summary>
    public int EffectiveGainUpdateInterval()
    {
        if (GainUpdateIntervalSamples is int interval)
        {
            return interval;
        }

        double fastest = MaximumDopplerHz * Math.Max(1, Math.Abs(LineOfSightDopplerFraction));
        if (fastest <= 0)
        {
            return 1024;
        }

        double limit = 0.02 * SampleRateHz / (2 * Math.PI * fastest);
        int b = 1;
        while (b * 2 <= limit && b < 1024)
        {
            b *= 2;
        }

        return b;
    }
}
