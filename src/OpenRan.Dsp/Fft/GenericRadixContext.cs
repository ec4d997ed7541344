using System;

namespace OpenRan.Dsp.Fft;

/// <summary>The r roots of unity and scratch of a generic-radix pass (empty for the dedicated radices).</summary>
/// <param name="Roots">ω_r^t, t = 0..r−1 (forward).</param>
/// <param name="Scratch">At least r values.</param>
internal readonly ref struct GenericRadixContext(ReadOnlySpan<ComplexF32> Roots, Span<ComplexF32> Scratch)
{
    public ReadOnlySpan<ComplexF32> Roots { get; } = Roots;

    public Span<ComplexF32> Scratch { get; } = Scratch;
}
