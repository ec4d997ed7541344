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
/// the scalar reference lane-parallel on planar vectors kept in one stack block. Divisions are reciprocal estimates
/// refined by one Newton step and products are fused where the CPU has FMA, so results agree with the scalar
/// reference to single-precision rounding (the tests state the tolerance).</para>
/// </remarks>
internal static class PlanarEqualizer
{
    private const float PivotFraction = 1e-6f;
    private const float MinimumGain = 1e-6f;
    private const float Tiny = 1e-30f;

    // The LDLᴴ block (SolveLdl), in vectors: A/L real and imaginary [j·L + k] (lower triangle), D, 1/D, b (real,
    // imaginary), M (a column of L⁻¹), H (the step's channel [r·L + v]), y ([r]).
    private const int L = ChannelEqualizer.MaxLayers;
    private const int AIm = L * L, D = 2 * L * L, DInverse = D + L, BRe = DInverse + L, BIm = BRe + L, MRe = BIm + L, MIm = MRe + L, HRe = MIm + L;
    private const int HIm = HRe + (ChannelEqualizer.MaxRxPorts * L), YRe = HIm + (ChannelEqualizer.MaxRxPorts * L), YIm = YRe + ChannelEqualizer.MaxRxPorts;

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
            _ => SolveLdl<TLanes, TVector>(algorithm, buffers, strides, rxPorts, layers, length, noiseVariance),
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

    /// <summary>Three or four layers: the scalar reference's LDLᴴ, lane-parallel, on planar vectors in one stack block.</summary>
    private static int SolveLdl<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, int rxPorts, int layers, int length, float noiseVariance)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        // The block is aligned to 64 bytes: vectors stored and reloaded across cache lines defeat store forwarding.
        Span<byte> block = stackalloc byte[((YIm + ChannelEqualizer.MaxRxPorts) * Unsafe.SizeOf<TVector>()) + 64];
        ref TVector s = ref AlignedStart<TVector>(block);
        int n = TLanes.Count;
        TVector sigma2 = TLanes.Create(noiseVariance);
        TVector regularisation = TLanes.Create(algorithm == EqualizerAlgorithm.Mmse ? noiseVariance : 0f);
        int i = 0;
        for (; i <= length - n; i += n)
        {
            // This step's channel and received values, then the Gram lower triangle A_jk = Σ_r h_rj*·h_rk and the matched filter b_j = Σ_r h_rj*·y_r.
            for (int r = 0; r < rxPorts; r++)
            {
                for (int v = 0; v < layers; v++)
                {
                    TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, v) + i), out Unsafe.Add(ref s, HRe + (r * L) + v), out Unsafe.Add(ref s, HIm + (r * L) + v));
                }

                TLanes.LoadComplex(ref buffers.Y, (nuint)((r * strides.Received) + i), out Unsafe.Add(ref s, YRe + r), out Unsafe.Add(ref s, YIm + r));
            }

            TVector trace = Gram<TLanes, TVector>(ref s, rxPorts, layers);
            TVector valid = Factorise<TLanes, TVector>(ref s, layers, regularisation, trace);
            Solve<TLanes, TVector>(ref s, layers);
            WriteLayers<TLanes, TVector>(algorithm, buffers, strides, ref s, layers, i, valid, sigma2);
        }

        return i;
    }

    /// <summary>LDLᴴ step 1: the Gram lower triangle and the matched filter from the block's H and y; returns the trace.</summary>
    /// <remarks>Each step of <see cref="SolveLdl"/> is its own method so the JIT inlines every lane operation in it (one
    /// method of all steps exceeds the inliner's budget and leaves the vector helpers as calls).</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TVector Gram<TLanes, TVector>(ref TVector s, int rxPorts, int layers)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        TVector zero = TLanes.Create(0f);
        TVector trace = zero;
        for (int j = 0; j < layers; j++)
        {
            TVector diagonal = zero;
            for (int r = 0; r < rxPorts; r++)
            {
                TVector hr = Unsafe.Add(ref s, HRe + (r * L) + j), hi = Unsafe.Add(ref s, HIm + (r * L) + j);
                diagonal = TLanes.MultiplyAdd(hr, hr, TLanes.MultiplyAdd(hi, hi, diagonal));
            }

            Unsafe.Add(ref s, (j * L) + j) = diagonal;
            for (int k = 0; k < j; k++)
            {
                // A[j, k] = Σ_r h_rk·h_rj* (the scalar's MultiplyConjugate(h_k, h_j)):
                // (kr·jr + ki·ji) + i(ki·jr − kr·ji).
                TVector re = zero, im = zero;
                for (int r = 0; r < rxPorts; r++)
                {
                    TVector jr = Unsafe.Add(ref s, HRe + (r * L) + j), ji = Unsafe.Add(ref s, HIm + (r * L) + j);
                    TVector kr = Unsafe.Add(ref s, HRe + (r * L) + k), ki = Unsafe.Add(ref s, HIm + (r * L) + k);
                    re = TLanes.MultiplyAdd(kr, jr, TLanes.MultiplyAdd(ki, ji, re));
                    im = TLanes.MultiplyAdd(ki, jr, TLanes.MultiplySubtract(kr, ji, im));
                }

                Unsafe.Add(ref s, (j * L) + k) = re;
                Unsafe.Add(ref s, AIm + (j * L) + k) = im;
            }

            TVector br = zero, bi = zero;
            for (int r = 0; r < rxPorts; r++)
            {
                TVector yr = Unsafe.Add(ref s, YRe + r), yi = Unsafe.Add(ref s, YIm + r);
                TVector hr = Unsafe.Add(ref s, HRe + (r * L) + j), hi = Unsafe.Add(ref s, HIm + (r * L) + j);
                br = TLanes.MultiplyAdd(hr, yr, TLanes.MultiplyAdd(hi, yi, br));
                bi = TLanes.MultiplyAdd(hr, yi, TLanes.MultiplySubtract(hi, yr, bi));
            }

            Unsafe.Add(ref s, BRe + j) = br;
            Unsafe.Add(ref s, BIm + j) = bi;
            trace = TLanes.Add(trace, Unsafe.Add(ref s, (j * L) + j));
        }

        return trace;
    }

    /// <summary>LDLᴴ step 2: D, 1/D and L in place of A; returns the lanes whose pivots all pass.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TVector Factorise<TLanes, TVector>(ref TVector s, int layers, TVector regularisation, TVector trace)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        TVector zero = TLanes.Create(0f);
        TVector tiny = TLanes.Create(Tiny);
        // LDLᴴ: D_j = A_jj (+σ²) − Σ_k |L_jk|²·D_k, L_rj = (A_rj − Σ_k L_rk·L_jk*·D_k)/D_j.
        TVector valid = TLanes.GreaterThan(trace, zero);
        TVector threshold = TLanes.Multiply(trace, TLanes.Create(PivotFraction));
        for (int j = 0; j < layers; j++)
        {
            TVector dj = TLanes.Add(Unsafe.Add(ref s, (j * L) + j), regularisation);
            for (int k = 0; k < j; k++)
            {
                TVector lr = Unsafe.Add(ref s, (j * L) + k), li = Unsafe.Add(ref s, AIm + (j * L) + k);
                dj = TLanes.MultiplySubtract(TLanes.MultiplyAdd(lr, lr, TLanes.Multiply(li, li)), Unsafe.Add(ref s, D + k), dj);
            }

            valid = And<TLanes, TVector>(valid, TLanes.GreaterThan(dj, threshold));
            dj = TLanes.Max(dj, tiny);
            TVector inverse = TLanes.Reciprocal(dj);
            Unsafe.Add(ref s, D + j) = dj;
            Unsafe.Add(ref s, DInverse + j) = inverse;
            for (int r = j + 1; r < layers; r++)
            {
                TVector sr = Unsafe.Add(ref s, (r * L) + j), si = Unsafe.Add(ref s, AIm + (r * L) + j);
                for (int k = 0; k < j; k++)
                {
                    // L_rk·L_jk*·D_k.
                    TVector pr = Unsafe.Add(ref s, (r * L) + k), pi = Unsafe.Add(ref s, AIm + (r * L) + k);
                    TVector qr = Unsafe.Add(ref s, (j * L) + k), qi = Unsafe.Add(ref s, AIm + (j * L) + k);
                    TVector dk = Unsafe.Add(ref s, D + k);
                    sr = TLanes.MultiplySubtract(TLanes.MultiplyAdd(pr, qr, TLanes.Multiply(pi, qi)), dk, sr);
                    si = TLanes.MultiplySubtract(TLanes.MultiplySubtract(pr, qi, TLanes.Multiply(pi, qr)), dk, si);
                }

                Unsafe.Add(ref s, (r * L) + j) = TLanes.Multiply(sr, inverse);
                Unsafe.Add(ref s, AIm + (r * L) + j) = TLanes.Multiply(si, inverse);
            }
        }

        return valid;
    }

    /// <summary>LDLᴴ step 3: x̂ in place of b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Solve<TLanes, TVector>(ref TVector s, int layers)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        // L·u = b, w = u/D, Lᴴ·x = w.
        for (int j = 0; j < layers; j++)
        {
            TVector br = Unsafe.Add(ref s, BRe + j), bi = Unsafe.Add(ref s, BIm + j);
            for (int k = 0; k < j; k++)
            {
                TVector lr = Unsafe.Add(ref s, (j * L) + k), li = Unsafe.Add(ref s, AIm + (j * L) + k);
                TVector ur = Unsafe.Add(ref s, BRe + k), ui = Unsafe.Add(ref s, BIm + k);
                br = TLanes.MultiplySubtract(lr, ur, TLanes.MultiplyAdd(li, ui, br));
                bi = TLanes.MultiplySubtract(lr, ui, TLanes.MultiplySubtract(li, ur, bi));
            }

            Unsafe.Add(ref s, BRe + j) = br;
            Unsafe.Add(ref s, BIm + j) = bi;
        }

        for (int j = 0; j < layers; j++)
        {
            TVector inverse = Unsafe.Add(ref s, DInverse + j);
            Unsafe.Add(ref s, BRe + j) = TLanes.Multiply(Unsafe.Add(ref s, BRe + j), inverse);
            Unsafe.Add(ref s, BIm + j) = TLanes.Multiply(Unsafe.Add(ref s, BIm + j), inverse);
        }

        for (int j = layers - 1; j >= 0; j--)
        {
            TVector br = Unsafe.Add(ref s, BRe + j), bi = Unsafe.Add(ref s, BIm + j);
            for (int k = j + 1; k < layers; k++)
            {
                // conj(L_kj)·x_k.
                TVector lr = Unsafe.Add(ref s, (k * L) + j), li = Unsafe.Add(ref s, AIm + (k * L) + j);
                TVector xr = Unsafe.Add(ref s, BRe + k), xi = Unsafe.Add(ref s, BIm + k);
                br = TLanes.MultiplySubtract(lr, xr, TLanes.MultiplySubtract(li, xi, br));
                bi = TLanes.MultiplySubtract(lr, xi, TLanes.MultiplyAdd(li, xr, bi));
            }

            Unsafe.Add(ref s, BRe + j) = br;
            Unsafe.Add(ref s, BIm + j) = bi;
        }

    }

    /// <summary>LDLᴴ step 4: diag(A⁻¹), then every layer's x̂ and σ²_post written.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WriteLayers<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, ref TVector s, int layers, int i, TVector valid, TVector sigma2)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged
    {
        TVector zero = TLanes.Create(0f);
        TVector one = TLanes.Create(1f);
        // diag(A⁻¹)_j = Σ_{k≥j} |M_kj|²/D_k with M = L⁻¹ (unit lower triangular), column by column.
        for (int j = 0; j < layers; j++)
        {
            TVector diagonal = Unsafe.Add(ref s, DInverse + j);
            Unsafe.Add(ref s, MRe + j) = one;
            Unsafe.Add(ref s, MIm + j) = zero;
            for (int k = j + 1; k < layers; k++)
            {
                TVector mr = zero, mi = zero;
                for (int q = j; q < k; q++)
                {
                    // M_kj −= L_kq·M_qj.
                    TVector lr = Unsafe.Add(ref s, (k * L) + q), li = Unsafe.Add(ref s, AIm + (k * L) + q);
                    TVector qr = Unsafe.Add(ref s, MRe + q), qi = Unsafe.Add(ref s, MIm + q);
                    mr = TLanes.MultiplySubtract(lr, qr, TLanes.MultiplyAdd(li, qi, mr));
                    mi = TLanes.MultiplySubtract(lr, qi, TLanes.MultiplySubtract(li, qr, mi));
                }

                Unsafe.Add(ref s, MRe + k) = mr;
                Unsafe.Add(ref s, MIm + k) = mi;
                diagonal = TLanes.MultiplyAdd(TLanes.MultiplyAdd(mr, mr, TLanes.Multiply(mi, mi)), Unsafe.Add(ref s, DInverse + k), diagonal);
            }

            Finish<TLanes, TVector>(algorithm, buffers, strides, j, i, valid, Unsafe.Add(ref s, BRe + j), Unsafe.Add(ref s, BIm + j), TLanes.Multiply(sigma2, diagonal));
        }
    }

    /// <summary>
    /// Writes layer <paramref name="layer"/> of elements i.. : the ZF solution and σ²·(A⁻¹)_vv as they are; for MMSE both
    /// divided by μ = 1 − σ²(A⁻¹)_vv, erased where μ ≤ 10⁻⁶; erased (0, +∞) outside <paramref name="valid"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TLanes, TVector>(EqualizerAlgorithm algorithm, Buffers buffers, ChannelEqualizer.Strides strides, int layer, int i, TVector valid, TVector xr, TVector xi, TVector error)
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

    /// <summary>The first 64-byte aligned <typeparamref name="TVector"/> of a stack block (stack memory does not move).</summary>
    private static unsafe ref TVector AlignedStart<TVector>(Span<byte> stackBlock)
        where TVector : unmanaged
    {
        ref byte start = ref MemoryMarshal.GetReference(stackBlock);
        int offset = (int)((64 - ((nuint)Unsafe.AsPointer(ref start) & 63)) & 63);
        return ref Unsafe.As<byte, TVector>(ref Unsafe.Add(ref start, offset));
    }

    /// <summary>Both masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector And<TLanes, TVector>(TVector left, TVector right)
        where TLanes : struct, IEqualizerLanes<TVector>
        where TVector : unmanaged => TLanes.Select(left, right, left);

    /// <summary>References to the first float of every buffer of one call.</summary>
    private readonly ref struct Buffers
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
