namespace OpenRan.Engine.Configuration;

/// <summary>The <c>test-ue:</c> section: the phy-test scheduler's UE.</summary>
public sealed record TestUeOptions
{
    /// <summary>Whether the test UE is scheduled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>C-RNTI.</summary>
    public int Rnti { get; init; } = 0x4601;

    /// <summary>Downlink grant.</summary>
    public LinkOptions Downlink { get; init; } = new();

    /// <summary>Uplink grant.</summary>
    public LinkOptions Uplink { get; init; } = new() { Mcs = 20, McsTable = "qam64" };

    /// <summary>HARQ processes per direction, 1..16.</summary>
    public int HarqProcesses { get; init; } = 16;

    /// <summary>k1: PDSCH-to-HARQ-ACK slots (dl-DataToUL-ACK), 1..15.</summary>
    public int K1 { get; init; } = 4;

    /// <summary>k2: PDCCH-to-PUSCH slots, 1..32.</summary>
    public int K2 { get; init; } = 4;

    /// <summary>Where downlink HARQ-ACK comes from: <c>assume-ack</c> (phy-test, no UCI decoding) or <c>pucch</c>.</summary>
    public string DlHarqFeedback { get; init; } = "assume-ack";

    /// <summary>
    /// How the test UE gets its C-RNTI: <c>preconfigured</c> (phy-test: scheduled from the start with <see cref="Rnti"/>)
    /// or <c>random-access</c> (scheduled only once a random access with the TC-RNTI <see cref="Rnti"/> has completed its
    /// contention resolution, TS 38.321 §5.1.5: the TC-RNTI is promoted to the C-RNTI).
    /// </summary>
    public string Attach { get; init; } = "preconfigured";

    /// <summary>Whether the test UE attaches by random access (<c>attach: random-access</c>).</summary>
    public bool AttachByRandomAccess => Attach == "random-access";

    /// <summary>
    /// With <c>dl-harq-feedback: pucch</c>: whether HARQ-ACK due in a slot where the test UE has a PUSCH is multiplexed on
    /// that PUSCH (UCI on PUSCH, TS 38.213 §9.3, TS 38.212 §6.3.2) instead of a PUCCH beside it. Default false.
    /// </summary>
    public bool UciOnPusch { get; init; }

    /// <summary>I_offset^HARQ-ACK of UCI on PUSCH (betaOffsetACK-Index1, TS 38.213 Table 9.3-1), 0..15; default 9.</summary>
    public int BetaOffsetHarqAckIndex { get; init; } = 9;

    /// <summary>Maximum transmissions per transport block, 1..4.</summary>
    public int MaxTransmissions { get; init; } = 4;
}
