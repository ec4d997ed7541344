using System;

namespace OpenRan.Dsp.Fft;

/// <summary>One radix-r butterfly with its output twiddles: reads a_t = x[i0 + t·inStride], writes y[o0 + k·outStride].</summary>
internal interface IScalarButterfly
{
    static abstract void Apply<TDirection>(ReadOnlySpan<ComplexF32> x, int i0, int inStride, Span<ComplexF32> y, int o0, int outStride, ReadOnlySpan<ComplexF32> w, GenericRadixContext generic)
        where TDirection : struct, IFftDirection;
}
