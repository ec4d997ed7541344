namespace OpenRan.Phy.Upper.Channels;

/// <summary>The MCS index tables of TS 38.214 §5.1.3.1 (PDSCH, and PUSCH without transform precoding) and §6.1.4.1 (PUSCH with transform precoding).</summary>
public enum McsTable
{
    /// <summary>Table 5.1.3.1-1: MCS index table 1 for PDSCH (up to 64QAM); <c>mcs-Table</c> absent.</summary>
    Qam64,

    /// <summary>Table 5.1.3.1-2: MCS index table 2 for PDSCH (up to 256QAM); <c>mcs-Table = qam256</c>.</summary>
    Qam256,

    /// <summary>Table 5.1.3.1-3: MCS index table 3 for PDSCH (64QAM, low spectral efficiency); <c>mcs-Table = qam64LowSE</c>.</summary>
    Qam64LowSe,

    /// <summary>Table 5.1.3.1-4: MCS index table 4 for PDSCH (up to 1024QAM); <c>mcs-Table = qam1024</c>.</summary>
    Qam1024,

    /// <summary>Table 6.1.4.1-1: MCS index table for PUSCH with transform precoding and 64QAM.</summary>
    TransformPrecodingQam64,

    /// <summary>Table 6.1.4.1-2: MCS index table 2 for PUSCH with transform precoding and 64QAM (low spectral efficiency).</summary>
    TransformPrecodingQam64LowSe,
}
