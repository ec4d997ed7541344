namespace OpenRan.Phy.Common;

/// <summary>How <see cref="OfdmTiming.SelectFftSize"/> picks an FFT size for a grid when the user gives no sample rate.</summary>
public enum FftSizeRule
{
    /// <summary>
    /// The smallest power of two ≥ 128 whose occupancy 12·N_RB/N is at most 85 % (MATLAB <c>nrOFDMInfo</c> default):
    /// 20 MHz at 15 kHz (106 RB) → 2048, 100 MHz at 30 kHz (273 RB) → 4096.
    /// </summary>
    PowerOfTwo,

    /// <summary>
    /// The smallest N ∈ {2^k, 3·2^k} ≥ 128 (multiples of 128) with occupancy at most 85 %, the compact sample rates
    /// srsRAN uses (23.04 Msps for 20 MHz at 15 kHz: N = 1536; 40 MHz at 30 kHz: N = 1536).
    /// </summary>
    Compact,
}
