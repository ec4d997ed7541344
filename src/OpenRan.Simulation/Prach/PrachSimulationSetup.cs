using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// A resolved PRACH sweep: the PRACH configuration of the preset on its carrier (25 RB at 15 kHz or 24 RB at 30 kHz,
/// FFT 512), the propagation condition with its frequency offset, the timing offsets, the reference delay the timing
/// estimate is judged against, and the sweep plan. Shared read-only by the workers.
/// </summary>
public sealed class PrachSimulationSetup
{
    /// <summary>Plan description key of the detection requirement SNR in dB.</summary>
    public const string RequirementKey = "prach-requirement-snr-db";

    /// <summary>Plan description key of the mode (detection or false-alarm).</summary>
    public const string ModeKey = "prach-mode";

    private const int FftSize = 512;

    private PrachSimulationSetup(PrachSimulationOptions options)
    {
        options.Validate();
        Options = options;
        PrachRequirement r = options.Requirement;
        var numerology = Numerology.FromSubcarrierSpacingKhz(r.CarrierSubcarrierSpacingKhz);
        int nSizeGrid = r.CarrierSubcarrierSpacingKhz == 15 ? 25 : 24;
        Configuration = new PrachConfiguration(new PrachParameters
        {
            ConfigurationIndex = r.ConfigurationIndex,
            Msg1SubcarrierSpacingKhz = r.PrachSubcarrierSpacingKhz,
            PuschNumerology = numerology,
            NSizeGrid = nSizeGrid,
            RootSequenceIndex = r.RootSequenceIndex,
            ZeroCorrelationZoneConfig = r.ZeroCorrelationZoneConfig,
        });
        Timing = new PrachTiming(Configuration, new OfdmTiming(numerology, CyclicPrefix.Normal, FftSize));
        Span<PrachOccasion> occasions = stackalloc PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        int count = Configuration.GetOccasions(0, Configuration.Row.SubframeNumbers[0], occasions);
        Occasion = occasions[0];
        _ = count;
        PreambleIndex = r.PreambleIndex;
        RxAntennas = options.RxAntennas ?? r.RxAntennas;
        PropagationConditions parsed = PropagationConditions.Parse(options.Propagation ?? r.Propagation);
        Propagation = parsed with { FrequencyOffsetHz = options.FrequencyOffsetHz ?? (options.Propagation is null ? r.FrequencyOffsetHz : 0) };

        // Timing offsets: base share of the zero-correlation zone, then steps (TS 38.141-1 §8.4.1.4.2).
        double zoneSeconds = Configuration.Preambles.ZoneLength / (Configuration.SequenceLength * Configuration.SubcarrierSpacingHz);
        var offsets = new double[options.TimingOffsetSteps];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = (options.TimingOffsetBaseShare * zoneSeconds) + (i * options.TimingOffsetStepSeconds);
        }

        TimingOffsetsSeconds = offsets;
        StrongestPathDelaySeconds = StrongestPath(Propagation);
        double cpSeconds = Timing.CyclicPrefixSamples(Occasion) / Timing.SampleRateHz;
        double latest = offsets[^1] + (Propagation.Profile?.MaximumDelaySeconds ?? 0);
        if (offsets[^1] + StrongestPathDelaySeconds >= zoneSeconds || latest >= cpSeconds)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the timing offsets reach {offsets[^1] * 1e6:F2} µs (+ {StrongestPathDelaySeconds * 1e6:F2} µs strongest path, {latest * 1e6:F2} µs last path) but the zero-correlation zone is {zoneSeconds * 1e6:F2} µs and the cyclic prefix {cpSeconds * 1e6:F2} µs; lower TimingOffsetBaseShare or the steps."));
        }

        TimeErrorToleranceSeconds = r.TimeErrorToleranceSeconds;
    }

    /// <summary>The options.</summary>
    public PrachSimulationOptions Options { get; }

    /// <summary>The PRACH configuration of the preset.</summary>
    public PrachConfiguration Configuration { get; }

    /// <summary>The configuration at the simulation's sample rate.</summary>
    public PrachTiming Timing { get; }

    /// <summary>The occasion simulated (the first of the configuration's subframe).</summary>
    public PrachOccasion Occasion { get; }

    /// <summary>The transmitted preamble index.</summary>
    public int PreambleIndex { get; }

    /// <summary>Receive antennas.</summary>
    public int RxAntennas { get; }

    /// <summary>The propagation condition with the frequency offset.</summary>
    public PropagationConditions Propagation { get; }

    /// <summary>The timing offsets cycled over the occasions, in seconds.</summary>
    public IReadOnlyList<double> TimingOffsetsSeconds { get; }

    /// <summary>The delay of the strongest tap of the profile (0 for AWGN): the timing estimate is judged against offset + this.</summary>
    public double StrongestPathDelaySeconds { get; }

    /// <summary>The time error tolerance.</summary>
    public double TimeErrorToleranceSeconds { get; }

    /// <summary>Validates and resolves <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A value is out of range or the combination is impossible.</exception>
    public static PrachSimulationSetup Create(PrachSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PrachSimulationSetup(options);
    }

    /// <summary>
    /// The noise variance per sample for <paramref name="snrDb"/>: the generator's unit-power PRACH subcarriers with the
    /// carrier's 1/N scaling have the power spectral density of a unit-power resource element, so σ² = 1/(N·SNR).
    /// </summary>
    public double NoiseVariance(double snrDb) => 1.0 / (Timing.Carrier.FftSize * Math.Pow(10, snrDb / 10));

    /// <summary>The sweep plan (occasions play the part of slots).</summary>
    public SweepPlan Plan()
    {
        PrachRequirement r = Options.Requirement;
        var description = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["preset"] = r.Name,
            ["propagation"] = Propagation.Describe(),
            ["rx-antennas"] = RxAntennas.ToString(CultureInfo.InvariantCulture),
            [ModeKey] = Options.NoiseOnly ? "false-alarm" : "detection",
            ["configuration-index"] = r.ConfigurationIndex.ToString(CultureInfo.InvariantCulture),
            ["n-cs"] = Configuration.NCs.ToString(CultureInfo.InvariantCulture),
            ["false-alarm-design"] = Options.FalseAlarmProbability.ToString("G4", CultureInfo.InvariantCulture),
            ["threshold"] = Options.Threshold?.ToString("G6", CultureInfo.InvariantCulture) ?? "auto",
            ["coherent-repetitions"] = Options.CoherentRepetitions.ToString(CultureInfo.InvariantCulture),
        };
        if (!Options.NoiseOnly && Options.RxAntennas is null && Options.Propagation is null && Options.FrequencyOffsetHz is null)
        {
            description[RequirementKey] = r.SnrDb.ToString("R", CultureInfo.InvariantCulture);
            description["requirement"] = r.Table;
        }

        return new SweepPlan
        {
            SnrDb = Options.SnrDb,
            SlotsPerBatch = Options.OccasionsPerBatch,
            MaxSlotsPerPoint = Options.OccasionsPerPoint,
            MinBlockErrors = 0,
            Seed = Options.Seed,
            SlotDurationSeconds = 10e-3,
            Title = string.Create(CultureInfo.InvariantCulture, $"PRACH {r.Name}: format {PrachFormatNames.Name(Configuration.Format.Format)} ({Configuration.SubcarrierSpacingHz / 1e3:G4} kHz), {Propagation.Label}{(Propagation.FrequencyOffsetHz != 0 ? $" + {Propagation.FrequencyOffsetHz:G4} Hz" : "")}, {RxAntennas} Rx antennas{(Options.NoiseOnly ? ", noise only" : "")}"),
            Description = description,
        };
    }

    private static double StrongestPath(PropagationConditions conditions)
    {
        if (conditions.Profile is null)
        {
            return conditions.TimingOffsetSeconds;
        }

        ChannelTap strongest = conditions.Profile.Taps[0];
        foreach (ChannelTap tap in conditions.Profile.Taps)
        {
            if (tap.PowerDb > strongest.PowerDb)
            {
                strongest = tap;
            }
        }

        return strongest.DelaySeconds + conditions.TimingOffsetSeconds;
    }
}
