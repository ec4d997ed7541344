namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>One row of TS 38.211 Table 7.4.1.5.3-1 (CSI-RS locations within a slot).</summary>
/// <param name="Row">The row number, 1..18.</param>
/// <param name="Ports">X, the number of antenna ports.</param>
/// <param name="CdmType">The CDM type.</param>
/// <param name="HalfDensityAllowed">Whether ρ = 0.5 is allowed (rows 2, 3, 11..18).</param>
/// <param name="BitmapLength">Length of the <c>frequencyDomainAllocation</c> bitmap (4, 12, 3 or 6; TS 38.211 §7.4.1.5.3).</param>
/// <param name="BitStep">k_{i−1} = <paramref name="BitStep"/>·f(i): 1 for rows 1 and 2, 4 for row 4, 2 otherwise.</param>
/// <param name="KCount">Number of frequency-domain locations k_i the row uses.</param>
/// <param name="Locations">The (k̄, l̄) entries with their CDM group index j.</param>
public sealed record CsiRsRow(int Row, int Ports, CsiRsCdmType CdmType, bool HalfDensityAllowed, int BitmapLength, int BitStep, int KCount, CsiRsLocation[] Locations);
