using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Link;

/// <summary>
/// Everything a PUSCH or PDSCH link simulation derives once from its <see cref="LinkSimulationOptions"/>: the shared-channel
/// configuration (TS 38.211 §6.3.1/§7.3.1 with DM-RS per §6.4.1.1/§7.4.1.1), the transport block size (TS 38.214
/// §5.1.3.2/§6.1.4.2) and coding parameters (TS 38.212 §6.2/§7.2), the OFDM numerology (TS 38.211 §5.3), the
/// propagation conditions and the RE energy used by the SNR definition. Immutable; shared by every worker.
/// </summary>
public sealed class LinkSetup
{
    private LinkSetup(LinkSimulationOptions options)
    {
        Options = options;
        Numerology = Numerology.FromSubcarrierSpacingKhz(options.SubcarrierSpacingKhz);
        (ModulationScheme modulation, double rate) = ModulationAndRate(options);
        Modulation = modulation;
        TargetCodeRate = rate;
        var dmrs = new DmrsConfiguration
        {
            ConfigurationType = options.DmrsConfigurationType == 1 ? DmrsConfigurationType.Type1 : DmrsConfigurationType.Type2,
            Length = options.DmrsLength,
            AdditionalPosition = options.DmrsAdditionalPosition,
            TypeAPosition = options.DmrsTypeAPosition,
            CdmGroupsWithoutData = options.DmrsCdmGroupsWithoutData,
            Ports = [.. Enumerable.Range(0, options.Layers)],
            ScramblingId0 = options.NIdCell,
            ScramblingId1 = options.NIdCell,
        };
        int[] prbs = [.. Enumerable.Range(options.PrbStart, options.AllocatedPrbs)];
        // One set of common fields for both links; PUSCH adds its antenna-port count (one port per layer).
        SharedChannelConfiguration link = options.Link == LinkKind.Pusch
            ? new PuschConfiguration { AntennaPortCount = options.Layers }
            : new PdschConfiguration();
        SharedChannelConfiguration channel = link with
        {
            Numerology = Numerology.Mu,
            NSizeGrid = options.GridPrbs,
            NSizeBwp = options.GridPrbs,
            NIdCell = options.NIdCell,
            NId = options.NIdCell,
            NRnti = options.Rnti,
            PrbSet = prbs,
            StartSymbol = options.SymbolStart,
            SymbolCount = options.SymbolCount,
            Modulation = modulation,
            LayerCount = options.Layers,
            Dmrs = dmrs,
        };
        channel.ThrowIfInvalid();
        SharedChannelLayout layout = channel.BuildLayout();
        int dataPerPrb = layout.DataResourceElementCount / options.AllocatedPrbs;
        DmrsResourceElementsPerPrb = (12 * options.SymbolCount) - dataPerPrb;
        TransportBlockSize = Phy.Upper.Channels.TransportBlockSize.Compute(new TransportBlockSizeParameters(
            options.AllocatedPrbs, options.SymbolCount, DmrsResourceElementsPerPrb, 0, modulation.BitsPerSymbol(), rate, options.Layers));

        // The configuration carries the transport block (A, R, no limited-buffer rate matching), so the transmitter and the
        // receiver derive the same coding parameters from it.
        channel = channel with { TargetCodeRate = rate, TransportBlockSize = TransportBlockSize, LimitedBuffer = LimitedBufferRateMatching.Disabled };
        channel.ThrowIfInvalid();
        Channel = channel;
        Coding = channel.CodingParameters(layout);
        CodewordLength = channel.CodewordLength(layout);
        Ofdm = new OfdmConfiguration
        {
            Timing = OfdmTiming.ForGrid(Numerology, CyclicPrefix.Normal, options.GridPrbs),
            NSizeGrid = options.GridPrbs,
            Scaling = OfdmScaling.InverseFftSize,
        };
        Ofdm.Validate();
        ReceiverOptions = options.ReceiverOptions();
        Propagation = options.PropagationConditions();
        Direction = options.Link == LinkKind.Pusch ? LinkDirection.Uplink : LinkDirection.Downlink;
        ResourceElementEnergy = MeasureResourceElementEnergy();
    }

    /// <summary>The options (validated).</summary>
    public LinkSimulationOptions Options { get; }

    /// <summary>The numerology μ.</summary>
    public Numerology Numerology { get; }

    /// <summary>The modulation.</summary>
    public ModulationScheme Modulation { get; }

    /// <summary>The target code rate R.</summary>
    public double TargetCodeRate { get; }

    /// <summary>The PUSCH or PDSCH configuration.</summary>
    public SharedChannelConfiguration Channel { get; }

    /// <summary>N_DMRS^PRB: DM-RS REs per PRB (with the CDM groups without data), for the TBS.</summary>
    public int DmrsResourceElementsPerPrb { get; }

    /// <summary>The transport block size A in bits.</summary>
    public int TransportBlockSize { get; }

    /// <summary>The UL-SCH/DL-SCH coding parameters.</summary>
    public SharedChannelCodingParameters Coding { get; }

    /// <summary>G: the codeword length in bits (data REs × layers × Q_m).</summary>
    public int CodewordLength { get; }

    /// <summary>The OFDM configuration (IFFT scaled by 1/N on transmit, unscaled FFT on receive).</summary>
    public OfdmConfiguration Ofdm { get; }

    /// <summary>The built-in receiver parts the options name (estimator options, equalizer, demapper, LDPC decoder and iterations).</summary>
    public SharedChannelReceiverOptions ReceiverOptions { get; }

    /// <summary>The propagation conditions with impairments.</summary>
    public PropagationConditions Propagation { get; }

    /// <summary>Uplink for PUSCH, downlink for PDSCH.</summary>
    public LinkDirection Direction { get; }

    /// <summary>E_RE: the average transmitted energy per allocated RE summed over transmit antennas (data and DM-RS), measured on modulated slots.</summary>
    public double ResourceElementEnergy { get; }

    /// <summary>G: the factor by which the receiver FFT scales a white noise variance (N_FFT, for the unscaled forward FFT).</summary>
    public double FftNoiseGain => Ofdm.Timing.FftSize;

    /// <summary>The sample rate of the time-domain signal in Hz.</summary>
    public double SampleRateHz => Ofdm.Timing.SampleRateHz;

    /// <summary>Slots per 10 ms frame.</summary>
    public int SlotsPerFrame => Numerology.SlotsPerFrame;

    /// <summary>Grid ports the modulator writes (one per layer).</summary>
    public int GridPortCount => Options.Layers;

    /// <summary>Builds and validates the setup.</summary>
    /// <exception cref="ArgumentException">The options do not make a valid link (the message names the option).</exception>
    public static LinkSetup Create(LinkSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new LinkSetup(options);
    }

    /// <summary>The time-domain noise variance per sample for <paramref name="snrDb"/> per RE per receive antenna.</summary>
    public double NoiseVariance(double snrDb) => SnrDefinition.NoiseVariancePerSample(snrDb, ResourceElementEnergy, FftNoiseGain);

    /// <summary>The sweep plan for these options (SNR points, stopping rule, seed, description and the 3GPP requirement when one matches).</summary>
    public SweepPlan Plan()
    {
        var description = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["link"] = Options.Link.ToString().ToLowerInvariant(),
            ["scs-khz"] = Invariant(Options.SubcarrierSpacingKhz),
            ["grid-prbs"] = Invariant(Options.GridPrbs),
            ["prbs"] = Invariant($"{Options.PrbStart}+{Options.AllocatedPrbs}"),
            ["symbols"] = Invariant($"{Options.SymbolStart}+{Options.SymbolCount}"),
            ["modulation"] = Modulation.DisplayName(),
            ["target-rate"] = TargetCodeRate.ToString("R", CultureInfo.InvariantCulture),
            ["tbs"] = Invariant(TransportBlockSize),
            ["layers"] = Invariant(Options.Layers),
            ["tx-antennas"] = Invariant(Options.TxAntennas),
            ["rx-antennas"] = Invariant(Options.RxAntennas),
            ["dmrs"] = Invariant($"type {Options.DmrsConfigurationType}, l0 {Options.DmrsTypeAPosition}, add-pos {Options.DmrsAdditionalPosition}, length {Options.DmrsLength}, cdm-no-data {Options.DmrsCdmGroupsWithoutData}"),
            ["harq"] = Invariant($"{Options.HarqProcesses} processes, {Options.HarqMaxTransmissions} transmissions, rv {string.Join(",", Options.RvSequence)}"),
            ["propagation"] = Propagation.Describe(),
            ["channel-estimation"] = Options.ChannelEstimation.ToString().ToLowerInvariant(),
            ["receiver"] = Invariant($"estimator {Options.ChannelEstimator}, equalizer {Options.Equalizer} ({Options.EqualizerImplementation}), demapper {Options.Demapper}, LDPC {Options.LdpcDecoder} {Options.LdpcIterations} it.{(Options.LdpcEarlyTermination ? string.Empty : " no early stop")}"),
            ["fft"] = Invariant($"{Ofdm.Timing.FftSize} at {Ofdm.Timing.SampleRateHz / 1e6} Msps"),
        };
        if (Options.Preset is not null)
        {
            description["preset"] = Options.Preset;
        }

        if (Options.FindRequirement() is PuschRequirement requirement)
        {
            description[RequirementComparison.RequirementKey] = requirement.SnrDb.ToString("R", CultureInfo.InvariantCulture);
            description[RequirementComparison.RequirementNameKey] = $"TS 38.104 Table {requirement.Table}, {requirement.FixedReferenceChannel}, {requirement.Propagation} {requirement.Correlation.ToString().ToLowerInvariant()}, {requirement.RxAntennas} Rx";
            if (Options.Requirement)
            {
                description[RequirementComparison.CheckedKey] = "true";
            }
        }

        int? mcs = Options.Mcs ?? (Options.Preset is string frc ? Ts38104AnnexA.Find(frc).McsIndex : null);
        string scheme = Invariant($"{Modulation.DisplayName()}{(mcs is int m ? Invariant($" MCS {m}") : "")} R = {TargetCodeRate:0.###}");
        string title = Invariant(
            $"{(Options.Link == LinkKind.Pusch ? "PUSCH" : "PDSCH")} {(Options.Preset is string p ? $"{p} ({scheme})" : scheme)}, {Propagation.Label}, {Options.TxAntennas}×{Options.RxAntennas} antennas, {Options.ChannelEstimation.ToString().ToLowerInvariant()} CSI");
        return new SweepPlan
        {
            SnrDb = Options.SnrDb,
            SlotsPerBatch = Options.BatchSlots,
            MaxSlotsPerPoint = Options.MaxSlots,
            MinBlockErrors = Options.MinBlockErrors,
            Seed = Options.Seed,
            SlotDurationSeconds = Options.SlotDurationSeconds,
            Title = title,
            Description = description,
        };
    }

    private static (ModulationScheme Modulation, double Rate) ModulationAndRate(LinkSimulationOptions options)
    {
        if (options.Mcs is int mcs)
        {
            McsEntry entry = McsTables.Lookup(options.McsTable, mcs);
            if (entry.IsReserved)
            {
                throw new ArgumentException($"mcs = {mcs} is a reserved index of the {options.McsTable} table (retransmissions only).", nameof(options));
            }

            return (ModulationSchemeExtensions.FromBitsPerSymbol(entry.ModulationOrder), entry.TargetCodeRate);
        }

        return (options.Modulation!.Value, options.TargetCodeRate!.Value);
    }

    private double MeasureResourceElementEnergy()
    {
        // Average over a few slots of random data: the data symbols have unit mean energy per layer, the DM-RS its β².
        var grid = new ResourceGrid(GridPortCount, NrConstants.SymbolsPerSlotNormalCp, Options.GridPrbs * NrConstants.SubcarriersPerRb);
        grid.Configure(GridPortCount, NrConstants.SymbolsPerSlotNormalCp, Options.GridPrbs);
        var codeword = new byte[CodewordLength];
        var random = new RandomStream(99);
        double energy = 0;
        const int Slots = 4;
        var modulator = new SharedChannelModulator(Options.Layers);
        for (int slot = 0; slot < Slots; slot++)
        {
            random.NextBits(codeword);
            grid.Clear();
            modulator.Modulate(Channel, codeword, slot, grid);

            for (int p = 0; p < GridPortCount; p++)
            {
                for (int l = Options.SymbolStart; l < Options.SymbolStart + Options.SymbolCount; l++)
                {
                    Span<ComplexF32> row = grid.Symbol(p, l).Slice(Options.PrbStart * 12, Options.AllocatedPrbs * 12);
                    energy += ComplexKernels.SumOfMagnitudesSquared(row);
                }
            }
        }

        return energy / (Slots * Options.AllocatedPrbs * 12.0 * Options.SymbolCount);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
