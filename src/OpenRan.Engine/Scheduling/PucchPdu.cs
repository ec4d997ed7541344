namespace OpenRan.Engine.Scheduling;

/// <summary>One expected PUCCH: a HARQ-ACK occasion of one UE on one resource of the configuration.</summary>
public sealed class PucchPdu
{
    /// <summary>The index of the resource in the configuration's <c>pucch:</c> list.</summary>
    public int Resource { get; set; }

    /// <summary>
    /// The resource r_PUCCH (0..15) of <c>pucch-resource-common</c> (TS 38.213 Table 9.2.1-1, §9.2.1) when the occasion uses
    /// the common resource set (a Msg4's HARQ-ACK), else −1 and <see cref="Resource"/> applies (reset by <see cref="UplinkSlotPlan.AddPucch"/>).
    /// </summary>
    public int CommonResource { get; set; } = -1;

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>
    /// The RNTI type: C-RNTI for the test UE's HARQ-ACK, TC-RNTI for the HARQ-ACK of a Msg4 (TS 38.213 §8.4); set by
    /// whoever adds the PDU (PDUs are reused from slot to slot).
    /// </summary>
    public RntiType RntiType { get; set; }

    /// <summary>HARQ-ACK bits expected (1..2 for formats 0/1, up to 8 for formats 2–4).</summary>
    public int HarqAckBits { get; set; }

    /// <summary>The downlink HARQ processes the bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];
}
