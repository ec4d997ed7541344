using System.Runtime.CompilerServices;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// The three- and four-layer vector kernel of <see cref="PlanarEqualizer"/>: the scalar reference's LDLᴴ factorisation
/// written out for a fixed 4×4 Hermitian system, every quantity a planar vector held in registers (no loops over matrix
/// indices, no per-element memory), written once for every vector width through <typeparamref name="TLanes"/>.
/// </summary>
/// <typeparam name="TLanes">The vector operations (<see cref="EqualizerLanes512"/> or <see cref="EqualizerLanes256"/>).</typeparam>
/// <typeparam name="TVector">The float vector type.</typeparam>
/// <remarks>
/// <para>Per step of <c>TLanes.Count</c> resource elements: the 10 unique entries of A = HᴴH and b = Hᴴy accumulated over
/// the receive ports (each channel coefficient and received value loaded once), then with λ = σ² for MMSE, 0 for ZF and
/// C_rj = A_rj − Σ_{k&lt;j} C_rk·L_jk* (so L_rj = C_rj/D_j):
/// D_j = A_jj + λ − Σ_{k&lt;j} Re(C_jk·L_jk*), L·u = b, w = u/D, Lᴴ·x̂ = w, and
/// diag(A⁻¹)_j = Σ_{k≥j} |M_kj|²/D_k with M = L⁻¹ in closed form. This is the scalar reference's recurrence with the
/// products L_rk·D_k kept instead of recomputed, so the two agree to single-precision rounding.</para>
/// <para>Three layers run the same code with a phantom fourth layer: A_33 = tr(HᴴH), A_3k = 0, b_3 = 0, which leaves
/// the first three layers' L, D, x̂ and diag(A⁻¹) exactly as in a 3×3 factorisation (the phantom row of L is 0) and
/// always passes its pivot test.</para>
/// <para>Erasure rules as <see cref="PlanarEqualizer"/>: an element whose trace is not positive (zero or NaN channel),
/// whose pivot D_j is not above 10⁻⁶ of the trace (NaN included), or whose MMSE gain μ ≤ 10⁻⁶ gets x̂ = 0, σ²_post = +∞.</para>
/// </remarks>
internal static class PlanarLdlEqualizer<TLanes, TVector>
    where TLanes : struct, IEqualizerLanes<TVector>
    where TVector : unmanaged
{
    /// <summary>Equalizes whole vectors of elements from 0 with 3 or 4 layers; returns the number done.</summary>
    public static int Equalize(
        EqualizerAlgorithm algorithm, PlanarEqualizer.Buffers buffers, ChannelEqualizer.Strides strides, int rxPorts, int layers, int length, float noiseVariance)
    {
        int n = TLanes.Count;
        int i = 0;
        for (; i <= length - n; i += n)
        {
            Step(algorithm, buffers, strides, rxPorts, layers, i, noiseVariance);
        }

        return i;
    }

    /// <summary>One step of <c>TLanes.Count</c> elements starting at <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Step(EqualizerAlgorithm algorithm, PlanarEqualizer.Buffers buffers, ChannelEqualizer.Strides strides, int rxPorts, int layers, int i, float noiseVariance)
    {
        TVector zero = TLanes.Create(0f);

        // A (lower triangle: real diagonal, complex A_jk = Σ_r h_rk·h_rj*) and b_j = Σ_r y_r·h_rj*, each value loaded once.
        TVector a00 = zero, a11 = zero, a22 = zero, a33 = zero;
        TVector a10r = zero, a10i = zero, a20r = zero, a20i = zero, a30r = zero, a30i = zero;
        TVector a21r = zero, a21i = zero, a31r = zero, a31i = zero, a32r = zero, a32i = zero;
        TVector b0r = zero, b0i = zero, b1r = zero, b1i = zero, b2r = zero, b2i = zero, b3r = zero, b3i = zero;
        bool four = layers == 4;
        for (int r = 0; r < rxPorts; r++)
        {
            TLanes.LoadComplex(ref buffers.Y, (nuint)((r * strides.Received) + i), out TVector yr, out TVector yi);
            TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 0) + i), out TVector h0r, out TVector h0i);
            b0r = DotRe(yr, yi, h0r, h0i, b0r);
            b0i = DotIm(yr, yi, h0r, h0i, b0i);
            a00 = Power(h0r, h0i, a00);
            TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 1) + i), out TVector h1r, out TVector h1i);
            b1r = DotRe(yr, yi, h1r, h1i, b1r);
            b1i = DotIm(yr, yi, h1r, h1i, b1i);
            a11 = Power(h1r, h1i, a11);
            a10r = DotRe(h0r, h0i, h1r, h1i, a10r);
            a10i = DotIm(h0r, h0i, h1r, h1i, a10i);
            TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 2) + i), out TVector h2r, out TVector h2i);
            b2r = DotRe(yr, yi, h2r, h2i, b2r);
            b2i = DotIm(yr, yi, h2r, h2i, b2i);
            a22 = Power(h2r, h2i, a22);
            a20r = DotRe(h0r, h0i, h2r, h2i, a20r);
            a20i = DotIm(h0r, h0i, h2r, h2i, a20i);
            a21r = DotRe(h1r, h1i, h2r, h2i, a21r);
            a21i = DotIm(h1r, h1i, h2r, h2i, a21i);
            if (four)
            {
                TLanes.LoadComplex(ref buffers.H, (nuint)(strides.Channel(r, 3) + i), out TVector h3r, out TVector h3i);
                b3r = DotRe(yr, yi, h3r, h3i, b3r);
                b3i = DotIm(yr, yi, h3r, h3i, b3i);
                a30r = DotRe(h0r, h0i, h3r, h3i, a30r);
                a30i = DotIm(h0r, h0i, h3r, h3i, a30i);
                a33 = Power(h3r, h3i, a33);
                a31r = DotRe(h1r, h1i, h3r, h3i, a31r);
                a31i = DotIm(h1r, h1i, h3r, h3i, a31i);
                a32r = DotRe(h2r, h2i, h3r, h3i, a32r);
                a32i = DotIm(h2r, h2i, h3r, h3i, a32i);
            }
        }

        TVector trace = TLanes.Add(TLanes.Add(a00, a11), a22);
        trace = four ? TLanes.Add(trace, a33) : trace;
        a33 = four ? a33 : trace; // the phantom layer's pivot (three layers)

        // LDLᴴ with C_rj = L_rj·D_j.
        TVector lambda = TLanes.Create(algorithm == EqualizerAlgorithm.Mmse ? noiseVariance : 0f);
        TVector threshold = TLanes.Multiply(trace, TLanes.Create(PlanarEqualizer.PivotFraction));
        TVector tiny = TLanes.Create(PlanarEqualizer.Tiny);
        TVector valid = TLanes.GreaterThan(trace, zero);

        TVector d0 = TLanes.Add(a00, lambda);
        valid = And(valid, TLanes.GreaterThan(d0, threshold));
        TVector i0 = TLanes.Reciprocal(TLanes.Max(d0, tiny));
        TVector l10r = TLanes.Multiply(a10r, i0), l10i = TLanes.Multiply(a10i, i0);
        TVector l20r = TLanes.Multiply(a20r, i0), l20i = TLanes.Multiply(a20i, i0);
        TVector l30r = TLanes.Multiply(a30r, i0), l30i = TLanes.Multiply(a30i, i0);

        TVector d1 = SubtractConjugateRe(TLanes.Add(a11, lambda), a10r, a10i, l10r, l10i);
        valid = And(valid, TLanes.GreaterThan(d1, threshold));
        TVector i1 = TLanes.Reciprocal(TLanes.Max(d1, tiny));
        TVector c21r = SubtractConjugateRe(a21r, a20r, a20i, l10r, l10i), c21i = SubtractConjugateIm(a21i, a20r, a20i, l10r, l10i);
        TVector c31r = SubtractConjugateRe(a31r, a30r, a30i, l10r, l10i), c31i = SubtractConjugateIm(a31i, a30r, a30i, l10r, l10i);
        TVector l21r = TLanes.Multiply(c21r, i1), l21i = TLanes.Multiply(c21i, i1);
        TVector l31r = TLanes.Multiply(c31r, i1), l31i = TLanes.Multiply(c31i, i1);

        TVector d2 = SubtractConjugateRe(SubtractConjugateRe(TLanes.Add(a22, lambda), a20r, a20i, l20r, l20i), c21r, c21i, l21r, l21i);
        valid = And(valid, TLanes.GreaterThan(d2, threshold));
        TVector i2 = TLanes.Reciprocal(TLanes.Max(d2, tiny));
        TVector c32r = SubtractConjugateRe(SubtractConjugateRe(a32r, a30r, a30i, l20r, l20i), c31r, c31i, l21r, l21i);
        TVector c32i = SubtractConjugateIm(SubtractConjugateIm(a32i, a30r, a30i, l20r, l20i), c31r, c31i, l21r, l21i);
        TVector l32r = TLanes.Multiply(c32r, i2), l32i = TLanes.Multiply(c32i, i2);

        TVector d3 = SubtractConjugateRe(
            SubtractConjugateRe(SubtractConjugateRe(TLanes.Add(a33, lambda), a30r, a30i, l30r, l30i), c31r, c31i, l31r, l31i), c32r, c32i, l32r, l32i);
        valid = And(valid, TLanes.GreaterThan(d3, threshold));
        TVector i3 = TLanes.Reciprocal(TLanes.Max(d3, tiny));

        // L·u = b (u in place of b).
        TVector u1r = SubtractProductRe(b1r, l10r, l10i, b0r, b0i), u1i = SubtractProductIm(b1i, l10r, l10i, b0r, b0i);
        TVector u2r = SubtractProductRe(SubtractProductRe(b2r, l20r, l20i, b0r, b0i), l21r, l21i, u1r, u1i);
        TVector u2i = SubtractProductIm(SubtractProductIm(b2i, l20r, l20i, b0r, b0i), l21r, l21i, u1r, u1i);
        TVector u3r = SubtractProductRe(SubtractProductRe(SubtractProductRe(b3r, l30r, l30i, b0r, b0i), l31r, l31i, u1r, u1i), l32r, l32i, u2r, u2i);
        TVector u3i = SubtractProductIm(SubtractProductIm(SubtractProductIm(b3i, l30r, l30i, b0r, b0i), l31r, l31i, u1r, u1i), l32r, l32i, u2r, u2i);

        // w = u/D, Lᴴ·x = w.
        TVector x3r = TLanes.Multiply(u3r, i3), x3i = TLanes.Multiply(u3i, i3);
        TVector x2r = SubtractConjugateProductRe(TLanes.Multiply(u2r, i2), l32r, l32i, x3r, x3i);
        TVector x2i = SubtractConjugateProductIm(TLanes.Multiply(u2i, i2), l32r, l32i, x3r, x3i);
        TVector x1r = SubtractConjugateProductRe(SubtractConjugateProductRe(TLanes.Multiply(u1r, i1), l21r, l21i, x2r, x2i), l31r, l31i, x3r, x3i);
        TVector x1i = SubtractConjugateProductIm(SubtractConjugateProductIm(TLanes.Multiply(u1i, i1), l21r, l21i, x2r, x2i), l31r, l31i, x3r, x3i);
        TVector x0r = SubtractConjugateProductRe(
            SubtractConjugateProductRe(SubtractConjugateProductRe(TLanes.Multiply(b0r, i0), l10r, l10i, x1r, x1i), l20r, l20i, x2r, x2i), l30r, l30i, x3r, x3i);
        TVector x0i = SubtractConjugateProductIm(
            SubtractConjugateProductIm(SubtractConjugateProductIm(TLanes.Multiply(b0i, i0), l10r, l10i, x1r, x1i), l20r, l20i, x2r, x2i), l30r, l30i, x3r, x3i);

        // M = L⁻¹: M_kk−1 = −L_kk−1, M20 = L21·L10 − L20, M31 = L32·L21 − L31, M30 = −L30 − L31·M10 − L32·M20.
        TVector m20r = TLanes.Subtract(ProductRe(l21r, l21i, l10r, l10i), l20r), m20i = TLanes.Subtract(ProductIm(l21r, l21i, l10r, l10i), l20i);
        TVector m31r = TLanes.Subtract(ProductRe(l32r, l32i, l21r, l21i), l31r), m31i = TLanes.Subtract(ProductIm(l32r, l32i, l21r, l21i), l31i);
        TVector m30r = SubtractProductRe(TLanes.Subtract(ProductRe(l31r, l31i, l10r, l10i), l30r), l32r, l32i, m20r, m20i);
        TVector m30i = SubtractProductIm(TLanes.Subtract(ProductIm(l31r, l31i, l10r, l10i), l30i), l32r, l32i, m20r, m20i);

        // diag(A⁻¹)_j = Σ_{k≥j} |M_kj|²/D_k, times σ².
        TVector sigma2 = TLanes.Create(noiseVariance);
        TVector e0 = TLanes.MultiplyAdd(Power(m30r, m30i, zero), i3, TLanes.MultiplyAdd(Power(m20r, m20i, zero), i2, TLanes.MultiplyAdd(Power(l10r, l10i, zero), i1, i0)));
        TVector e1 = TLanes.MultiplyAdd(Power(m31r, m31i, zero), i3, TLanes.MultiplyAdd(Power(l21r, l21i, zero), i2, i1));
        TVector e2 = TLanes.MultiplyAdd(Power(l32r, l32i, zero), i3, i2);
        PlanarEqualizer.Finish<TLanes, TVector>(algorithm, buffers, strides, 0, i, valid, x0r, x0i, TLanes.Multiply(sigma2, e0));
        PlanarEqualizer.Finish<TLanes, TVector>(algorithm, buffers, strides, 1, i, valid, x1r, x1i, TLanes.Multiply(sigma2, e1));
        PlanarEqualizer.Finish<TLanes, TVector>(algorithm, buffers, strides, 2, i, valid, x2r, x2i, TLanes.Multiply(sigma2, e2));
        if (four)
        {
            PlanarEqualizer.Finish<TLanes, TVector>(algorithm, buffers, strides, 3, i, valid, x3r, x3i, TLanes.Multiply(sigma2, i3));
        }
    }

    /// <summary>sum + |a|².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Power(TVector ar, TVector ai, TVector sum) => TLanes.MultiplyAdd(ar, ar, TLanes.MultiplyAdd(ai, ai, sum));

    /// <summary>sum + Re(a·b*) = sum + ar·br + ai·bi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DotRe(TVector ar, TVector ai, TVector br, TVector bi, TVector sum) => TLanes.MultiplyAdd(ar, br, TLanes.MultiplyAdd(ai, bi, sum));

    /// <summary>sum + Im(a·b*) = sum + ai·br − ar·bi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector DotIm(TVector ar, TVector ai, TVector br, TVector bi, TVector sum) => TLanes.MultiplyAdd(ai, br, TLanes.MultiplySubtract(ar, bi, sum));

    /// <summary>s − Re(a·b*).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractConjugateRe(TVector s, TVector ar, TVector ai, TVector br, TVector bi) => TLanes.MultiplySubtract(ar, br, TLanes.MultiplySubtract(ai, bi, s));

    /// <summary>s − Im(a·b*) = s − ai·br + ar·bi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractConjugateIm(TVector s, TVector ar, TVector ai, TVector br, TVector bi) => TLanes.MultiplySubtract(ai, br, TLanes.MultiplyAdd(ar, bi, s));

    /// <summary>Re(a·b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ProductRe(TVector ar, TVector ai, TVector br, TVector bi) => TLanes.MultiplySubtract(ai, bi, TLanes.Multiply(ar, br));

    /// <summary>Im(a·b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ProductIm(TVector ar, TVector ai, TVector br, TVector bi) => TLanes.MultiplyAdd(ai, br, TLanes.Multiply(ar, bi));

    /// <summary>s − Re(l·u) = s − lr·ur + li·ui.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractProductRe(TVector s, TVector lr, TVector li, TVector ur, TVector ui) => TLanes.MultiplySubtract(lr, ur, TLanes.MultiplyAdd(li, ui, s));

    /// <summary>s − Im(l·u) = s − lr·ui − li·ur.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractProductIm(TVector s, TVector lr, TVector li, TVector ur, TVector ui) => TLanes.MultiplySubtract(lr, ui, TLanes.MultiplySubtract(li, ur, s));

    /// <summary>s − Re(l*·x) = s − lr·xr − li·xi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractConjugateProductRe(TVector s, TVector lr, TVector li, TVector xr, TVector xi) => TLanes.MultiplySubtract(lr, xr, TLanes.MultiplySubtract(li, xi, s));

    /// <summary>s − Im(l*·x) = s − lr·xi + li·xr.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector SubtractConjugateProductIm(TVector s, TVector lr, TVector li, TVector xr, TVector xi) => TLanes.MultiplySubtract(lr, xi, TLanes.MultiplyAdd(li, xr, s));

    /// <summary>Both masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector And(TVector left, TVector right) => TLanes.Select(left, right, left);
}
