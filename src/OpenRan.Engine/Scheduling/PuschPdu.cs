using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Engine.Scheduling;

/// <summary>One expected PUSCH: configuration, HARQ process with its soft buffer, redundancy version.</summary>
public sealed class PuschPdu
{
    /// <summary>The configuration (one of the scheduler's prebuilt instances).</summary>
    public PuschConfiguration Configuration { get; set; } = null!;

    /// <summary>The HARQ process's soft buffer.</summary>
    public SharedChannelSoftBuffer SoftBuffer { get; set; } = null!;

    /// <summary>rv_id.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>Whether this is a new transport block.</summary>
    public bool NewData { get; set; }

    /// <summary>The HARQ process.</summary>
    public int HarqProcess { get; set; }

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type (C-RNTI data or TC-RNTI Msg3).</summary>
    public RntiType RntiType { get; set; }

    /// <summary>HARQ-ACK bits multiplexed on this PUSCH (UCI on PUSCH, TS 38.213 §9.3); 0 when none (reset by <see cref="UplinkSlotPlan.AddPusch"/>).</summary>
    public int HarqAckBits { get; set; }

    /// <summary>The downlink HARQ processes those bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];
}
