namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>A Type0-PDCCH CSS monitoring occasion of one SS/PBCH block (TS 38.213 §13, pattern 1).</summary>
/// <param name="Slot">n_0, the first of the two monitored slots (n_0 and n_0 + 1) within the frame.</param>
/// <param name="SfnParity">The frames carrying them: SFN_C mod 2 = this value.</param>
/// <param name="FirstSymbol">The first CORESET symbol in those slots.</param>
public readonly record struct Type0Occasion(int Slot, int SfnParity, int FirstSymbol);
