using System;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// A planned discrete Fourier transform of one length, single-precision complex, out-of-place or in-place, forward or
/// inverse. Plans precompute their twiddles and scratch at construction and allocate nothing per transform; they are not
/// thread-safe (give each worker its own plan, STYLE.md §8).
/// </summary>
public interface IFft
{
    /// <summary>The transform length N.</summary>
    int Length { get; }

    /// <summary>The implementation name as chosen by <see cref="FftFactory"/>, for example <c>avx2</c> or <c>generic</c>.</summary>
    string Implementation { get; }

    /// <summary>The normalisation convention.</summary>
    FftScaling Scaling { get; }

    /// <summary>
    /// Transforms <paramref name="input"/> into <paramref name="output"/>: output[k] = f · Σ_n input[n]·e^(∓j2πnk/N), with
    /// − for <see cref="FftDirection.Forward"/>, + for inverse and f from <see cref="Scaling"/>.
    /// </summary>
    /// <param name="input">N samples; left unchanged unless it is the same span as <paramref name="output"/>.</param>
    /// <param name="output">Receives N values; may be exactly <paramref name="input"/> (then in-place) but must not partially overlap it.</param>
    /// <param name="direction">Forward or inverse.</param>
    void Transform(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output, FftDirection direction);

    /// <summary>Transforms <paramref name="data"/> (N values) in place.</summary>
    void Transform(Span<ComplexF32> data, FftDirection direction);

    /// <summary>The forward transform out of place (see <see cref="Transform(ReadOnlySpan{ComplexF32}, Span{ComplexF32}, FftDirection)"/>).</summary>
    void Forward(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output);

    /// <summary>The inverse transform out of place (see <see cref="Transform(ReadOnlySpan{ComplexF32}, Span{ComplexF32}, FftDirection)"/>).</summary>
    void Inverse(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output);
}
