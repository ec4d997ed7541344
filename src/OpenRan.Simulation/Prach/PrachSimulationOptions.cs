using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// A PRACH detection sweep (<c>openran sim prach</c>): a TS 38.104 requirement preset with optional overrides, SNR points,
/// occasions per point and the detector's options. <see cref="PrachSimulationSetup"/> resolves it.
/// </summary>
public sealed record PrachSimulationOptions
{
    /// <summary>The requirement preset (see <see cref="Ts38104Table8_4_2_2"/>).</summary>
    public required PrachRequirement Requirement { get; init; }

    /// <summary>Overrides the preset's propagation condition (e.g. <c>AWGN</c>, <c>TDLC300-100</c>).</summary>
    public string? Propagation { get; init; }

    /// <summary>Overrides the preset's frequency offset in Hz.</summary>
    public double? FrequencyOffsetHz { get; init; }

    /// <summary>Overrides the preset's receive antennas (1..8).</summary>
    public int? RxAntennas { get; init; }

    /// <summary>SNR points in dB (per PRACH subcarrier and receive antenna: preamble PSD over noise PSD in the PRACH band).</summary>
    public required IReadOnlyList<double> SnrDb { get; init; }

    /// <summary>Occasions simulated per SNR point.</summary>
    public long OccasionsPerPoint { get; init; } = 2000;

    /// <summary>Occasions per work unit.</summary>
    public int OccasionsPerBatch { get; init; } = 50;

    /// <summary>Noise only (no preamble sent): measures the false-alarm probability instead of detection.</summary>
    public bool NoiseOnly { get; init; }

    /// <summary>The detector's design false-alarm probability per occasion.</summary>
    public double FalseAlarmProbability { get; init; } = 1e-4;

    /// <summary>A fixed detection threshold instead of the one from <see cref="FalseAlarmProbability"/>.</summary>
    public double? Threshold { get; init; }

    /// <summary>Repetitions combined coherently (0 = all).</summary>
    public int CoherentRepetitions { get; init; }

    /// <summary>
    /// The base timing offset as a share of the zero-correlation zone (TS 38.141-1 §8.4.1.4.2: 50 % of N_CS); the offset then
    /// grows by <see cref="TimingOffsetStepSeconds"/> per occasion for <see cref="TimingOffsetSteps"/> occasions and restarts.
    /// </summary>
    public double TimingOffsetBaseShare { get; init; } = 0.5;

    /// <summary>The timing offset step (0.1 µs).</summary>
    public double TimingOffsetStepSeconds { get; init; } = 0.1e-6;

    /// <summary>Offsets in one cycle: base, base + step, … (10: up to base + 0.9 µs).</summary>
    public int TimingOffsetSteps { get; init; } = 10;

    /// <summary>The master seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Worker threads (0 = every core).</summary>
    public int Threads { get; init; }

    /// <summary>Checks every value (throws naming the field and its range).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Requirement);
        if (SnrDb is null || SnrDb.Count is < 1 or > 1000)
        {
            ThrowHelper.ThrowOutOfRange(nameof(SnrDb), SnrDb?.Count ?? 0, "1..1000 SNR points");
        }

        foreach (double snr in SnrDb)
        {
            if (!(snr >= -100 && snr <= 100))
            {
                ThrowHelper.ThrowOutOfRange(nameof(SnrDb), snr.ToString(CultureInfo.InvariantCulture), "−100..100 dB");
            }
        }

        if (OccasionsPerPoint < 1)
        {
            ThrowHelper.ThrowOutOfRange(nameof(OccasionsPerPoint), OccasionsPerPoint, "≥ 1");
        }

        ThrowHelper.ThrowIfOutside(OccasionsPerBatch, 1, 100_000, nameof(OccasionsPerBatch));
        if (RxAntennas is { } rx)
        {
            ThrowHelper.ThrowIfOutside(rx, 1, 8, nameof(RxAntennas));
        }

        if (FrequencyOffsetHz is { } f && !(Math.Abs(f) <= 10_000))
        {
            ThrowHelper.ThrowOutOfRange(nameof(FrequencyOffsetHz), f.ToString(CultureInfo.InvariantCulture), "−10000..10000 Hz");
        }

        if (!(TimingOffsetBaseShare >= 0 && TimingOffsetBaseShare < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(TimingOffsetBaseShare), TimingOffsetBaseShare.ToString(CultureInfo.InvariantCulture), "0 ≤ share < 1 of the zone");
        }

        if (!(TimingOffsetStepSeconds >= 0 && TimingOffsetStepSeconds <= 1e-5))
        {
            ThrowHelper.ThrowOutOfRange(nameof(TimingOffsetStepSeconds), TimingOffsetStepSeconds.ToString(CultureInfo.InvariantCulture), "0..10 µs");
        }

        ThrowHelper.ThrowIfOutside(TimingOffsetSteps, 1, 1000, nameof(TimingOffsetSteps));
        ThrowHelper.ThrowIfOutside(Threads, 0, 1024, nameof(Threads));
    }
}
