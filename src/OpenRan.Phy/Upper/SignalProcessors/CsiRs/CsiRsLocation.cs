namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>One (k̄, l̄) entry of a row of TS 38.211 Table 7.4.1.5.3-1: a CDM group position within a resource block.</summary>
/// <param name="KIndex">Index i of the frequency-domain location k_i the entry starts from.</param>
/// <param name="KOffset">Subcarriers added to k_i (row 1: 0, 4, 8; row 4: 0, 2).</param>
/// <param name="UsesL1">True: l̄ starts from l_1 (<c>firstOFDMSymbolInTimeDomain2</c>); false: from l_0.</param>
/// <param name="LOffset">Symbols added to l_0 or l_1 (0 or 1).</param>
/// <param name="CdmGroup">The CDM group index j.</param>
public readonly record struct CsiRsLocation(int KIndex, int KOffset, bool UsesL1, int LOffset, int CdmGroup);
