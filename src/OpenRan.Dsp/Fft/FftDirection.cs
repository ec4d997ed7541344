namespace OpenRan.Dsp.Fft;

/// <summary>The sign of the exponent of a discrete Fourier transform.</summary>
public enum FftDirection
{
    /// <summary>X[k] = Σ_n x[n]·e^(−j2πnk/N) (times the forward scale factor of the plan's <see cref="FftScaling"/>).</summary>
    Forward,

    /// <summary>x[n] = Σ_k X[k]·e^(+j2πnk/N) (times the inverse scale factor of the plan's <see cref="FftScaling"/>).</summary>
    Inverse,
}
