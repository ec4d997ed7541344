using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>An RNTI the receiver searches DCIs for besides SI-RNTI.</summary>
/// <param name="Rnti">The RNTI value, 1..65535.</param>
/// <param name="Type">Its type (selects the DCI 1_0 fields and the PDSCH scrambling).</param>
public readonly record struct UeRnti(int Rnti, DciRntiType Type);
