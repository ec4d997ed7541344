namespace OpenRan.Phy.Upper.Channels.Dci;

/// <summary>PUSCH transmission scheme (txConfig in PUSCH-Config, TS 38.331; TS 38.214 §6.1.1).</summary>
public enum PuschTransmissionScheme
{
    /// <summary>txConfig absent: single-port transmission, no SRI and no precoding field.</summary>
    NotConfigured,

    /// <summary>Codebook-based: SRI over the codebook SRS resources, TPMI and rank in the precoding field.</summary>
    Codebook,

    /// <summary>Non-codebook-based: the SRI selects the SRS resources (and so the layers); no precoding field.</summary>
    NonCodebook,
}
