namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>The precoder granularity of a CORESET (TS 38.211 §7.3.2.2, precoderGranularity).</summary>
public enum PrecoderGranularity
{
    /// <summary>sameAsREG-bundle: DM-RS only in the REG bundles of the PDCCH.</summary>
    SameAsRegBundle,

    /// <summary>allContiguousRBs: DM-RS in every REG of the contiguous RB runs of the CORESET that the PDCCH touches.</summary>
    AllContiguousRbs,
}
