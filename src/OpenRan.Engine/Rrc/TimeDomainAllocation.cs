namespace OpenRan.Engine.Rrc;

/// <summary>One row of a PDSCH/PUSCH time-domain allocation list: K0 or K2, mapping type A/B, start symbol S and length L (from startSymbolAndLength, TS 38.214 §5.1.2.1).</summary>
public sealed record TimeDomainAllocation(int? K, bool MappingTypeA, int StartSymbolAndLength, int StartSymbol, int Length);
