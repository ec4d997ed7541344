using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// Every option of <c>openran sim pusch|pdsch</c>. The CLI and YAML files bind to it through one catalogue
/// (<see cref="LinkOptionCatalog"/>), so both accept the same names and values and report the same errors.
/// </summary>
public sealed class LinkSimulationOptions
{
    /// <summary>PUSCH or PDSCH.</summary>
    public LinkKind Link { get; set; } = LinkKind.Pusch;

    /// <summary>The fixed reference channel whose parameters were applied, if any.</summary>
    public string? Preset { get; set; }

    /// <summary>Subcarrier spacing Δf in kHz: 15, 30, 60 or 120.</summary>
    public int SubcarrierSpacingKhz { get; set; } = 15;

    /// <summary>The carrier bandwidth N_grid^size in resource blocks (1 … 275).</summary>
    public int GridPrbs { get; set; } = 52;

    /// <summary>The first allocated PRB (0 … GridPrbs − 1).</summary>
    public int PrbStart { get; set; }

    /// <summary>Allocated PRBs; null = the rest of the grid from <see cref="PrbStart"/>.</summary>
    public int? PrbCount { get; set; }

    /// <summary>First allocated OFDM symbol (0 … 13).</summary>
    public int SymbolStart { get; set; }

    /// <summary>Allocated OFDM symbols (1 … 14 − SymbolStart).</summary>
    public int SymbolCount { get; set; } = 14;

    /// <summary>The MCS table used with <see cref="Mcs"/>.</summary>
    public McsTable McsTable { get; set; } = McsTable.Qam64;

    /// <summary>The MCS index I_MCS (0 … 28 or 27 by table); mutually exclusive with <see cref="Modulation"/>/<see cref="TargetCodeRate"/>.</summary>
    public int? Mcs { get; set; }

    /// <summary>An explicit modulation (with <see cref="TargetCodeRate"/>).</summary>
    public ModulationScheme? Modulation { get; set; }

    /// <summary>An explicit target code rate R (0 &lt; R &lt; 1; with <see cref="Modulation"/>).</summary>
    public double? TargetCodeRate { get; set; }

    /// <summary>Transmission layers (1 … 4).</summary>
    public int Layers { get; set; } = 1;

    /// <summary>Transmit antennas (1, 2, 4 or 8; ≥ layers).</summary>
    public int TxAntennas { get; set; } = 1;

    /// <summary>Receive antennas (1, 2, 4 or 8).</summary>
    public int RxAntennas { get; set; } = 2;

    /// <summary>DM-RS configuration type (1 or 2), TS 38.211 §6.4.1.1.3.</summary>
    public int DmrsConfigurationType { get; set; } = 1;

    /// <summary>First DM-RS symbol l0 for mapping type A (2 or 3).</summary>
    public int DmrsTypeAPosition { get; set; } = 2;

    /// <summary>dmrs-AdditionalPosition (0 … 3).</summary>
    public int DmrsAdditionalPosition { get; set; } = 1;

    /// <summary>DM-RS length: 1 (single symbol) or 2 (double symbol).</summary>
    public int DmrsLength { get; set; } = 1;

    /// <summary>DM-RS CDM groups without data (1 … 3; at most 2 for type 1).</summary>
    public int DmrsCdmGroupsWithoutData { get; set; } = 2;

    /// <summary>HARQ processes used in turn (1 … 32): a retransmission comes this many slots after the previous attempt.</summary>
    public int HarqProcesses { get; set; } = 16;

    /// <summary>The most transmissions of a transport block (1 = no HARQ; 1 … 16).</summary>
    public int HarqMaxTransmissions { get; set; } = 4;

    /// <summary>The redundancy versions of successive transmissions (each 0 … 3), TS 38.212 §5.4.2.1.</summary>
    public IReadOnlyList<int> RvSequence { get; set; } = [0, 2, 3, 1];

    /// <summary>The propagation condition name (see <see cref="PropagationConditions.Parse"/>).</summary>
    public string Propagation { get; set; } = "AWGN";

    /// <summary>The antenna correlation; null = the one named in <see cref="Propagation"/> (low when none).</summary>
    public MimoCorrelationLevel? Correlation { get; set; }

    /// <summary>Carrier frequency offset in Hz.</summary>
    public double CfoHz { get; set; }

    /// <summary>Timing offset in ns (0 … 1e6).</summary>
    public double TimingOffsetNs { get; set; }

    /// <summary>Phase-noise linewidth in Hz (0 = off).</summary>
    public double PhaseNoiseHz { get; set; }

    /// <summary>The SNR points in dB (per RE per receive antenna, <see cref="SnrDefinition"/>).</summary>
    public IReadOnlyList<double> SnrDb { get; set; } = [-2, 0, 2, 4, 6, 8, 10];

    /// <summary>Stop a point after this many transmission errors (0 = never early).</summary>
    public long MinBlockErrors { get; set; } = 100;

    /// <summary>The most slots per SNR point.</summary>
    public long MaxSlots { get; set; } = 1000;

    /// <summary>Slots per work unit.</summary>
    public int BatchSlots { get; set; } = 50;

    /// <summary>The master seed.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Worker threads (1 … 1024).</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>Estimated or perfect channel knowledge (perfect is the <c>perfect</c> <see cref="ChannelEstimator"/>).</summary>
    public ChannelKnowledge ChannelEstimation
    {
        get => ChannelEstimator == PerfectEstimator ? ChannelKnowledge.Perfect : ChannelKnowledge.Estimated;
        set => ChannelEstimator = value == ChannelKnowledge.Perfect ? PerfectEstimator : ChannelEstimator == PerfectEstimator ? DmrsChannelEstimator.LinearName : ChannelEstimator;
    }

    /// <summary>The channel estimator: <c>ls-linear</c> (DM-RS least squares, smoothed linear interpolation; default), <c>wiener</c> or <c>perfect</c>.</summary>
    public string ChannelEstimator { get; set; } = DmrsChannelEstimator.LinearName;

    /// <summary>The equalizer algorithm: <c>mmse</c> (default) or <c>zf</c>.</summary>
    public string Equalizer { get; set; } = ChannelEqualizerFactory.MmseName;

    /// <summary>The equalizer implementation: <c>auto</c>, <c>avx2</c> or <c>generic</c>.</summary>
    public string EqualizerImplementation { get; set; } = ImplementationNames.Auto;

    /// <summary>The soft-demapper implementation: <c>auto</c>, <c>avx2</c> or <c>generic</c>.</summary>
    public string Demapper { get; set; } = ImplementationNames.Auto;

    /// <summary>The LDPC decoder implementation: <c>auto</c>, <c>avx512</c>, <c>avx2</c> or <c>generic</c>.</summary>
    public string LdpcDecoder { get; set; } = ImplementationNames.Auto;

    /// <summary>The LDPC decoder's iteration limit (1 … 100; default 10).</summary>
    public int LdpcIterations { get; set; } = LdpcDecoderOptions.Default.MaxIterations;

    /// <summary>Stop decoding a code block once its parity checks and CRC pass (default true).</summary>
    public bool LdpcEarlyTermination { get; set; } = true;

    /// <summary>The channel-estimator names: the DM-RS estimators and <c>perfect</c>.</summary>
    public static IReadOnlyList<string> ChannelEstimatorNames { get; } = [DmrsChannelEstimator.LinearName, DmrsChannelEstimator.WienerName, PerfectEstimator];

    private const string PerfectEstimator = "perfect";

    /// <summary>The output path prefix: writes PREFIX.csv, PREFIX.json and the plot (default <c>results/openran-sim</c>).</summary>
    public string Output { get; set; } = SweepOutputs.DefaultPrefix("openran-sim");

    /// <summary>The plot's image format.</summary>
    public PlotFormat PlotFormat { get; set; } = PlotFormat.Png;

    /// <summary>The shard to run, e.g. 3/16 or /16 (index from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX); null = all.</summary>
    public string? Shard { get; set; }

    /// <summary>Print the SNR at 70 % throughput next to the 3GPP requirement.</summary>
    public bool Requirement { get; set; }

    /// <summary>Write the plot.</summary>
    public bool Plot { get; set; } = true;

    /// <summary>Physical cell identity N_ID^cell (0 … 1007).</summary>
    public int NIdCell { get; set; }

    /// <summary>RNTI (1 … 65519).</summary>
    public int Rnti { get; set; } = 1;

    /// <summary>Applies a fixed reference channel: SCS, PRBs (the whole grid), modulation, code rate, layers and DM-RS.</summary>
    public void ApplyPreset(FixedReferenceChannel frc)
    {
        ArgumentNullException.ThrowIfNull(frc);
        Preset = frc.Name;
        SubcarrierSpacingKhz = frc.SubcarrierSpacingKhz;
        GridPrbs = frc.PrbCount;
        PrbStart = 0;
        PrbCount = frc.PrbCount;
        SymbolStart = 0;
        SymbolCount = 14;
        Mcs = null;
        Modulation = frc.Modulation;
        TargetCodeRate = frc.TargetCodeRate;
        Layers = frc.Layers;
        TxAntennas = Math.Max(TxAntennas, frc.Layers);
        DmrsConfigurationType = 1;
        DmrsTypeAPosition = 2;
        DmrsAdditionalPosition = 1;
        DmrsLength = 1;
        DmrsCdmGroupsWithoutData = 2;
        HarqMaxTransmissions = 4;
        RvSequence = [0, 2, 3, 1];
    }

    /// <summary>The propagation conditions with correlation and impairments applied.</summary>
    public PropagationConditions PropagationConditions()
    {
        PropagationConditions named = Channels.PropagationConditions.Parse(Propagation);
        return named with
        {
            Correlation = Correlation ?? named.Correlation,
            FrequencyOffsetHz = CfoHz,
            TimingOffsetSeconds = TimingOffsetNs * 1e-9,
            PhaseNoiseLinewidthHz = PhaseNoiseHz,
        };
    }

    /// <summary>The 3GPP requirement matching this configuration (preset, propagation, correlation, receive antennas), or null.</summary>
    public PuschRequirement? FindRequirement()
    {
        if (Link != LinkKind.Pusch || Preset is null)
        {
            return null;
        }

        PropagationConditions conditions = PropagationConditions();
        return Ts38104Table8_2_1_2.Find(Preset, conditions.Name, conditions.Correlation, RxAntennas);
    }

    /// <summary>The number of allocated PRBs.</summary>
    public int AllocatedPrbs => PrbCount ?? (GridPrbs - PrbStart);

    /// <summary>Checks every value and throws <see cref="ArgumentException"/> naming the option (by its CLI/YAML name) and its valid range.</summary>
    public void Validate()
    {
        Check(SubcarrierSpacingKhz is 15 or 30 or 60 or 120, "scs-khz", SubcarrierSpacingKhz, "15, 30, 60 or 120");
        Check(GridPrbs is >= 1 and <= 275, "grid-prbs", GridPrbs, "1 … 275");
        Check(PrbStart >= 0 && PrbStart < GridPrbs, "prb-start", PrbStart, $"0 … {GridPrbs - 1}");
        Check(AllocatedPrbs >= 1 && PrbStart + AllocatedPrbs <= GridPrbs, "prbs", AllocatedPrbs, $"1 … {GridPrbs - PrbStart}");
        Check(SymbolStart is >= 0 and <= 13, "symbol-start", SymbolStart, "0 … 13");
        Check(SymbolCount >= 1 && SymbolStart + SymbolCount <= 14, "symbols", SymbolCount, $"1 … {14 - SymbolStart}");
        if (Mcs is int mcs)
        {
            int max = McsTable == McsTable.Qam256 ? 27 : 28;
            Check(McsTable is McsTable.Qam64 or McsTable.Qam256 or McsTable.Qam64LowSe, "mcs-table", McsTable, "qam64, qam256, qam64-low-se");
            Check(mcs >= 0 && mcs <= max, "mcs", mcs, $"0 … {max} for the {McsTable} table");
            Check(Modulation is null && TargetCodeRate is null, "mcs", mcs, "either mcs, or modulation with target-rate, not both");
        }
        else
        {
            Check(Modulation is not null && TargetCodeRate is not null, "modulation", Modulation?.ToString() ?? "(none)", "set mcs, or modulation together with target-rate");
            Check(TargetCodeRate is > 0 and < 1, "target-rate", TargetCodeRate ?? 0, "0 < R < 1");
        }

        Check(Layers is >= 1 and <= 4, "layers", Layers, "1 … 4");
        Check(TxAntennas is 1 or 2 or 4 or 8, "tx-antennas", TxAntennas, "1, 2, 4 or 8");
        Check(TxAntennas >= Layers, "tx-antennas", TxAntennas, $"≥ layers = {Layers}");
        Check(RxAntennas is 1 or 2 or 4 or 8, "rx-antennas", RxAntennas, "1, 2, 4 or 8");
        Check(RxAntennas >= Layers, "rx-antennas", RxAntennas, $"≥ layers = {Layers}");
        Check(DmrsConfigurationType is 1 or 2, "dmrs-type", DmrsConfigurationType, "1 or 2");
        Check(DmrsTypeAPosition is 2 or 3, "dmrs-type-a-position", DmrsTypeAPosition, "2 or 3");
        Check(DmrsAdditionalPosition is >= 0 and <= 3, "dmrs-additional-position", DmrsAdditionalPosition, "0 … 3");
        Check(DmrsLength is 1 or 2, "dmrs-length", DmrsLength, "1 or 2");
        Check(DmrsCdmGroupsWithoutData >= 1 && DmrsCdmGroupsWithoutData <= (DmrsConfigurationType == 1 ? 2 : 3), "dmrs-cdm-groups-without-data", DmrsCdmGroupsWithoutData, DmrsConfigurationType == 1 ? "1 or 2 for type 1" : "1 … 3 for type 2");
        Check(HarqProcesses is >= 1 and <= 32, "harq-processes", HarqProcesses, "1 … 32");
        Check(HarqMaxTransmissions is >= 1 and <= 16, "harq-max-transmissions", HarqMaxTransmissions, "1 … 16");
        Check(RvSequence.Count >= 1, "rv-sequence", RvSequence.Count, "at least one redundancy version");
        foreach (int rv in RvSequence)
        {
            Check(rv is >= 0 and <= 3, "rv-sequence", rv, "each 0 … 3");
        }

        try
        {
            _ = PropagationConditions();
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, "propagation", e);
        }

        Check(Math.Abs(CfoHz) <= 1e6, "cfo-hz", CfoHz, "−1e6 … 1e6 Hz");
        Check(TimingOffsetNs is >= 0 and <= 1e6, "timing-offset-ns", TimingOffsetNs, "0 … 1e6 ns");
        Check(PhaseNoiseHz is >= 0 and <= 1e7, "phase-noise-hz", PhaseNoiseHz, "0 … 1e7 Hz");
        Check(SnrDb.Count is >= 1 and <= 1000, "snr-db", SnrDb.Count, "1 … 1000 points");
        foreach (double snr in SnrDb)
        {
            Check(snr is >= -100 and <= 100, "snr-db", snr, "each −100 … 100 dB");
        }

        Check(MinBlockErrors >= 0, "min-block-errors", MinBlockErrors, "≥ 0");
        Check(MaxSlots is >= 1 and <= 100_000_000_000, "max-slots", MaxSlots, "1 … 1e11");
        Check(BatchSlots is >= 1 and <= 1_000_000, "batch-slots", BatchSlots, "1 … 1000000");
        Check(SweepPlan.BatchCount(MaxSlots, BatchSlots) <= SweepPlan.MaxBatchCount, "batch-slots", BatchSlots,
            $"{SweepPlan.BatchCount(MaxSlots, SweepPlan.MaxBatchCount)} … 1000000 with max-slots = {MaxSlots} (at most 2^31 − 1 batches per SNR point)");
        Check(Threads is >= 1 and <= 1024, "threads", Threads, "1 … 1024");
        Check(!string.IsNullOrWhiteSpace(Output), "output", Output, "a non-empty path prefix");
        Check(ChannelEstimatorNames.Contains(ChannelEstimator), "channel-estimator", ChannelEstimator, string.Join(", ", ChannelEstimatorNames));
        Check(ChannelEqualizerFactory.AlgorithmNames.Contains(Equalizer), "equalizer", Equalizer, string.Join(", ", ChannelEqualizerFactory.AlgorithmNames));
        CheckImplementation(ChannelEqualizerFactory.Family, "equalizer-implementation", EqualizerImplementation);
        CheckImplementation(DemodulationMapperFactory.Family, "demapper", Demapper);
        CheckImplementation(LdpcDecoderFactory.Family, "ldpc-decoder", LdpcDecoder);
        Check(LdpcIterations is >= 1 and <= 100, "ldpc-iterations", LdpcIterations, "1 … 100");
        Check(NIdCell is >= 0 and <= 1007, "n-id-cell", NIdCell, "0 … 1007");
        Check(Rnti is >= 1 and <= 65519, "rnti", Rnti, "1 … 65519");
        if (Requirement && FindRequirement() is null)
        {
            throw new ArgumentException(
                $"requirement: no TS 38.104 requirement matches {(Link == LinkKind.Pusch ? "" : "PDSCH, ")}preset {Preset ?? "(none)"}, propagation {Propagation}, correlation {(Correlation?.ToString() ?? "(from the propagation)").ToLowerInvariant()}, {RxAntennas} Rx; valid: the preset, propagation, correlation and rx-antennas of a row of 'openran sim presets', or requirement false.",
                "requirement");
        }
        if (Shard is not null)
        {
            try
            {
                _ = ShardSpec.Parse(Shard, Environment.GetEnvironmentVariable);
            }
            catch (FormatException e)
            {
                throw new ArgumentException(e.Message, "shard", e);
            }
        }
    }

    /// <summary>
    /// The built-in receiver parts these options name, for <see cref="SharedChannelReceiverComponents.Create"/> (with
    /// <c>perfect</c> the DM-RS estimator options are unused: the simulator substitutes the true channel).
    /// </summary>
    public SharedChannelReceiverOptions ReceiverOptions() => new()
    {
        ChannelEstimator = new ChannelEstimatorOptions
        {
            FrequencyInterpolation = ChannelEstimator == DmrsChannelEstimator.WienerName ? FrequencyInterpolation.Wiener : FrequencyInterpolation.Linear,
        },
        Equalizer = ChannelEqualizerFactory.ParseAlgorithm(Equalizer),
        EqualizerImplementation = EqualizerImplementation,
        DemapperImplementation = Demapper,
        LdpcImplementation = LdpcDecoder,
        Ldpc = new LdpcDecoderOptions(LdpcIterations, LdpcEarlyTermination ? LdpcDecoderOptions.Default.EarlyTermination : Phy.Upper.ChannelCoding.Ldpc.LdpcEarlyTermination.None),
    };

    /// <summary>The slot duration in seconds: 1 ms / 2^μ with Δf = 15 · 2^μ kHz (TS 38.211 §4.3.2).</summary>
    public double SlotDurationSeconds => 1e-3 * 15 / SubcarrierSpacingKhz;

    private static void CheckImplementation(IImplementationFamily family, string option, string name)
    {
        try
        {
            _ = family.Resolve(name);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option} = {name} is not valid: {e.Message.Split(" (Parameter", 2)[0]}", option, e);
        }
    }

    private static void Check(bool condition, string option, object value, string valid)
    {
        if (!condition)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} = {value} is not valid; valid: {valid}."), option);
        }
    }
}
