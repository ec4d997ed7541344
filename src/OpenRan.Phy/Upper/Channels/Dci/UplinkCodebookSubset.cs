namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>codebookSubset in PUSCH-Config (TS 38.331): the TPMIs a codebook-based PUSCH may be scheduled with.</summary>
public enum UplinkCodebookSubset
{
    /// <summary>fullyAndPartialAndNonCoherent.</summary>
    FullyAndPartialAndNonCoherent,

    /// <summary>partialAndNonCoherent (4 antenna ports only).</summary>
    PartialAndNonCoherent,

    /// <summary>nonCoherent.</summary>
    NonCoherent,
}
