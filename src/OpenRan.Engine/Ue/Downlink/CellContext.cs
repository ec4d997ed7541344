using System.Collections.Generic;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>What the receiver knows about the cell it follows: identity, SS/PBCH block, timing, MIB fields, common RB grid.</summary>
internal sealed class CellContext
{
    /// <summary>N_ID^cell.</summary>
    public required int Pci { get; init; }

    /// <summary>The block's frequency, subcarrier spacing and pattern.</summary>
    public required SsbCandidate Candidate { get; init; }

    /// <summary>The block decoder (null when the cell comes from a description only).</summary>
    public required SsbBlockDecoder? Decoder { get; init; }

    /// <summary>The first symbol of each candidate block in the half frame.</summary>
    public required int[] FirstSymbols { get; init; }

    /// <summary>The block indices whose PBCH decoded.</summary>
    public HashSet<int> Indices { get; } = [];

    /// <summary>The half frames (0, 1) in which blocks decoded.</summary>
    public HashSet<int> HalfFrames { get; } = [];

    /// <summary>The carrier frequency offset removed before demodulation, in Hz.</summary>
    public double FrequencyOffsetHz { get; set; }

    /// <summary>The sample index where frame 0 of the recording starts (may be negative).</summary>
    public long FrameStart { get; set; }

    /// <summary>The SFN of the frame that starts at <see cref="FrameStart"/>.</summary>
    public int SfnAtFrameStart { get; set; }

    /// <summary>Whether the SFN is known (from a MIB).</summary>
    public bool SfnKnown { get; init; }

    /// <summary>Samples per 10 ms frame.</summary>
    public required long SamplesPerFrame { get; init; }

    /// <summary>k_SSB in 15 kHz subcarriers (FR1).</summary>
    public int KSsb { get; set; }

    /// <summary>controlResourceSetZero.</summary>
    public int Coreset0Index { get; init; }

    /// <summary>searchSpaceZero.</summary>
    public int SearchSpaceZero { get; init; }

    /// <summary>dmrs-TypeA-Position, 2 or 3.</summary>
    public int DmrsTypeAPosition { get; init; }

    /// <summary>subCarrierSpacingCommon in kHz.</summary>
    public int CommonScsKhz { get; init; }

    /// <summary>The common RB (from point A, common SCS) overlapping the block's first RB, when point A is known.</summary>
    public int? SsbCommonRb { get; set; }

    /// <summary>The carrier's N_RB when described.</summary>
    public int? CarrierPrbs { get; set; }

    /// <summary>The Type1-PDCCH CSS (ra-SearchSpace of SIB1) when it can be monitored; null before SIB1 or when it cannot.</summary>
    public UeSearchSpace? RaSearchSpace { get; set; }

    /// <summary>The Type2-PDCCH CSS (pagingSearchSpace of SIB1) when it can be monitored.</summary>
    public UeSearchSpace? PagingSearchSpace { get; set; }

    /// <summary>The RA-RNTIs of SIB1's PRACH configuration (searched in <see cref="RaSearchSpace"/>).</summary>
    public IReadOnlyList<int> RaRntis { get; set; } = [];

    /// <summary>The Temporary C-RNTIs learnt from decoded random-access responses (searched like the RA-RNTIs).</summary>
    public List<int> TemporaryCRntis { get; } = [];

    /// <summary>pdsch-TimeDomainAllocationList of SIB1's PDSCH-ConfigCommon (TDRA of DCI 1_0 outside the Type0 CSS), or null for default table A.</summary>
    public IReadOnlyList<Rrc.TimeDomainAllocation>? PdschTimeDomainAllocations { get; set; }

    /// <summary>N_BWP^start of SIB1's initial downlink BWP in common RBs (offsetToCarrier + RB_start of locationAndBandwidth, TS 38.213 §12); 0 before SIB1.</summary>
    public int InitialBwpStartCrb { get; set; }

    /// <summary>offsetToCarrier + carrierBandwidth of SIB1's carrier at the common SCS (the RBs from point A that hold the carrier), or null.</summary>
    public int? Sib1CarrierPrbs { get; set; }

    /// <summary>Whether a SIB1 has been followed (its search spaces and PRACH configuration taken).</summary>
    public bool Sib1Followed { get; set; }

    /// <summary>Why slots cannot be followed (null when they can).</summary>
    public string? Problem { get; set; }
}
