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

/// <summary>One row of an MCS index table: modulation order Q_m and target code rate R × 1024.</summary>
/// <param name="ModulationOrder">Q_m (1 for π/2-BPSK).</param>
/// <param name="TargetCodeRateBy1024">R × 1024 (for example 682.5); 0 for a reserved row, which keeps only Q_m for retransmissions.</param>
public readonly record struct McsEntry(int ModulationOrder, double TargetCodeRateBy1024)
{
    /// <summary>Whether the row is reserved (no target code rate; used for retransmissions).</summary>
    public bool IsReserved => TargetCodeRateBy1024 == 0;

    /// <summary>The target code rate R.</summary>
    public double TargetCodeRate => TargetCodeRateBy1024 / 1024;

    /// <summary>Spectral efficiency Q_m · R (bits per resource element and layer).</summary>
    public double SpectralEfficiency => ModulationOrder * TargetCodeRate;
}
