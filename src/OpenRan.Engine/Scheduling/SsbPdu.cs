namespace OpenRan.Engine.Scheduling;

/// <summary>One SS/PBCH block of a slot: the candidate index and its first symbol in the slot.</summary>
/// <param name="Index">The block index i_SSB.</param>
/// <param name="FirstSymbol">The first of its 4 symbols within the slot.</param>
public readonly record struct SsbPdu(int Index, int FirstSymbol);
