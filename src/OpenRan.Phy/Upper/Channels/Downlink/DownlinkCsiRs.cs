using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>A CSI-RS resource of a waveform (NZP or ZP, with its periodicity) and the antenna port of its port 3000.</summary>
/// <param name="Name">A label for annotations.</param>
/// <param name="Resource">The resource.</param>
/// <param name="FirstPort">Antenna port of CSI-RS port 3000 (port 3000 + p goes to FirstPort + p).</param>
public sealed record DownlinkCsiRs(string Name, CsiRsConfiguration Resource, int FirstPort = 0);
