namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>One of the 64 preambles of a cell (TS 38.211 §6.3.3.1): its root and cyclic shift.</summary>
/// <param name="PreambleIndex">The preamble index 0..63.</param>
/// <param name="LogicalRootIndex">The logical root sequence index i (Tables 6.3.3.1-3/-4).</param>
/// <param name="SequenceNumber">The Zadoff–Chu sequence number u.</param>
/// <param name="CyclicShift">C_v.</param>
/// <param name="RootSlot">The position of u among the distinct roots of the set (0 for the first root used).</param>
public readonly record struct PrachPreamble(int PreambleIndex, int LogicalRootIndex, int SequenceNumber, int CyclicShift, int RootSlot);
