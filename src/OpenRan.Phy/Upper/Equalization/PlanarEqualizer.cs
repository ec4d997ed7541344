using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// The vector kernels of <see cref="ChannelEqualizer"/>, written once for every width (<see cref="IEqualizerLanes{TVector}"/>):
/// planar — one lane per resource element, real and imaginary parts in separate vectors — and batched over
/// <c>TLanes.Count</c> elements per step, each channel coefficient and received value loaded (and deinterleaved) once per step.
/// </summary>
/// <remarks>
/// <para>The same model and rules as the scalar reference (<c>ChannelEqualizer.EqualizeScalar</c>):
/// A = HᴴH (+ σ²I for MMSE), x̂ = A⁻¹Hᴴy, σ²_post = σ²·(A⁻¹)_vv, the unbiased MMSE dividing both by μ = 1 − σ²(A⁻¹)_vv; an
/// element is erased (x̂ = 0, σ²_post = +∞) where the trace of HᴴH is 0, a pivot D_j falls to 10⁻⁶ of it, or μ ≤ 10⁻⁶.</para>
/// <para>Closed forms: one layer is maximum-ratio combining (A = Σ|h_r|²); two layers use the 2×2 Hermitian inverse
/// [[d, −b], [−b*, a]]/(ad − |b|²), whose pivots are a and det/a; three and four layers run the LDLᴴ factorisation of
/// the scalar reference written out for a 4×4 system in registers (<see cref="PlanarLdlEqualizer{TLanes, TVector}"/>). Divisions are reciprocal estimates
/// refined by one Newton step and products are fused where the CPU has FMA, so results agree with the scalar
/// reference to single-precision rounding (the tests state the tolerance).</para>
/// </remarks>
internal static class PlanarEqualizer
{
    /// <summary>A pivot must exceed this fraction of the trace of HᴴH.</summary>
    internal const float PivotFraction = 1e-6f;

    /// <summary>The floor under pivots before their reciprocal (erased lanes only reach it).</summary>
    internal const float Tiny = 1e-30f;

    private const float MinimumGain = 1e-6f;

    /// <summary>Equalizes whole vectors of elements from 0; returns the number done (the caller's scalar code does the rest).</summary>
    public static int Equalize<TLanes, TVector>(
        EqualizerAlgorithm algorithm, ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, ChannelEqualizer.Strides strides,
        int rxPorts, int layers, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        var buffers = new Buffers(received, channel, symbols, postNoise);
        return layers switch
        {
            1 => CombineOneLayer<TLanes, TVector>(algorithm, buffers, strides, rxPorts, length, noiseVariance),
            2 => SolveTwoLayers<TLanes, TVector>(algorithm, buffers, strides, rxPorts, length, noiseVariance),
            _ => PlanarLdlEqualizer<TLanes, TVector>.Equalize(algorithm, buffers, strides, rxPorts, layers, length, noiseVariance),
        };
    }

    /// <summary>One layer: x̂ = Σ h_r*·y_r / Σ|h_r|² (MMSE: the same after bias removal), σ²_post = σ²/Σ|h_r|².</summary>
    private static int CombineOneLayer<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, int rxPorts, int length, float noiseVariance)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        int n = TLanes.Count;
        TVector sigma2 = TLanes.Create(noiseVariance);
        TVector regularisation = TLanes.Create(algorithm == EqualizerAlgorithm.Mmse ? noiseVariance : 0f);
        TVector zero = TLanes.Create(0f);
        int i = 0;
        for (; i <= length - n; i += n)
        {
            TVector power = zero, re = zero, im = zero;
            for (int r = 0; r < rxPorts; r++)
            {
                TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 0) + i), out TVector hr, out TVector hi);
                TLanes.LoadComplex(ref buffers.Y, (nuint)((r * strides.Received) + i), out TVector yr, out TVector yi);
                power = TLanes.MultiplyAdd(hr, hr, TLanes.MultiplyAdd(hi, hi, power));
                re = TLanes.MultiplyAdd(hr, yr, TLanes.MultiplyAdd(hi, yi, re));           // Re(h*·y)
                im = TLanes.MultiplyAdd(hr, yi, TLanes.MultiplySubtract(hi, yr, im));      // Im(h*·y)
            }

            // D = Σ|h|² (+σ²), valid when the trace is positive and D above its fraction of it.
            TVector pivot = TLanes.Add(power, regularisation);
            TVector valid = And<TLanes, TVector>(TLanes.GreaterThan(power, zero), TLanes.GreaterThan(pivot, TLanes.Multiply(power, TLanes.Create(PivotFraction))));
            TVector inverse = TLanes.Reciprocal(TLanes.Max(pivot, TLanes.Create(Tiny)));
            Finish<TLanes, TVector>(algorithm, buffers, strides, 0, i, valid, TLanes.Multiply(re, inverse), TLanes.Multiply(im, inverse), TLanes.Multiply(sigma2, inverse));
        }

        return i;
    }

    /// <summary>Two layers: the 2×2 Hermitian inverse in closed form (see the class remarks).</summary>
    private static int SolveTwoLayers<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, int rxPorts, int length, float noiseVariance)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        int n = TLanes.Count;
        TVector sigma2 = TLanes.Create(noiseVariance);
        TVector regularisation = TLanes.Create(algorithm == EqualizerAlgorithm.Mmse ? noiseVariance : 0f);
        TVector zero = TLanes.Create(0f);
        TVector fraction = TLanes.Create(PivotFraction);
        TVector tiny = TLanes.Create(Tiny);
        int i = 0;
        for (; i <= length - n; i += n)
        {
            // A = [[a, b], [b*, d]] with b = Σ h0*·h1; c_v = Σ h_v*·y.
            TVector a = zero, d = zero, br = zero, bi = zero, c0r = zero, c0i = zero, c1r = zero, c1i = zero;
            for (int r = 0; r < rxPorts; r++)
            {
                TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 0) + i), out TVector h0r, out TVector h0i);
                TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 1) + i), out TVector h1r, out TVector h1i);
                TLanes.LoadComplex(ref buffers.Y, (nuint)((r * strides.Received) + i), out TVector yr, out TVector yi);
                a = TLanes.MultiplyAdd(h0r, h0r, TLanes.MultiplyAdd(h0i, h0i, a));
                d = TLanes.MultiplyAdd(h1r, h1r, TLanes.MultiplyAdd(h1i, h1i, d));
                br = TLanes.MultiplyAdd(h0r, h1r, TLanes.MultiplyAdd(h0i, h1i, br));
                bi = TLanes.MultiplyAdd(h0r, h1i, TLanes.MultiplySubtract(h0i, h1r, bi));
                c0r = TLanes.MultiplyAdd(h0r, yr, TLanes.MultiplyAdd(h0i, yi, c0r));
                c0i = TLanes.MultiplyAdd(h0r, yi, TLanes.MultiplySubtract(h0i, yr, c0i));
                c1r = TLanes.MultiplyAdd(h1r, yr, TLanes.MultiplyAdd(h1i, yi, c1r));
                c1i = TLanes.MultiplyAdd(h1r, yi, TLanes.MultiplySubtract(h1i, yr, c1i));
            }

            // Pivots as the scalar LDLᴴ: D0 = a (+σ²), D1 = det/D0; each must exceed 10⁻⁶·trace.
            TVector trace = TLanes.Add(a, d);
            a = TLanes.Add(a, regularisation);
            d = TLanes.Add(d, regularisation);
            TVector determinant = TLanes.MultiplySubtract(br, br, TLanes.MultiplySubtract(bi, bi, TLanes.Multiply(a, d)));
            TVector threshold = TLanes.Multiply(trace, fraction);
            TVector valid = And<TLanes, TVector>(
                And<TLanes, TVector>(TLanes.GreaterThan(trace, zero), TLanes.GreaterThan(a, threshold)),
                TLanes.GreaterThan(determinant, TLanes.Multiply(a, threshold)));
            TVector inverse = TLanes.Reciprocal(TLanes.Max(determinant, tiny));

            // x0 = (d·c0 − b·c1)/det, x1 = (a·c1 − b*·c0)/det; σ²_post = σ²·(d, a)/det.
            TVector x0r = TLanes.Multiply(TLanes.MultiplySubtract(br, c1r, TLanes.MultiplyAdd(bi, c1i, TLanes.Multiply(d, c0r))), inverse);
            TVector x0i = TLanes.Multiply(TLanes.MultiplySubtract(br, c1i, TLanes.MultiplySubtract(bi, c1r, TLanes.Multiply(d, c0i))), inverse);
            TVector x1r = TLanes.Multiply(TLanes.MultiplySubtract(br, c0r, TLanes.MultiplySubtract(bi, c0i, TLanes.Multiply(a, c1r))), inverse);
            TVector x1i = TLanes.Multiply(TLanes.MultiplySubtract(br, c0i, TLanes.MultiplyAdd(bi, c0r, TLanes.Multiply(a, c1i))), inverse);
            Finish<TLanes, TVector>(algorithm, buffers, strides, 0, i, valid, x0r, x0i, TLanes.Multiply(TLanes.Multiply(sigma2, d), inverse));
            Finish<TLanes, TVector>(algorithm, buffers, strides, 1, i, valid, x1r, x1i, TLanes.Multiply(TLanes.Multiply(sigma2, a), inverse));
        }

        return i;
    }

    /// <summary>
    /// Writes layer <paramref name="layer"/> of elements i.. : the ZF solution and σ²·(A⁻¹)_vv as they are; for MMSE both
    /// divided by μ = 1 − σ²(A⁻¹)_vv, erased where μ ≤ 10⁻⁶; erased (0, +∞) outside <paramref name="valid"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Finish<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, int layer, int i, TVector valid, TVector xr, TVector xi, TVector error)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        TVector ok = valid;
        if (algorithm == EqualizerAlgorithm.Mmse)
        {
            TVector gain = TLanes.Create(MinimumGain);
            TVector mu = TLanes.Subtract(TLanes.Create(1f), error);
            ok = And<TLanes, TVector>(ok, TLanes.GreaterThan(mu, gain));
            TVector inverse = TLanes.Reciprocal(TLanes.Max(mu, gain));
            xr = TLanes.Multiply(xr, inverse);
            xi = TLanes.Multiply(xi, inverse);
            error = TLanes.Multiply(error, inverse);
        }

        TVector zero = TLanes.Create(0f);
        int offset = (layer * strides.Output) + i;
        TLanes.StoreComplex(TLanes.Select(ok, xr, zero), TLanes.Select(ok, xi, zero), ref buffers.X, (nuint)offset);
        TLanes.StoreReal(TLanes.Select(ok, error, TLanes.Create(float.PositiveInfinity)), ref buffers.E, (nuint)offset);
    }

    /// <summary>Both masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector And<TLanes, TVector>(TVector left, TVector right)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged => TLanes.Select(left, right, left);

    /// <summary>References to the first float of every buffer of one call.</summary>
    internal readonly ref struct Buffers
    {
        public readonly ref float Y;
        public readonly ref float H;
        public readonly ref float X;
        public readonly ref float E;

        public Buffers(ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, Span<ComplexF32> symbols, Span<float> postNoise)
        {
            Y = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(received));
            H = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(channel));
            X = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
            E = ref MemoryMarshal.GetReference(postNoise);
        }
    }
}
