using System;
using OpenRan.Engine.Rrc;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// A CORESET other than CORESET#0 on the demodulated carrier (CRB 0 .. N_RB − 1) and the search space monitored on it:
/// a CORESET described by the user (<see cref="Described"/>) with the search space the user names — a common search space
/// (<c>common1</c>, <c>common3</c>: the candidates 4, 2, 1 at aggregation levels 4, 8, 16 of TS 38.213 Table 10.1-1, CCE
/// hashing Y = 0) or a UE-specific one (<c>ue</c>: 2, 2, 2, 2, 1 candidates at levels 1..16, hashing with each RNTI),
/// monitored at symbol 0 of every slot — or SIB1's commonControlResourceSet (<see cref="FromSib1"/>), whose common search
/// spaces the receiver monitors in their own occasions. DCI 1_0 sizes follow TS 38.212 §7.3.1.2.1 (a common search space:
/// CORESET#0's size; UE-specific: the carrier's), and the PDSCH PRBs count from the CORESET's lowest RB in a common search
/// space and from CRB 0 (the carrier-wide BWP) otherwise (TS 38.214 §5.1.2.2); PDCCH and PDSCH DM-RS referenced to point
/// A (TS 38.211 §7.4.1.3.2, §7.4.1.1.2).
/// </summary>
internal sealed class CoresetMonitor : ICommonPdcchGrid
{
    private static readonly int[] s_commonCandidates = [0, 0, 4, 2, 1];
    private static readonly int[] s_ueCandidates = [2, 2, 2, 2, 1];

    private readonly BandDemodulator _carrier;
    private readonly int _carrierPrbs;
    private readonly int _prbOffset;
    private readonly double _ssbFirstSubcarrierOffset;

    private CoresetMonitor(BandDemodulator carrier, CellContext cell, CoresetConfiguration coreset, string name, bool common, int coreset0Size)
    {
        _carrier = carrier;
        _carrierPrbs = cell.CarrierPrbs!.Value;
        Name = name;
        Common = common;
        Coreset = new Coreset(coreset);
        SearchSpace = new SearchSpaceConfiguration(Common ? 3 : 2, Common, 1, 0, 1, 0, Common ? s_commonCandidates : s_ueCandidates);
        FdraBwpSize = Common ? coreset0Size : _carrierPrbs;
        DciSizes = new DciSizes0_0And1_0(FdraBwpSize, FdraBwpSize, CommonSearchSpace: Common);
        DciSizeList = [DciSizes.Size];
        int firstGroup = Array.IndexOf(coreset.FrequencyResources, true);
        _prbOffset = Common ? coreset.FirstRb + (6 * Math.Max(firstGroup, 0)) : 0;
        _ssbFirstSubcarrierOffset = ((cell.SsbCommonRb!.Value * NrConstants.SubcarriersPerRb * cell.CommonScsKhz) + (cell.KSsb * 15.0)) / cell.CommonScsKhz;
    }

    /// <summary>The described CORESET (<c>--coreset</c>) with the search space <paramref name="searchSpace"/> (common1, common3, ue).</summary>
    public static CoresetMonitor Described(BandDemodulator carrier, CellContext cell, UeCoresetDescription description, string searchSpace, int coreset0Size) =>
        new(carrier, cell, description.ToConfiguration(cell.Pci), $"{searchSpace} (--coreset)", searchSpace != "ue", coreset0Size);

    /// <summary>
    /// SIB1's commonControlResourceSet <paramref name="coreset"/> in the initial downlink BWP that starts at common RB
    /// <paramref name="bwpStartCrb"/>; its common search spaces are monitored in their occasions (DCI 1_0 sized by CORESET#0,
    /// <paramref name="coreset0Size"/> RBs, TS 38.212 §7.3.1.2.1).
    /// </summary>
    public static CoresetMonitor FromSib1(BandDemodulator carrier, CellContext cell, RrcControlResourceSet coreset, int bwpStartCrb, int coreset0Size) =>
        new(carrier, cell, ToConfiguration(coreset, bwpStartCrb, cell.Pci), $"CORESET#{coreset.Id}", true, coreset0Size);

    /// <summary>
    /// The CORESET of a ControlResourceSet (TS 38.331, TS 38.213 §10.1, TS 38.211 §7.3.2.2): frequencyDomainResources
    /// (45 bits, the most significant bit the first group) in groups of 6 RBs from common RB 6·⌈N_BWP^start/6⌉, duration,
    /// CCE-to-REG mapping (interleaved: L, R, n_shift = shiftIndex or N_ID^cell), precoder granularity and
    /// pdcch-DMRS-ScramblingID (absent: N_ID = N_ID^cell); DM-RS referenced to common RB 0 (TS 38.211 §7.4.1.3.2).
    /// </summary>
    public static CoresetConfiguration ToConfiguration(RrcControlResourceSet coreset, int bwpStartCrb, int pci)
    {
        var groups = new bool[45];
        int last = 0;
        for (int i = 0; i < 45; i++)
        {
            groups[i] = ((coreset.FrequencyDomainResources >> (44 - i)) & 1) != 0;
            last = groups[i] ? i : last;
        }

        return new CoresetConfiguration(
            coreset.Id,
            6 * ((bwpStartCrb + 5) / 6),
            groups[..(last + 1)],
            coreset.Duration,
            coreset.Interleaved ? CceRegMapping.Interleaved : CceRegMapping.NonInterleaved,
            coreset.RegBundleSize,
            coreset.Interleaved ? coreset.InterleaverSize : 0,
            coreset.ShiftIndex ?? pci,
            coreset.AllContiguousRbs ? PrecoderGranularity.AllContiguousRbs : PrecoderGranularity.SameAsRegBundle,
            coreset.DmrsScramblingId);
    }

    /// <summary>How reports name the search space.</summary>
    public string Name { get; }

    /// <summary>Whether the search space is common (else UE-specific).</summary>
    public bool Common { get; }

    /// <summary>The search space at symbol 0 of every slot.</summary>
    public SearchSpaceConfiguration SearchSpace { get; }

    public ResourceGrid Grid => _carrier.Grid;

    public Coreset Coreset { get; }

    public DciSizes0_0And1_0 DciSizes { get; }

    public int[] DciSizeList { get; }

    public int FdraBwpSize { get; }

    public PdschConfiguration PdschFor(CellContext cell, UeDownlinkAllocation allocation, int rnti, bool siType0, int slot) => new()
    {
        Numerology = cell.CommonScsKhz / 30,
        NSizeGrid = _carrierPrbs,
        NStartGrid = 0,
        NIdCell = cell.Pci,
        NStartBwp = 0,
        NSizeBwp = _carrierPrbs,
        PrbSet = allocation.PrbSet(_prbOffset, _prbOffset),
        TransportBlockScaling = allocation.TbScaling,
        StartSymbol = allocation.StartSymbol,
        SymbolCount = allocation.SymbolCount,
        MappingType = allocation.MappingTypeA ? SchMappingType.A : SchMappingType.B,
        Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(allocation.ModulationOrder),
        LayerCount = 1,
        NRnti = rnti,
        NId = cell.Pci,
        Dmrs = new DmrsConfiguration
        {
            TypeAPosition = cell.DmrsTypeAPosition,
            AdditionalPosition = 2,
            CdmGroupsWithoutData = !allocation.MappingTypeA && allocation.SymbolCount == 2 ? 1 : 2,
            ScramblingId0 = cell.Pci,
            ScramblingId1 = cell.Pci,
            Ports = [0],
        },
        TargetCodeRate = allocation.TargetCodeRate,
        LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSize.ForLimitedBufferRateMatching(1, 6, TransportBlockSize.LimitedBufferPrbCount(_carrierPrbs))),
        DmrsReferencePointCrb = 0,
        ReservedResources = SlotDemodulator.SsbReserved(cell, slot, _carrier.Timing.Numerology.SlotsPerFrame, _ssbFirstSubcarrierOffset, 0, _carrierPrbs),
    };
}
