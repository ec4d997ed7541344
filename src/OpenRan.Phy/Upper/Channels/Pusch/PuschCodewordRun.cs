namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// A run of consecutive coded bits of a PUSCH codeword taken from one field (TS 38.212 §6.2.7 step 6 order: symbol, then
/// resource element, then the N_L·Q_m bits of each element).
/// </summary>
/// <param name="Field">The field whose next bits the run carries.</param>
/// <param name="Punctured">
/// The field the run was first given to and that <see cref="Field"/> overwrites (a HARQ-ACK of up to 2 bits puncturing
/// UL-SCH or CSI part 2 on the reserved resource elements, §6.2.7 step 5): that field's bits are skipped, not sent;
/// <see cref="PuschCodewordField.Empty"/> otherwise.
/// </param>
/// <param name="BitCount">Number of coded bits, a multiple of N_L·Q_m.</param>
public readonly record struct PuschCodewordRun(PuschCodewordField Field, PuschCodewordField Punctured, int BitCount);
