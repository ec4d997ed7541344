namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// One row of TS 38.213 Tables 13-0 … 13-10, 13-1A and 13-4A: the CORESET of the Type0-PDCCH CSS set (CORESET#0).
/// </summary>
/// <param name="MultiplexingPattern">SS/PBCH block and CORESET multiplexing pattern 1, 2 or 3.</param>
/// <param name="RbCount">N_RB^CORESET.</param>
/// <param name="SymbolCount">N_symb^CORESET.</param>
/// <param name="OffsetRbs">Offset (RBs) from the CORESET's lowest RB to the common RB overlapping the SSB's first RB, for k_SSB = 0.</param>
/// <param name="OffsetRbsKSsbPositive">The offset when k_SSB &gt; 0 (differs only in some FR2 pattern 2/3 rows).</param>
public readonly record struct Coreset0Row(int MultiplexingPattern, int RbCount, int SymbolCount, int OffsetRbs, int OffsetRbsKSsbPositive)
{
    /// <summary>
    /// Whether the CCE-to-REG mapping of this CORESET is non-interleaved. False (interleaved, L = 6, R = 2,
    /// n_shift = N_ID^cell, TS 38.211 §7.3.2.2) for every row except Table 13-0 indices 6 … 9, for which TS 38.213 §13
    /// prescribes non-interleaved mapping.
    /// </summary>
    public bool NonInterleavedMapping { get; init; }

    /// <summary>The offset for the given k_SSB.</summary>
    public int Offset(int kSsb) => kSsb > 0 ? OffsetRbsKSsbPositive : OffsetRbs;
}
