namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>The kind of signal a <see cref="DownlinkChannelAnnotation"/> describes.</summary>
public enum DownlinkChannelKind
{
    /// <summary>An SS/PBCH block.</summary>
    Ssb,

    /// <summary>A PDCCH.</summary>
    Pdcch,

    /// <summary>A PDSCH.</summary>
    Pdsch,

    /// <summary>An NZP-CSI-RS resource.</summary>
    CsiRs,

    /// <summary>A ZP-CSI-RS resource (reserved, nothing sent).</summary>
    ZpCsiRs,
}
