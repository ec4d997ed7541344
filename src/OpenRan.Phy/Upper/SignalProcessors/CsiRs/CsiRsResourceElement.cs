namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>One resource element of a CSI-RS resource within a resource block (TS 38.211 §7.4.1.5.3).</summary>
/// <param name="Port">The port index p − 3000 = s + j·L.</param>
/// <param name="Subcarrier">k̄ + k′, the subcarrier within the block (0..11).</param>
/// <param name="Symbol">l̄ + l′, the OFDM symbol within the slot.</param>
/// <param name="Weight">w_f(k′)·w_t(l′), ±1.</param>
/// <param name="SequenceOffset">k′ + ⌊k̄ρ/N_sc^RB⌋, added to ⌊nα⌋ to give the sequence index m′.</param>
/// <param name="CdmGroup">The CDM group index j.</param>
/// <param name="Location">Index of the (k̄, l̄) entry of the row the element belongs to.</param>
public readonly record struct CsiRsResourceElement(int Port, int Subcarrier, int Symbol, int Weight, int SequenceOffset, int CdmGroup, int Location);
