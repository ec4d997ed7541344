namespace OpenRan.Engine.Ue.Downlink;

/// <summary>A PDSCH allocation resolved from a DCI (TS 38.214 §5.1.2).</summary>
/// <param name="FirstPrb">The first PRB, counted from the lowest RB of the bandwidth the DCI addresses (CORESET#0 for DCI 1_0 in a common search space).</param>
/// <param name="PrbCount">L_RBs.</param>
/// <param name="StartSymbol">S.</param>
/// <param name="SymbolCount">L.</param>
/// <param name="MappingTypeA">PDSCH mapping type A (else B).</param>
/// <param name="ModulationOrder">Q_m.</param>
/// <param name="Mcs">I_MCS.</param>
/// <param name="TargetCodeRate">R.</param>
public sealed record UeDownlinkAllocation(int FirstPrb, int PrbCount, int StartSymbol, int SymbolCount, bool MappingTypeA, int ModulationOrder, int Mcs, double TargetCodeRate);
