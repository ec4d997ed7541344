namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// The amplitude convention of OFDM modulation (STYLE.md §9: explicit, never implied). The demodulator applies the inverse,
/// so demodulating a modulated grid returns the grid under every convention.
/// </summary>
public enum OfdmScaling
{
    /// <summary>
    /// Samples are ifft(grid) with 1/N scaling (numpy/MATLAB <c>ifft</c>, the convention of MATLAB <c>nrOFDMModulate</c>
    /// and of the py5gphy_matlab waveforms); the demodulator is an unscaled FFT.
    /// </summary>
    InverseFftSize,

    /// <summary>Samples are scaled by 1/√N (energy per resource element is kept: a unit-power grid gives samples of power K/N).</summary>
    Unitary,

    /// <summary>No scaling: samples are Σ_k a_k·e^(j2πkn/N) (TS 38.211 §5.3.1 as written); the demodulator divides by N.</summary>
    None,
}
