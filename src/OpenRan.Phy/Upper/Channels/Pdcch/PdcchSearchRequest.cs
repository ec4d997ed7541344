namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>What to search in one slot.</summary>
/// <param name="Slot">n_s,f^μ, the slot number within the frame.</param>
/// <param name="Coreset">The CORESET.</param>
/// <param name="SearchSpace">The search-space set (its first symbol, candidates per level, type).</param>
/// <param name="HashingRnti">n_RNTI of the hashing function (the C-RNTI for a UE-specific search space; ignored for common).</param>
/// <param name="ScramblingRnti">n_RNTI of the PDCCH data scrambling (C-RNTI in a UE-specific space with pdcch-DMRS-ScramblingID, else 0).</param>
/// <param name="NIdCell">N_ID^cell (DM-RS and scrambling identity when the CORESET has no pdcch-DMRS-ScramblingID).</param>
public sealed record PdcchSearchRequest(int Slot, Coreset Coreset, SearchSpaceConfiguration SearchSpace, int HashingRnti, int ScramblingRnti, int NIdCell);
