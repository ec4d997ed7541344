namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>Where and how one PDCCH is sent in a slot.</summary>
/// <param name="Slot">n_s,f^μ, the slot number within the frame (DM-RS c_init).</param>
/// <param name="FirstSymbol">The slot symbol of CORESET symbol 0 (the search space's first monitoring symbol).</param>
/// <param name="FirstCce">The candidate's first CCE.</param>
/// <param name="AggregationLevel">L: 1, 2, 4, 8 or 16.</param>
/// <param name="Rnti">The RNTI that masks the CRC.</param>
/// <param name="ScramblingRnti">n_RNTI of the data scrambling (the C-RNTI in a UE-specific search space with pdcch-DMRS-ScramblingID configured, else 0).</param>
/// <param name="NIdCell">N_ID^cell (used when the CORESET has no pdcch-DMRS-ScramblingID).</param>
public readonly record struct PdcchAllocation(int Slot, int FirstSymbol, int FirstCce, int AggregationLevel, int Rnti, int ScramblingRnti, int NIdCell);
