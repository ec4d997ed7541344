namespace OpenRan.Engine.Emulation;

/// <summary>
/// What a UE reads from a DCI 1_1 or 1_0 with its C-RNTI (TS 38.212 §7.3.1.2): the PDSCH's PRBs (type-1 FDRA), TDRA row,
/// I_MCS, NDI, RV and HARQ process, the layers of the antenna-port field, and where its HARQ-ACK goes (K1 and the PUCCH
/// resource indicator, TS 38.213 §9.2.3) with the counter DAI that places its bit in the HARQ-ACK codebook (TS 38.213 §9.1.3.1).
/// </summary>
/// <param name="FirstPrb">RB_start in the BWP.</param>
/// <param name="PrbCount">L_RBs.</param>
/// <param name="TdraRow">The row of the time domain resource allocation table.</param>
/// <param name="Mcs">I_MCS.</param>
/// <param name="NewDataIndicator">NDI, 0 or 1.</param>
/// <param name="RedundancyVersion">rv_id, 0..3.</param>
/// <param name="HarqProcess">The HARQ process number, 0..15.</param>
/// <param name="Layers">Transmission layers, 1..4.</param>
/// <param name="K1">PDSCH-to-HARQ feedback timing in slots.</param>
/// <param name="PucchResource">The PUCCH resource indicator.</param>
/// <param name="CounterDai">V_C-DAI, 1..4 (the 2-bit downlink assignment index field + 1, TS 38.213 Table 9.1.3-1).</param>
public readonly record struct DownlinkAssignment(
    int FirstPrb, int PrbCount, int TdraRow, int Mcs, int NewDataIndicator, int RedundancyVersion, int HarqProcess, int Layers, int K1, int PucchResource, int CounterDai);
