using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The configuration common to PDSCH and PUSCH: carrier and bandwidth part, time-frequency allocation, modulation,
/// layers, scrambling identities, DM-RS, PT-RS, reserved resources and the transport-block coding (target code rate,
/// transport block size, limited-buffer rate matching). Immutable; see <see cref="Validate"/>.
/// </summary>
/// <remarks>
/// Per-slot quantities (slot number, redundancy version) are arguments of the processors, not configuration.
/// Indices follow TS 38.211: PRBs relative to the BWP, CRBs relative to point A, symbols within the slot.
/// </remarks>
public abstract record SharedChannelConfiguration
{
    private readonly int[] _prbSet = [.. Enumerable.Range(0, 52)];
    private readonly ReservedResource[] _reserved = [];

    /// <summary>Subcarrier spacing configuration μ (TS 38.211 §4.2), 0..4.</summary>
    public int Numerology { get; init; }

    /// <summary>Extended cyclic prefix (μ = 2 only): 12 symbols per slot instead of 14.</summary>
    public bool ExtendedCyclicPrefix { get; init; }

    /// <summary>N_grid^size, carrier resource blocks, 1..275.</summary>
    public int NSizeGrid { get; init; } = 52;

    /// <summary>N_grid^start, first common resource block of the carrier, 0..2199.</summary>
    public int NStartGrid { get; init; }

    /// <summary>N_ID^cell, 0..1007.</summary>
    public int NIdCell { get; init; }

    /// <summary>N_BWP^start, first common resource block of the bandwidth part.</summary>
    public int NStartBwp { get; init; }

    /// <summary>N_BWP^size, resource blocks of the bandwidth part, 1..275.</summary>
    public int NSizeBwp { get; init; } = 52;

    /// <summary>Allocated PRBs relative to the BWP (TS 38.214 §5.1.2.2, §6.1.2.2; VRB = PRB, no interleaving).</summary>
    public IReadOnlyList<int> PrbSet
    {
        get => _prbSet;
        init => _prbSet = [.. value];
    }

    /// <summary>First allocated symbol S (TS 38.214 §5.1.2.1).</summary>
    public int StartSymbol { get; init; }

    /// <summary>Number of allocated symbols L.</summary>
    public int SymbolCount { get; init; } = 14;

    /// <summary>Mapping type A or B.</summary>
    public SchMappingType MappingType { get; init; } = SchMappingType.A;

    /// <summary>Modulation of the codeword.</summary>
    public ModulationScheme Modulation { get; init; } = ModulationScheme.Qpsk;

    /// <summary>Number of layers υ, 1..4 (one codeword).</summary>
    public int LayerCount { get; init; } = 1;

    /// <summary>n_RNTI, 0..65535 (scrambling and PT-RS).</summary>
    public int NRnti { get; init; } = 1;

    /// <summary>n_ID of data scrambling (<c>dataScramblingIdentityPDSCH/PUSCH</c>), 0..1023; N_ID^cell when not configured.</summary>
    public int NId { get; init; }

    /// <summary>The DM-RS configuration; its port list has one port per layer.</summary>
    public DmrsConfiguration Dmrs { get; init; } = new();

    /// <summary>The PT-RS configuration, or null when PT-RS is not transmitted.</summary>
    public PtrsConfiguration? Ptrs { get; init; }

    /// <summary>Resources the channel is rate-matched around.</summary>
    public IReadOnlyList<ReservedResource> ReservedResources
    {
        get => _reserved;
        init => _reserved = [.. value];
    }

    /// <summary>
    /// R, the target code rate of the MCS (TS 38.214 Tables 5.1.3.1-1 to -3, 6.1.4.1-1/-2), in (0, 1): it selects the LDPC
    /// base graph and enters the TBS. Default 526/1024 (MCS 7 of Table 5.1.3.1-1, QPSK).
    /// </summary>
    public double TargetCodeRate { get; init; } = 526.0 / 1024;

    /// <summary>
    /// A, the transport block size in bits; 0 (the default) determines it from the allocation by TS 38.214 §5.1.3.2 /
    /// §6.1.4.2 (see <see cref="TransportBlockSizeFor"/>).
    /// </summary>
    public int TransportBlockSize { get; init; }

    /// <summary>N_oh^PRB, the <c>xOverhead</c> of TBS determination: 0, 6, 12 or 18.</summary>
    public int OverheadPerPrb { get; init; }

    /// <summary>
    /// S, the TB scaling factor of TS 38.214 Table 5.1.3.2-2 applied to N_info (1, 0.5 or 0.25; 1 unless a DCI 1_0 with
    /// P-RNTI or RA-RNTI sets its TB scaling field).
    /// </summary>
    public double TransportBlockScaling { get; init; } = 1;

    /// <summary>
    /// Limited-buffer rate matching of the LDPC circular buffer (TS 38.212 §5.4.2.1). Default disabled (N_cb = N, the UL-SCH
    /// default); the DL-SCH of the specification uses <see cref="LimitedBufferRateMatching.FromTransportBlockSize"/> with
    /// TBS_LBRM from <see cref="Channels.TransportBlockSize.ForLimitedBufferRateMatching"/>.
    /// </summary>
    public LimitedBufferRateMatching LimitedBuffer { get; init; }

    /// <summary>N_symb^slot: 14, or 12 with extended cyclic prefix.</summary>
    public int SymbolsPerSlot => ExtendedCyclicPrefix ? NrConstants.SymbolsPerSlotExtendedCp : NrConstants.SymbolsPerSlotNormalCp;

    /// <summary>Slots per frame, 10·2^μ.</summary>
    public int SlotsPerFrame => NrConstants.SubframesPerFrame << Numerology;

    /// <summary>Subcarrier spacing in Hz, 15 kHz·2^μ.</summary>
    public double SubcarrierSpacingHz => 15e3 * (1 << Numerology);

    /// <summary>Whether this configures a PDSCH (downlink) rather than a PUSCH.</summary>
    protected abstract bool IsDownlink { get; }

    // The values by which the channels differ for the shared transmitter and receiver (no per-channel processors).

    /// <summary>c_init of the data scrambling (<see cref="Scrambling.PdschScrambling"/>, <see cref="Scrambling.PuschScrambling"/>).</summary>
    public abstract uint ScramblingCInit { get; }

    /// <summary>The antenna ports of the transmitted grid: υ for PDSCH (one per DM-RS port), ρ for PUSCH.</summary>
    public virtual int TransmitPortCount => LayerCount;

    /// <summary>The precoding matrix W (ports × layers) applied after resource mapping, or null when the layers are the ports.</summary>
    public virtual PrecodingMatrix? PortPrecoding => null;

    /// <summary>Whether transform precoding (DFT-s-OFDM, TS 38.211 §6.3.1.4) applies.</summary>
    public virtual bool IsTransformPrecoded => false;

    /// <summary>The sequence the DM-RS carries.</summary>
    public virtual DmrsSequenceKind DmrsSequence => DmrsSequenceKind.PseudoRandom;

    /// <summary>The low-PAPR sequence parameters of the DM-RS when <see cref="DmrsSequence"/> is a low-PAPR kind, else null.</summary>
    public virtual TransformPrecodingDmrs? LowPaprDmrs => null;

    /// <summary>
    /// The UCI multiplexed on the codeword with (or instead of) the transport block (TS 38.212 §6.2.7, PUSCH only), or null:
    /// the shared-channel transmitter and receiver multiplex and demultiplex it when set.
    /// </summary>
    public virtual Pusch.PuschUciConfiguration? MultiplexedUci => null;

    /// <summary>
    /// Whether the codeword may hold the UCI placeholders x and y of TS 38.212 §5.3.3, which the scrambler resolves
    /// (TS 38.211 §6.3.1.1: x becomes 1, y repeats the previous scrambled bit).
    /// </summary>
    public virtual bool CodewordHasPlaceholders => false;

    /// <summary>
    /// The common resource block whose subcarrier 0 is the DM-RS reference point k = 0: CRB 0 (point A) unless the channel
    /// says otherwise (<see cref="Pdsch.PdschConfiguration.DmrsReferencePointCrb"/>).
    /// </summary>
    internal virtual int DmrsReferenceCrb => 0;

    /// <summary>The problems of this configuration, each naming the property, its value and the valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        AddCommonProblems(problems);
        AddChannelProblems(problems);
        if (problems.Count == 0)
        {
            try
            {
                AddLayoutProblems(BuildLayout(), problems);
            }
            catch (ArgumentException ex)
            {
                problems.Add(ex.Message);
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem unless the configuration is valid.</summary>
    public void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid {GetType().Name}: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>
    /// A: <see cref="TransportBlockSize"/> when set, else the TBS of TS 38.214 §5.1.3.2 / §6.1.4.2 with n_PRB allocated
    /// PRBs, N_symb^sh allocated symbols, N_DMRS^PRB = DM-RS symbols × (6 or 4 REs per CDM group for type 1 or 2) ×
    /// CDM groups without data, N_oh^PRB = <see cref="OverheadPerPrb"/>, Q_m, R, υ and S = <see cref="TransportBlockScaling"/>.
    /// </summary>
    /// <param name="layout">This configuration's layout (<see cref="BuildLayout"/> or a processor's cached one).</param>
    public int TransportBlockSizeFor(SharedChannelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (TransportBlockSize > 0)
        {
            return TransportBlockSize;
        }

        int dmrsSymbols = System.Numerics.BitOperations.PopCount(layout.DmrsSymbolMask);
        int perGroup = Dmrs.ConfigurationType == DmrsConfigurationType.Type1 ? 6 : 4;
        return Channels.TransportBlockSize.Compute(new TransportBlockSizeParameters(
            _prbSet.Length, SymbolCount, dmrsSymbols * perGroup * Dmrs.CdmGroupsWithoutData, OverheadPerPrb, Modulation.BitsPerSymbol(), TargetCodeRate, LayerCount, TransportBlockScaling));
    }

    /// <summary>The DL-SCH/UL-SCH coding parameters of this configuration (TS 38.212 §7.2, §6.2).</summary>
    /// <param name="layout">This configuration's layout.</param>
    public SharedChannelCodingParameters CodingParameters(SharedChannelLayout layout) =>
        new(TransportBlockSizeFor(layout), TargetCodeRate, Modulation.BitsPerSymbol(), LayerCount, LimitedBuffer);

    /// <summary>G, the coded bits one slot carries: M_symb^layer·υ·Q_m (TS 38.212 §7.2.5, §6.2.5).</summary>
    /// <param name="layout">This configuration's layout.</param>
    public int CodewordLength(SharedChannelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return layout.DataResourceElementCount * LayerCount * Modulation.BitsPerSymbol();
    }

    /// <summary>Builds the resource-element layout (throws <see cref="ArgumentException"/> when impossible).</summary>
    public SharedChannelLayout BuildLayout() =>
        new(IsDownlink, SymbolsPerSlot, NStartGrid, NSizeGrid, NStartBwp, NSizeBwp, _prbSet, MappingType, StartSymbol, SymbolCount, Dmrs, Ptrs, NRnti, _reserved, DmrsReferenceCrb, SubcarrierSpacingHz);

    /// <summary>Adds the channel-specific problems (precoding, transform precoding, …).</summary>
    protected abstract void AddChannelProblems(List<string> problems);

    /// <summary>Adds problems that need the resource-element layout: the transport block must be codable in G bits.</summary>
    protected virtual void AddLayoutProblems(SharedChannelLayout layout, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        int g = CodewordLength(layout);
        if (g == 0)
        {
            problems.Add("the allocation leaves no resource elements for data (DM-RS, PT-RS and reserved resources cover it)");
            return;
        }

        SharedChannelCodingParameters coding;
        try
        {
            coding = CodingParameters(layout);
        }
        catch (ArgumentException ex)
        {
            problems.Add($"transport block: {ex.Message}");
            return;
        }

        int symbols = g / (LayerCount * Modulation.BitsPerSymbol());
        if (symbols < coding.Segmentation.CodeBlockCount)
        {
            problems.Add($"G = {g} coded bits cannot carry the {coding.Segmentation.CodeBlockCount} code blocks of A = {coding.TransportBlockSize} (TS 38.212 §5.4.2.1 needs E_r > 0)");
        }
    }

    /// <summary>Value equality including the lists.</summary>
    public virtual bool Equals(SharedChannelConfiguration? other) =>
        other is not null && other.GetType() == GetType() && Numerology == other.Numerology && ExtendedCyclicPrefix == other.ExtendedCyclicPrefix
        && NSizeGrid == other.NSizeGrid && NStartGrid == other.NStartGrid && NIdCell == other.NIdCell && NStartBwp == other.NStartBwp
        && NSizeBwp == other.NSizeBwp && _prbSet.SequenceEqual(other._prbSet) && StartSymbol == other.StartSymbol && SymbolCount == other.SymbolCount
        && MappingType == other.MappingType && Modulation == other.Modulation && LayerCount == other.LayerCount && NRnti == other.NRnti
        && NId == other.NId && Dmrs.Equals(other.Dmrs) && Equals(Ptrs, other.Ptrs) && _reserved.SequenceEqual(other._reserved)
        && TargetCodeRate.Equals(other.TargetCodeRate) && TransportBlockSize == other.TransportBlockSize && OverheadPerPrb == other.OverheadPerPrb
        && LimitedBuffer == other.LimitedBuffer;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(NSizeGrid, NStartBwp, _prbSet.Length, StartSymbol, SymbolCount, Modulation, LayerCount, NRnti);

    private void AddCommonProblems(List<string> problems)
    {
        Check(problems, Numerology, 0, NrConstants.MaxNumerology, nameof(Numerology));
        if (ExtendedCyclicPrefix && Numerology != 2)
        {
            problems.Add($"ExtendedCyclicPrefix requires Numerology = 2 (60 kHz); Numerology = {Numerology}");
        }

        Check(problems, NSizeGrid, 1, NrConstants.MaxPrb, nameof(NSizeGrid));
        Check(problems, NStartGrid, 0, 2199, nameof(NStartGrid));
        Check(problems, NIdCell, 0, NrConstants.MaxCellId, nameof(NIdCell));
        Check(problems, NSizeBwp, 1, NrConstants.MaxPrb, nameof(NSizeBwp));
        if (NStartBwp < NStartGrid || NStartBwp + NSizeBwp > NStartGrid + NSizeGrid)
        {
            problems.Add($"the BWP (NStartBwp = {NStartBwp}, NSizeBwp = {NSizeBwp}) must lie inside the carrier (CRBs {NStartGrid}..{NStartGrid + NSizeGrid - 1})");
        }

        if (_prbSet.Length == 0)
        {
            problems.Add("PrbSet is empty; valid: one or more PRBs 0..NSizeBwp − 1");
        }
        else if (_prbSet.Any(p => p < 0 || p >= NSizeBwp))
        {
            problems.Add($"PrbSet contains {_prbSet.First(p => p < 0 || p >= NSizeBwp)}, outside the BWP; valid: 0..{NSizeBwp - 1}");
        }
        else if (_prbSet.Distinct().Count() != _prbSet.Length)
        {
            problems.Add("PrbSet repeats a PRB");
        }

        Check(problems, StartSymbol, 0, SymbolsPerSlot - 1, nameof(StartSymbol));
        Check(problems, SymbolCount, 1, SymbolsPerSlot - StartSymbol, nameof(SymbolCount));
        if (!Enum.IsDefined(Modulation))
        {
            problems.Add($"Modulation = {Modulation} is not a modulation scheme");
        }

        Check(problems, LayerCount, 1, 4, nameof(LayerCount));
        Check(problems, NRnti, 0, 65535, nameof(NRnti));
        Check(problems, NId, 0, 1023, nameof(NId));
        if (!(TargetCodeRate > 0 && TargetCodeRate < 1))
        {
            problems.Add($"TargetCodeRate = {TargetCodeRate}; valid: 0 < R < 1 (an MCS's R, TS 38.214 §5.1.3.1)");
        }

        Check(problems, TransportBlockSize, 0, SharedChannelCodingParameters.MaxTransportBlockSize, nameof(TransportBlockSize));
        if (OverheadPerPrb is not (0 or 6 or 12 or 18))
        {
            problems.Add($"OverheadPerPrb = {OverheadPerPrb}; valid: 0, 6, 12, 18 (xOverhead, TS 38.214 §5.1.3.2)");
        }

        problems.AddRange(Dmrs.Validate());
        if (Dmrs.Ports.Count != LayerCount)
        {
            problems.Add($"Dmrs.Ports has {Dmrs.Ports.Count} port(s) but LayerCount = {LayerCount}; one DM-RS port per layer");
        }

        if (Ptrs is not null)
        {
            problems.AddRange(Ptrs.Validate(LayerCount));
        }

        for (int i = 0; i < _reserved.Length; i++)
        {
            problems.AddRange(_reserved[i].Validate($"ReservedResources[{i}]"));
        }
    }

    /// <summary>Adds "name = value; valid: min..max" when <paramref name="value"/> is outside [min, max].</summary>
    protected static void Check(List<string> problems, int value, int min, int max, string name)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (value < min || value > max)
        {
            problems.Add($"{name} = {value}; valid: {min}..{max}");
        }
    }
}
