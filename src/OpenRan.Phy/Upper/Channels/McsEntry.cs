namespace OpenRan.Phy.Upper.Channels;

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
