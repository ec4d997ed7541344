namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>The PUCCH formats of TS 38.211 Table 6.3.2.1-1.</summary>
public enum PucchFormat
{
    /// <summary>Format 0: 1–2 symbols, ≤ 2 bits by sequence selection (TS 38.211 §6.3.2.3).</summary>
    Format0 = 0,

    /// <summary>Format 1: 4–14 symbols, ≤ 2 bits, BPSK/QPSK on a low-PAPR sequence with time-domain OCC (§6.3.2.4).</summary>
    Format1 = 1,

    /// <summary>Format 2: 1–2 symbols, &gt; 2 bits, QPSK with DM-RS on every third subcarrier (§6.3.2.5).</summary>
    Format2 = 2,

    /// <summary>Format 3: 4–14 symbols, &gt; 2 bits, π/2-BPSK or QPSK with transform precoding over 1–16 PRBs (§6.3.2.6).</summary>
    Format3 = 3,

    /// <summary>Format 4: 4–14 symbols, &gt; 2 bits, one PRB with block-wise spreading (N_SF = 2 or 4) and transform precoding (§6.3.2.6).</summary>
    Format4 = 4,
}
