using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Link;

/// <summary>
/// Everything a PUCCH link sweep derives once from its <see cref="PucchLinkOptions"/>: the validated PUCCH layout, the OFDM
/// numerology of the carrier, the propagation conditions, the RE energy of the SNR definition and the sweep plan.
/// Immutable; shared by every worker.
/// </summary>
/// <remarks>
/// SNR is per RE per receive antenna (<see cref="SnrDefinition"/>) with E_RE the mean energy of the PUCCH REs (1: every
/// PUCCH RE, data and DM-RS, has unit power). Noise is added in the time domain at the FFT rate.
/// </remarks>
public sealed class PucchLinkSetup
{
    private PucchLinkSetup(PucchLinkOptions options)
    {
        Options = options;
        Layout = new PucchLayout(options.Configuration);
        Numerology = new Numerology(options.Configuration.Numerology);
        Ofdm = new OfdmConfiguration
        {
            Timing = OfdmTiming.ForGrid(Numerology, CyclicPrefix.Normal, options.GridPrbs),
            NSizeGrid = options.GridPrbs,
            Scaling = OfdmScaling.InverseFftSize,
        };
        Ofdm.Validate();
        Propagation = PropagationConditions.Parse(options.Propagation);
    }

    /// <summary>The options (validated).</summary>
    public PucchLinkOptions Options { get; }

    /// <summary>The PUCCH layout.</summary>
    public PucchLayout Layout { get; }

    /// <summary>The numerology.</summary>
    public Numerology Numerology { get; }

    /// <summary>The OFDM configuration (IFFT scaled by 1/N on transmit, unscaled FFT on receive).</summary>
    public OfdmConfiguration Ofdm { get; }

    /// <summary>The propagation conditions.</summary>
    public PropagationConditions Propagation { get; }

    /// <summary>E_RE, the mean energy of a transmitted PUCCH RE (1).</summary>
    public static double ResourceElementEnergy => 1.0;

    /// <summary>The time-domain noise variance per sample for <paramref name="snrDb"/> per RE per receive antenna.</summary>
    public double NoiseVariance(double snrDb) => SnrDefinition.NoiseVariancePerSample(snrDb, ResourceElementEnergy, Ofdm.Timing.FftSize);

    /// <summary>Builds and validates the setup.</summary>
    /// <exception cref="ArgumentException">An option is invalid (the message names it).</exception>
    public static PucchLinkSetup Create(PucchLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new PucchLinkSetup(options);
    }

    /// <summary>The sweep plan (SNR points, stopping rule, seed, description with the requirement when there is one).</summary>
    public SweepPlan Plan()
    {
        PucchLinkOptions o = Options;
        PucchConfiguration c = o.Configuration;
        var description = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["link"] = "pucch",
            ["format"] = Invariant($"{(int)c.Format}"),
            ["test"] = o.Test.ToString(),
            ["scs-khz"] = Invariant($"{Numerology.SubcarrierSpacingKhz}"),
            ["grid-prbs"] = Invariant($"{o.GridPrbs}"),
            ["resource"] = Describe(c),
            ["uci"] = Invariant($"HARQ-ACK {o.Sizes.HarqAckBitCount}, SR {o.Sizes.SrBitCount}, CSI-1 {o.Sizes.CsiPart1BitCount}, CSI-2 {o.Sizes.CsiPart2BitCount}"),
            ["rx-antennas"] = Invariant($"{o.RxAntennas}"),
            ["propagation"] = Propagation.Describe(),
            ["false-alarm"] = o.FalseAlarmProbability.ToString("R", CultureInfo.InvariantCulture),
            ["fft"] = Invariant($"{Ofdm.Timing.FftSize} at {Ofdm.Timing.SampleRateHz / 1e6} Msps"),
        };
        if (o.Requirement is { } requirement)
        {
            description["preset"] = requirement.Name;
            description[RequirementComparison.RequirementKey] = requirement.SnrDb.ToString("R", CultureInfo.InvariantCulture);
            description[RequirementComparison.RequirementNameKey] = Invariant($"TS 38.104 Table {requirement.Table}: {requirement.Description} at {requirement.SnrDb} dB");
            description["requirement-probability"] = requirement.TargetProbability.ToString("R", CultureInfo.InvariantCulture);
        }

        return new SweepPlan
        {
            SnrDb = o.SnrDb,
            SlotsPerBatch = o.BatchOccasions,
            MaxSlotsPerPoint = o.MaxOccasions,
            MinBlockErrors = o.MinErrors,
            Seed = o.Seed,
            SlotDurationSeconds = Numerology.SlotDurationSeconds,
            Title = Invariant($"PUCCH format {(int)c.Format}{(o.Requirement is null ? "" : " " + o.Requirement.Name)}: {Reporting.PucchSweepPlot.TestName(o.Test.ToString())}, {Propagation.Label}, 1×{o.RxAntennas} antennas"),
            Description = description,
        };
    }

    /// <summary>A one-line description of a PUCCH resource.</summary>
    public static string Describe(PucchConfiguration c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Invariant($"PRB {c.StartPrb}+{c.PrbCount}{(c.IntraSlotFrequencyHopping ? $", hop to {c.SecondHopPrb}" : "")}, symbols {c.StartSymbol}+{c.SymbolCount}, {c.GroupHopping}, n_ID {c.HoppingIdOrCell}, m0 {c.InitialCyclicShift}, OCC {c.TimeDomainOcc}, {c.Modulation}{(c.AdditionalDmrs ? ", add. DM-RS" : "")}{(c.Format == PucchFormat.Format4 ? $", SF {c.SpreadingFactor} n {c.OccIndex}" : "")}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
