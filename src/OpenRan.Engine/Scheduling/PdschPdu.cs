using System;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Scheduling;

/// <summary>One PDSCH: a transport block with its configuration, redundancy version and DM-RS reference point.</summary>
public sealed class PdschPdu
{
    /// <summary>Creates a PDU whose transport-block buffer holds <paramref name="maxTransportBlockBytes"/> bytes.</summary>
    public PdschPdu(int maxTransportBlockBytes) => TransportBlock = new byte[maxTransportBlockBytes];

    /// <summary>The configuration (one of the scheduler's prebuilt instances, so layouts are cached).</summary>
    public PdschConfiguration Configuration { get; set; } = null!;

    /// <summary>
    /// The common RB the configuration's CRB 0 stands for: 0 for DM-RS referenced to Point A, the lowest RB of CORESET#0
    /// for a PDSCH scheduled in the Type0-PDCCH CSS (TS 38.211 §7.4.1.1.2), whose configuration is then expressed
    /// relative to that RB.
    /// </summary>
    public int ReferenceCrb { get; set; }

    /// <summary>The transport block (packed bytes, MSB first); <see cref="TransportBlockBytes"/> are valid.</summary>
    public byte[] TransportBlock { get; }

    /// <summary>TBS/8.</summary>
    public int TransportBlockBytes { get; set; }

    /// <summary>rv_id.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>The HARQ process (for captures and metrics).</summary>
    public int HarqProcess { get; set; }

    /// <summary>Whether this is a new transport block (false for a retransmission).</summary>
    public bool NewData { get; set; }

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type.</summary>
    public RntiType RntiType { get; set; }

    /// <summary>The transport block bytes in use.</summary>
    public ReadOnlySpan<byte> Bytes => TransportBlock.AsSpan(0, TransportBlockBytes);
}
