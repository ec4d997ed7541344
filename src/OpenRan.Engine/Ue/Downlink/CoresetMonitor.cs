using System.Linq;
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
/// A described CORESET (<see cref="UeCoresetDescription"/>) on the demodulated carrier (CRB 0 .. N_RB − 1) with the search
/// space the user names: a common search space (<c>common1</c>, <c>common3</c>: the candidates 4, 2, 1 at aggregation
/// levels 4, 8, 16 of TS 38.213 Table 10.1-1, CCE hashing Y = 0) or a UE-specific one (<c>ue</c>: 2, 2, 2, 2, 1 candidates
/// at levels 1..16, hashing with each RNTI), monitored at symbol 0 of every slot. DCI 1_0 sizes follow TS 38.212
/// §7.3.1.2.1 (a common search space: CORESET#0's size; UE-specific: the carrier's), and the PDSCH PRBs count from the
/// CORESET's lowest RB in a common search space and from CRB 0 (the carrier-wide BWP) otherwise (TS 38.214 §5.1.2.2.2);
/// DM-RS referenced to point A (TS 38.211 §7.4.1.1.2).
/// </summary>
internal sealed class CoresetMonitor : ICommonPdcchGrid
{
    private static readonly int[] s_commonCandidates = [0, 0, 4, 2, 1];
    private static readonly int[] s_ueCandidates = [2, 2, 2, 2, 1];

    private readonly BandDemodulator _carrier;
    private readonly int _carrierPrbs;
    private readonly int _prbOffset;
    private readonly double _ssbFirstSubcarrierOffset;

    public CoresetMonitor(BandDemodulator carrier, CellContext cell, UeCoresetDescription description, string searchSpace, int coreset0Size)
    {
        _carrier = carrier;
        _carrierPrbs = cell.CarrierPrbs!.Value;
        Name = $"{searchSpace} (--coreset)";
        Common = searchSpace != "ue";
        Coreset = new Coreset(description.ToConfiguration(cell.Pci));
        SearchSpace = new SearchSpaceConfiguration(Common ? 3 : 2, Common, 1, 0, 1, 0, Common ? s_commonCandidates : s_ueCandidates);
        FdraBwpSize = Common ? coreset0Size : _carrierPrbs;
        DciSizes = new DciSizes0_0And1_0(FdraBwpSize, FdraBwpSize, CommonSearchSpace: Common);
        DciSizeList = [DciSizes.Size];
        _prbOffset = Common ? description.RbStart : 0;
        _ssbFirstSubcarrierOffset = ((cell.SsbCommonRb!.Value * NrConstants.SubcarriersPerRb * cell.CommonScsKhz) + (cell.KSsb * 15.0)) / cell.CommonScsKhz;
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
        PrbSet = [.. Enumerable.Range(_prbOffset + allocation.FirstPrb, allocation.PrbCount)],
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
