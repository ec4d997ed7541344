namespace OpenRan.Dsp.Fft;

/// <summary>
/// The normalisation convention of an FFT plan (STYLE.md §9: conventions are explicit, never implied; Math.NET
/// <c>FourierOptions</c>, numpy <c>norm=</c>).
/// </summary>
public enum FftScaling
{
    /// <summary>Neither direction is scaled (FFTW's convention): inverse(forward(x)) = N·x.</summary>
    None,

    /// <summary>Both directions are scaled by 1/√N (numpy <c>norm="ortho"</c>): the transform is unitary, energy is preserved.</summary>
    Unitary,

    /// <summary>Forward unscaled, inverse scaled by 1/N (numpy <c>norm="backward"</c>, MATLAB <c>fft</c>/<c>ifft</c>).</summary>
    InverseByLength,
}
