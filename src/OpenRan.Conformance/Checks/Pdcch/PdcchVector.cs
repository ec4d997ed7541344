using System;
using OpenRan.Conformance.Formats;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Conformance.Checks.Pdcch;

/// <summary>
/// The configuration of one MATLAB PDCCH vector (<c>py5gphy_matlab/pdcch/pdcch</c>, README §4): CORESET id 1 at CRB 0
/// (frequencyDomainResources relative to CRB 0), a UE-specific search space, PCI 1, DM-RS and data scrambling with
/// pdcch-DMRS-ScramblingID and n_RNTI = RNTI, the CRC masked by RNTI, and <c>AllocatedCandidate</c> 1-based.
/// </summary>
internal sealed record PdcchVector(
    Coreset Coreset,
    SearchSpaceConfiguration SearchSpace,
    int AggregationLevel,
    int Candidate,
    int Rnti,
    int SlotCount,
    int SubcarrierCount,
    MatFile Mat)
{
    /// <summary>PCI of the MATLAB PDCCH vectors (README §4).</summary>
    public const int NIdCell = 1;

    public static PdcchVector Load(string path)
    {
        MatFile mat = MatFile.Load(path);
        int scs = mat.Numeric("scs").ScalarInt32;
        int slots = 2 * scs / 15;
        int length = mat.Numeric("fd_slot_data").Count;
        int subcarriers = length / (slots * NrConstants.SymbolsPerSlotNormalCp);
        bool interleaved = ((MatCharArray)mat["CCEREGMapping"]).Text.StartsWith("interleaved", StringComparison.OrdinalIgnoreCase);
        string granularity = ((MatCharArray)mat["PrecoderGranularity"]).Text;
        var coreset = new CoresetConfiguration(
            1,
            0,
            Array.ConvertAll(mat.Numeric("FrequencyResources").ToInt32Array(), v => v != 0),
            mat.Numeric("coresetDuration").ScalarInt32,
            interleaved ? CceRegMapping.Interleaved : CceRegMapping.NonInterleaved,
            interleaved ? mat.Numeric("REGBundleSize").ScalarInt32 : 6,
            mat.Numeric("InterleaverSize").ScalarInt32,
            mat.Numeric("ShiftIndex").ScalarInt32,
            granularity.StartsWith("allContiguous", StringComparison.OrdinalIgnoreCase) ? PrecoderGranularity.AllContiguousRbs : PrecoderGranularity.SameAsRegBundle,
            mat.Numeric("DMRSScramblingID").ScalarInt32);
        int[] periodOffset = mat.Numeric("SlotPeriodAndOffset").ToInt32Array();
        var searchSpace = new SearchSpaceConfiguration(
            1,
            false,
            periodOffset[0],
            periodOffset[1],
            mat.Numeric("spDuration").ScalarInt32,
            mat.Numeric("StartSymbolWithinSlot").ScalarInt32,
            mat.Numeric("NumCandidates").ToInt32Array());
        return new PdcchVector(new Coreset(coreset), searchSpace, mat.Numeric("AggregationLevel").ScalarInt32,
            mat.Numeric("AllocatedCandidate").ScalarInt32 - 1, mat.Numeric("RNTI").ScalarInt32, slots, subcarriers, mat);
    }

    /// <summary>The first CCE of the allocated candidate in <paramref name="slot"/> (TS 38.213 §10.1 hashing).</summary>
    public int FirstCce(int slot)
    {
        int y = PdcchCandidates.HashingY(SearchSpace.Common, Coreset.Configuration.Id, Rnti, slot);
        return PdcchCandidates.FirstCce(y, Candidate, SearchSpace.CandidateCount(AggregationLevel), AggregationLevel, Coreset.CceCount);
    }

    /// <summary>The allocation of the PDCCH in <paramref name="slot"/>.</summary>
    public PdcchAllocation Allocation(int slot) =>
        new(slot, SearchSpace.FirstSymbol, FirstCce(slot), AggregationLevel, Rnti, Rnti, NIdCell);
}
