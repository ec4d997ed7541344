using System;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>
/// The inputs of transport block size determination (TS 38.214 §5.1.3.2 for PDSCH, §6.1.4.2 for PUSCH).
/// </summary>
/// <param name="PrbCount">n_PRB: allocated PRBs, 1..275.</param>
/// <param name="SymbolCount">N_symb^sh: allocated OFDM symbols in the slot, 1..14.</param>
/// <param name="DmrsResourceElementsPerPrb">N_DMRS^PRB: DM-RS REs per PRB in the allocation, including CDM groups without data.</param>
/// <param name="OverheadPerPrb">N_oh^PRB: <c>xOverhead</c> (0, 6, 12 or 18), 0 when not configured.</param>
/// <param name="ModulationOrder">Q_m: 1, 2, 4, 6, 8 or 10.</param>
/// <param name="TargetCodeRate">R, in (0, 1).</param>
/// <param name="LayerCount">υ: layers of the transport block, 1..4.</param>
/// <param name="Scaling">S: the TB scaling factor of Table 5.1.3.2-2 (1, 0.5 or 0.25; 1 unless DCI 1_0 with P-RNTI/RA-RNTI sets it).</param>
public readonly record struct TransportBlockSizeParameters(
    int PrbCount,
    int SymbolCount,
    int DmrsResourceElementsPerPrb,
    int OverheadPerPrb,
    int ModulationOrder,
    double TargetCodeRate,
    int LayerCount,
    double Scaling = 1)
{
    /// <summary>N'_RE = 12 · N_symb^sh − N_DMRS^PRB − N_oh^PRB: REs for the shared channel in one PRB.</summary>
    public int ResourceElementsPerPrb => (12 * SymbolCount) - DmrsResourceElementsPerPrb - OverheadPerPrb;

    /// <summary>N_RE = min(156, N'_RE) · n_PRB.</summary>
    public int ResourceElementCount => Math.Min(TransportBlockSize.MaxResourceElementsPerPrb, ResourceElementsPerPrb) * PrbCount;
}
