using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// Per-resource-element linear MIMO equalization of up to 4 layers on up to 8 receive ports, with the post-equalization
/// noise variance of every layer and element (the demapper's σ²).
/// </summary>
/// <remarks>
/// <para>Model: y = H·x + n, E|x_v|² = 1, n white with variance σ² on every receive port. The Hermitian system
/// A = HᴴH (+ σ²I for MMSE) is solved by an LDLᴴ factorisation, closed form for the sizes involved; with one layer both
/// algorithms reduce to maximum-ratio combining x̂ = Σ h_r*y_r / Σ|h_r|², σ²_post = σ²/Σ|h_r|².</para>
/// <para>Elements whose system is singular (a zero channel, or rank loss under zero forcing) are erased: x̂ = 0 and
/// σ²_post = +∞, which the demapper turns into zero LLRs.</para>
/// <para>Buffers are blocks of <c>length</c> elements reached through strides, so channel estimates and received
/// rows are read in place. The Vector256 path handles 4 elements per step on interleaved complex floats (real
/// quantities kept duplicated in both lanes of a complex); the scalar path is the reference and handles the tail.
/// Results of the two paths agree to single-precision rounding.</para>
/// </remarks>
public static class ChannelEqualizer
{
    /// <summary>Largest number of layers.</summary>
    public const int MaxLayers = 4;

    /// <summary>Largest number of receive ports.</summary>
    public const int MaxRxPorts = 8;

    /// <summary>
    /// Equalizes <paramref name="length"/> resource elements.
    /// </summary>
    /// <param name="algorithm">ZF or MMSE.</param>
    /// <param name="received">y: receive port r is received[r·receivedStride ..][..length].</param>
    /// <param name="receivedStride">Distance between receive ports in <paramref name="received"/>.</param>
    /// <param name="channel">H: link (r, v) is channel[r·channelRxStride + v·channelLayerStride ..][..length].</param>
    /// <param name="channelRxStride">Distance between receive ports in <paramref name="channel"/>.</param>
    /// <param name="channelLayerStride">Distance between layers in <paramref name="channel"/>.</param>
    /// <param name="rxPorts">Receive ports R, 1..8.</param>
    /// <param name="layers">Layers υ, 1..min(4, R).</param>
    /// <param name="length">Resource elements to equalize.</param>
    /// <param name="noiseVariance">σ² per receive port and element, ≥ 0 (0 makes MMSE equal ZF).</param>
    /// <param name="symbols">x̂: layer v is symbols[v·outputStride ..][..length].</param>
    /// <param name="postNoise">σ²_post: layer v is postNoise[v·outputStride ..][..length].</param>
    /// <param name="outputStride">Distance between layers in the outputs.</param>
    public static void Equalize(
        EqualizerAlgorithm algorithm,
        ReadOnlySpan<ComplexF32> received, int receivedStride,
        ReadOnlySpan<ComplexF32> channel, int channelRxStride, int channelLayerStride,
        int rxPorts, int layers, int length, float noiseVariance,
        Span<ComplexF32> symbols, Span<float> postNoise, int outputStride)
    {
        Validate(received, receivedStride, channel, channelRxStride, channelLayerStride, rxPorts, layers, length, noiseVariance, symbols, postNoise, outputStride);
        var strides = new Strides(receivedStride, channelRxStride, channelLayerStride, outputStride);
        int done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            done = layers switch
            {
                1 => CombineVector256(received, channel, strides, rxPorts, length, noiseVariance, symbols, postNoise),
                2 => SolveTwoLayersVector256(algorithm, received, channel, strides, rxPorts, length, noiseVariance, symbols, postNoise),
                _ => SolveVector256(algorithm, received, channel, strides, rxPorts, layers, length, noiseVariance, symbols, postNoise),
            };
        }

        EqualizeScalar(algorithm, received, channel, strides, rxPorts, layers, done, length, noiseVariance, symbols, postNoise);
    }

    /// <summary>As <see cref="Equalize"/> with the scalar reference only (the <c>generic</c> implementation and the oracle of the vector paths).</summary>
    public static void EqualizeScalar(
        EqualizerAlgorithm algorithm,
        ReadOnlySpan<ComplexF32> received, int receivedStride,
        ReadOnlySpan<ComplexF32> channel, int channelRxStride, int channelLayerStride,
        int rxPorts, int layers, int length, float noiseVariance,
        Span<ComplexF32> symbols, Span<float> postNoise, int outputStride)
    {
        Validate(received, receivedStride, channel, channelRxStride, channelLayerStride, rxPorts, layers, length, noiseVariance, symbols, postNoise, outputStride);
        EqualizeScalar(algorithm, received, channel, new Strides(receivedStride, channelRxStride, channelLayerStride, outputStride), rxPorts, layers, 0, length, noiseVariance, symbols, postNoise);
    }

    /// <summary>Checks the arguments of <see cref="Equalize"/> once at the public entry.</summary>
    private static void Validate(
        ReadOnlySpan<ComplexF32> received, int receivedStride, ReadOnlySpan<ComplexF32> channel, int channelRxStride, int channelLayerStride,
        int rxPorts, int layers, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise, int outputStride)
    {
        ThrowHelper.ThrowIfOutside(rxPorts, 1, MaxRxPorts);
        ThrowHelper.ThrowIfOutside(layers, 1, Math.Min(MaxLayers, rxPorts));
        ThrowHelper.ThrowIfOutside(length, 0, int.MaxValue);
        if (!(noiseVariance >= 0f) || float.IsInfinity(noiseVariance))
        {
            ThrowHelper.ThrowOutOfRange(nameof(noiseVariance), noiseVariance, "a finite value ≥ 0");
        }

        RequireLength(received.Length, ((rxPorts - 1) * receivedStride) + length, nameof(received));
        RequireLength(channel.Length, ((rxPorts - 1) * channelRxStride) + ((layers - 1) * channelLayerStride) + length, nameof(channel));
        RequireLength(symbols.Length, ((layers - 1) * outputStride) + length, nameof(symbols));
        RequireLength(postNoise.Length, ((layers - 1) * outputStride) + length, nameof(postNoise));
    }

    /// <summary>The scalar reference for elements start..length−1 (arguments as <see cref="Equalize"/>).</summary>
    internal static void EqualizeScalar(
        EqualizerAlgorithm algorithm, ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, Strides strides,
        int rxPorts, int layers, int start, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise)
    {
        Span<ComplexF32> a = stackalloc ComplexF32[MaxLayers * MaxLayers]; // Gram matrix, then L below the diagonal
        Span<float> d = stackalloc float[MaxLayers];
        Span<ComplexF32> b = stackalloc ComplexF32[MaxLayers];
        Span<ComplexF32> m = stackalloc ComplexF32[MaxLayers * MaxLayers];
        float regularisation = algorithm == EqualizerAlgorithm.Mmse ? noiseVariance : 0f;
        for (int i = start; i < length; i++)
        {
            // A = HᴴH (+σ²I), b = Hᴴy: lower triangle A[j, k] = Σ_r h_rj*·h_rk (j ≥ k).
            float trace = 0;
            for (int j = 0; j < layers; j++)
            {
                ComplexF32 bj = ComplexF32.Zero;
                for (int r = 0; r < rxPorts; r++)
                {
                    bj += ComplexF32.MultiplyConjugate(received[(r * strides.Received) + i], channel[strides.Channel(r, j) + i]);
                }

                b[j] = bj;
                for (int k = 0; k <= j; k++)
                {
                    ComplexF32 sum = ComplexF32.Zero;
                    for (int r = 0; r < rxPorts; r++)
                    {
                        sum += ComplexF32.MultiplyConjugate(channel[strides.Channel(r, k) + i], channel[strides.Channel(r, j) + i]);
                    }

                    a[(j * MaxLayers) + k] = sum;
                }

                trace += a[(j * MaxLayers) + j].Re;
            }

            // LDLᴴ: D_j = A_jj − Σ_k |L_jk|²D_k, L_ij = (A_ij − Σ_k L_ik·L_jk*·D_k)/D_j.
            bool valid = trace > 0f;
            for (int j = 0; j < layers && valid; j++)
            {
                float dj = a[(j * MaxLayers) + j].Re + regularisation;
                for (int k = 0; k < j; k++)
                {
                    dj -= a[(j * MaxLayers) + k].MagnitudeSquared * d[k];
                }

                valid = dj > trace * 1e-6f;
                d[j] = dj;
                for (int r = j + 1; r < layers && valid; r++)
                {
                    ComplexF32 sum = a[(r * MaxLayers) + j];
                    for (int k = 0; k < j; k++)
                    {
                        sum -= ComplexF32.MultiplyConjugate(a[(r * MaxLayers) + k], a[(j * MaxLayers) + k]) * d[k];
                    }

                    a[(r * MaxLayers) + j] = sum / dj;
                }
            }

            if (!valid)
            {
                for (int v = 0; v < layers; v++)
                {
                    symbols[(v * strides.Output) + i] = ComplexF32.Zero;
                    postNoise[(v * strides.Output) + i] = float.PositiveInfinity;
                }

                continue;
            }

            // Solve L·u = b, w = u/D, Lᴴ·x = w.
            for (int j = 0; j < layers; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    b[j] -= a[(j * MaxLayers) + k] * b[k];
                }
            }

            for (int j = 0; j < layers; j++)
            {
                b[j] /= d[j];
            }

            for (int j = layers - 1; j >= 0; j--)
            {
                for (int k = j + 1; k < layers; k++)
                {
                    b[j] -= a[(k * MaxLayers) + j].Conjugate * b[k];
                }
            }

            // diag(A⁻¹)_j = Σ_{k≥j} |M_kj|²/D_k with M = L⁻¹ (unit lower triangular).
            for (int j = 0; j < layers; j++)
            {
                float diagonal = 1f / d[j];
                m[(j * MaxLayers) + j] = ComplexF32.One;
                for (int k = j + 1; k < layers; k++)
                {
                    ComplexF32 sum = ComplexF32.Zero;
                    for (int q = j; q < k; q++)
                    {
                        sum -= a[(k * MaxLayers) + q] * m[(q * MaxLayers) + j];
                    }

                    m[(k * MaxLayers) + j] = sum;
                    diagonal += sum.MagnitudeSquared / d[k];
                }

                float error = noiseVariance * diagonal;
                ComplexF32 x = b[j];
                float noise = error;
                if (algorithm == EqualizerAlgorithm.Mmse)
                {
                    float mu = 1f - error;
                    if (mu <= 1e-6f)
                    {
                        x = ComplexF32.Zero;
                        noise = float.PositiveInfinity;
                    }
                    else
                    {
                        x *= 1f / mu;
                        noise = error / mu;
                    }
                }

                symbols[(j * strides.Output) + i] = x;
                postNoise[(j * strides.Output) + i] = noise;
            }
        }
    }

    /// <summary>One layer: maximum-ratio combining, 4 elements per step; returns the elements done.</summary>
    private static int CombineVector256(ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, Strides strides, int rxPorts, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise)
    {
        ref float y = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(received));
        ref float h = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(channel));
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float e = ref MemoryMarshal.GetReference(postNoise);
        Vector256<float> sigma2 = Vector256.Create(noiseVariance);
        Vector256<float> tiny = Vector256.Create(1e-30f);
        int i = 0;
        for (; i <= length - 4; i += 4)
        {
            Vector256<float> numerator = Vector256<float>.Zero;
            Vector256<float> power = Vector256<float>.Zero;
            for (int r = 0; r < rxPorts; r++)
            {
                Vector256<float> hr = Vector256.LoadUnsafe(ref h, (nuint)(2 * (strides.Channel(r, 0) + i)));
                Vector256<float> yr = Vector256.LoadUnsafe(ref y, (nuint)(2 * ((r * strides.Received) + i)));
                numerator += ComplexSimd.MultiplyConjugate(yr, hr);
                power += Norm(hr);
            }

            // Lanes with Σ|h|² ≈ 0 are erased (x = 0, σ²_post = +∞).
            Vector256<float> valid = Vector256.GreaterThan(power, tiny);
            Vector256<float> inverse = Vector256<float>.One / Vector256.Max(power, tiny);
            Vector256.ConditionalSelect(valid, numerator * inverse, Vector256<float>.Zero).StoreUnsafe(ref x, (nuint)(2 * i));
            Vector256<float> noise = Vector256.ConditionalSelect(valid, sigma2 * inverse, Vector256.Create(float.PositiveInfinity));
            EvenLanes(noise).StoreUnsafe(ref e, (nuint)i);
        }

        return i;
    }

    /// <summary>
    /// Two layers: the 2×2 Hermitian inverse in closed form, A = [[a, b], [b*, d]] (a, d real, + σ² for MMSE),
    /// A⁻¹ = [[d, −b], [−b*, a]]/(ad − |b|²); 4 elements per step. Returns the elements done.
    /// </summary>
    private static int SolveTwoLayersVector256(EqualizerAlgorithm algorithm, ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, Strides strides, int rxPorts, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise)
    {
        ref float y = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(received));
        ref float h = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(channel));
        ref float xOut = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float eOut = ref MemoryMarshal.GetReference(postNoise);
        Vector256<float> sigma2 = Vector256.Create(noiseVariance);
        Vector256<float> regularisation = algorithm == EqualizerAlgorithm.Mmse ? sigma2 : Vector256<float>.Zero;
        Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
        Vector256<float> tiny = Vector256.Create(1e-30f);
        Vector256<float> minimumGain = Vector256.Create(1e-6f);
        int i = 0;
        for (; i <= length - 4; i += 4)
        {
            Vector256<float> a = Vector256<float>.Zero, d = Vector256<float>.Zero, b = Vector256<float>.Zero;
            Vector256<float> c0 = Vector256<float>.Zero, c1 = Vector256<float>.Zero;
            for (int r = 0; r < rxPorts; r++)
            {
                Vector256<float> h0 = Vector256.LoadUnsafe(ref h, (nuint)(2 * (strides.Channel(r, 0) + i)));
                Vector256<float> h1 = Vector256.LoadUnsafe(ref h, (nuint)(2 * (strides.Channel(r, 1) + i)));
                Vector256<float> yr = Vector256.LoadUnsafe(ref y, (nuint)(2 * ((r * strides.Received) + i)));
                a += Norm(h0);
                d += Norm(h1);
                b += ComplexSimd.MultiplyConjugate(h1, h0); // Σ h0*·h1
                c0 += ComplexSimd.MultiplyConjugate(yr, h0);
                c1 += ComplexSimd.MultiplyConjugate(yr, h1);
            }

            Vector256<float> trace = a + d;
            a += regularisation;
            d += regularisation;
            Vector256<float> determinant = (a * d) - Norm(b);
            Vector256<float> valid = Vector256.GreaterThan(determinant, trace * trace * Vector256.Create(1e-6f)) & Vector256.GreaterThan(trace, tiny);
            Vector256<float> inverse = Vector256<float>.One / Vector256.Max(determinant, tiny);

            // x0 = (d·c0 − b·c1)/det, x1 = (a·c1 − b*·c0)/det.
            Vector256<float> x0 = ((d * c0) - ComplexSimd.Multiply(b, c1)) * inverse;
            Vector256<float> x1 = ((a * c1) - ComplexSimd.MultiplyConjugate(c0, b)) * inverse;
            Vector256<float> e0 = sigma2 * d * inverse;
            Vector256<float> e1 = sigma2 * a * inverse;
            Vector256<float> ok0 = valid, ok1 = valid;
            if (algorithm == EqualizerAlgorithm.Mmse)
            {
                Vector256<float> mu0 = Vector256<float>.One - e0;
                Vector256<float> mu1 = Vector256<float>.One - e1;
                ok0 &= Vector256.GreaterThan(mu0, minimumGain);
                ok1 &= Vector256.GreaterThan(mu1, minimumGain);
                Vector256<float> inverse0 = Vector256<float>.One / Vector256.Max(mu0, minimumGain);
                Vector256<float> inverse1 = Vector256<float>.One / Vector256.Max(mu1, minimumGain);
                x0 *= inverse0;
                x1 *= inverse1;
                e0 *= inverse0;
                e1 *= inverse1;
            }

            Vector256.ConditionalSelect(ok0, x0, Vector256<float>.Zero).StoreUnsafe(ref xOut, (nuint)(2 * i));
            Vector256.ConditionalSelect(ok1, x1, Vector256<float>.Zero).StoreUnsafe(ref xOut, (nuint)(2 * (strides.Output + i)));
            EvenLanes(Vector256.ConditionalSelect(ok0, e0, infinity)).StoreUnsafe(ref eOut, (nuint)i);
            EvenLanes(Vector256.ConditionalSelect(ok1, e1, infinity)).StoreUnsafe(ref eOut, (nuint)(strides.Output + i));
        }

        return i;
    }

    /// <summary>Two or more layers: LDLᴴ per element on interleaved vectors, 4 elements per step; returns the elements done.</summary>
    /// <remarks>The per-step matrices live in one stack block addressed through refs (no bounds checks in the inner loops).</remarks>
    private static int SolveVector256(EqualizerAlgorithm algorithm, ReadOnlySpan<ComplexF32> received, ReadOnlySpan<ComplexF32> channel, Strides strides, int rxPorts, int layers, int length, float noiseVariance, Span<ComplexF32> symbols, Span<float> postNoise)
    {
        ref float y = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(received));
        ref float h = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(channel));
        ref float xOut = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float eOut = ref MemoryMarshal.GetReference(postNoise);

        // A (lower triangle, then L), D, 1/D, b (matched filter, then the solution), M (a column of L⁻¹), H (this step's channel).
        const int D = MaxLayers * MaxLayers, DInverse = D + MaxLayers, B = DInverse + MaxLayers, M = B + MaxLayers, H = M + MaxLayers;
        Span<Vector256<float>> block = stackalloc Vector256<float>[H + (MaxRxPorts * MaxLayers)];
        ref Vector256<float> a = ref MemoryMarshal.GetReference(block);
        Vector256<float> sigma2 = Vector256.Create(noiseVariance);
        Vector256<float> regularisation = algorithm == EqualizerAlgorithm.Mmse ? sigma2 : Vector256<float>.Zero;
        Vector256<float> infinity = Vector256.Create(float.PositiveInfinity);
        Vector256<float> one = Vector256.Create(1f, 0f, 1f, 0f, 1f, 0f, 1f, 0f);
        int i = 0;
        for (; i <= length - 4; i += 4)
        {
            // This step's channel, then the Gram lower triangle and the matched filter.
            for (int r = 0; r < rxPorts; r++)
            {
                for (int j = 0; j < layers; j++)
                {
                    Unsafe.Add(ref a, H + (r * MaxLayers) + j) = Vector256.LoadUnsafe(ref h, (nuint)(2 * (strides.Channel(r, j) + i)));
                }
            }

            Vector256<float> trace = Vector256<float>.Zero;
            for (int j = 0; j < layers; j++)
            {
                Vector256<float> diagonal = Vector256<float>.Zero;
                for (int r = 0; r < rxPorts; r++)
                {
                    diagonal += Norm(Unsafe.Add(ref a, H + (r * MaxLayers) + j));
                }

                Unsafe.Add(ref a, (j * MaxLayers) + j) = diagonal;
                for (int k = 0; k < j; k++)
                {
                    Vector256<float> sum = Vector256<float>.Zero;
                    for (int r = 0; r < rxPorts; r++)
                    {
                        sum += ComplexSimd.MultiplyConjugate(Unsafe.Add(ref a, H + (r * MaxLayers) + k), Unsafe.Add(ref a, H + (r * MaxLayers) + j));
                    }

                    Unsafe.Add(ref a, (j * MaxLayers) + k) = sum;
                }

                Vector256<float> bj = Vector256<float>.Zero;
                for (int r = 0; r < rxPorts; r++)
                {
                    bj += ComplexSimd.MultiplyConjugate(Vector256.LoadUnsafe(ref y, (nuint)(2 * ((r * strides.Received) + i))), Unsafe.Add(ref a, H + (r * MaxLayers) + j));
                }

                Unsafe.Add(ref a, B + j) = bj;
                trace += Unsafe.Add(ref a, (j * MaxLayers) + j);
            }

            // LDLᴴ with real-duplicated D.
            Vector256<float> valid = Vector256.GreaterThan(trace, Vector256<float>.Zero);
            Vector256<float> threshold = trace * Vector256.Create(1e-6f);
            for (int j = 0; j < layers; j++)
            {
                Vector256<float> dj = Unsafe.Add(ref a, (j * MaxLayers) + j) + regularisation;
                for (int k = 0; k < j; k++)
                {
                    dj -= Norm(Unsafe.Add(ref a, (j * MaxLayers) + k)) * Unsafe.Add(ref a, D + k);
                }

                valid &= Vector256.GreaterThan(dj, threshold);
                dj = Vector256.Max(dj, Vector256.Create(1e-30f));
                Vector256<float> inverse = Vector256<float>.One / dj;
                Unsafe.Add(ref a, D + j) = dj;
                Unsafe.Add(ref a, DInverse + j) = inverse;
                for (int r = j + 1; r < layers; r++)
                {
                    Vector256<float> sum = Unsafe.Add(ref a, (r * MaxLayers) + j);
                    for (int k = 0; k < j; k++)
                    {
                        sum -= ComplexSimd.MultiplyConjugate(Unsafe.Add(ref a, (r * MaxLayers) + k), Unsafe.Add(ref a, (j * MaxLayers) + k)) * Unsafe.Add(ref a, D + k);
                    }

                    Unsafe.Add(ref a, (r * MaxLayers) + j) = sum * inverse;
                }
            }

            // L·u = b, w = u/D, Lᴴ·x = w.
            for (int j = 0; j < layers; j++)
            {
                Vector256<float> bj = Unsafe.Add(ref a, B + j);
                for (int k = 0; k < j; k++)
                {
                    bj -= ComplexSimd.Multiply(Unsafe.Add(ref a, (j * MaxLayers) + k), Unsafe.Add(ref a, B + k));
                }

                Unsafe.Add(ref a, B + j) = bj;
            }

            for (int j = 0; j < layers; j++)
            {
                Unsafe.Add(ref a, B + j) *= Unsafe.Add(ref a, DInverse + j);
            }

            for (int j = layers - 1; j >= 0; j--)
            {
                Vector256<float> bj = Unsafe.Add(ref a, B + j);
                for (int k = j + 1; k < layers; k++)
                {
                    // conj(L_kj)·x_k = x_k·conj(L_kj).
                    bj -= ComplexSimd.MultiplyConjugate(Unsafe.Add(ref a, B + k), Unsafe.Add(ref a, (k * MaxLayers) + j));
                }

                Unsafe.Add(ref a, B + j) = bj;
            }

            // diag(A⁻¹) through M = L⁻¹, column by column; then bias removal and erasures.
            for (int j = 0; j < layers; j++)
            {
                Vector256<float> diagonal = Unsafe.Add(ref a, DInverse + j);
                Unsafe.Add(ref a, M + j) = one;
                for (int k = j + 1; k < layers; k++)
                {
                    Vector256<float> sum = Vector256<float>.Zero;
                    for (int q = j; q < k; q++)
                    {
                        sum -= ComplexSimd.Multiply(Unsafe.Add(ref a, (k * MaxLayers) + q), Unsafe.Add(ref a, M + q));
                    }

                    Unsafe.Add(ref a, M + k) = sum;
                    diagonal += Norm(sum) * Unsafe.Add(ref a, DInverse + k);
                }

                Vector256<float> error = sigma2 * diagonal;
                Vector256<float> x = Unsafe.Add(ref a, B + j);
                Vector256<float> noise = error;
                Vector256<float> ok = valid;
                if (algorithm == EqualizerAlgorithm.Mmse)
                {
                    Vector256<float> mu = Vector256<float>.One - error;
                    ok &= Vector256.GreaterThan(mu, Vector256.Create(1e-6f));
                    Vector256<float> inverseMu = Vector256<float>.One / Vector256.Max(mu, Vector256.Create(1e-6f));
                    x *= inverseMu;
                    noise = error * inverseMu;
                }

                Vector256.ConditionalSelect(ok, x, Vector256<float>.Zero).StoreUnsafe(ref xOut, (nuint)(2 * ((j * strides.Output) + i)));
                EvenLanes(Vector256.ConditionalSelect(ok, noise, infinity)).StoreUnsafe(ref eOut, (nuint)((j * strides.Output) + i));
            }
        }

        return i;
    }

    /// <summary>|z|² duplicated in both lanes of each complex: (re² + im², re² + im²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Norm(Vector256<float> z)
    {
        Vector256<float> squares = z * z;
        return squares + ComplexSimd.SwapParts(squares);
    }

    /// <summary>The even lanes (one value per complex) of a real-duplicated vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> EvenLanes(Vector256<float> v) => Vector256.Shuffle(v, Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6)).GetLower();

    private static void RequireLength(int actual, int required, string name)
    {
        if (actual < required)
        {
            ThrowHelper.ThrowDestinationTooShort(name, actual, required);
        }
    }

    /// <summary>Buffer strides of one call.</summary>
    internal readonly record struct Strides(int Received, int ChannelRx, int ChannelLayer, int Output)
    {
        /// <summary>Offset of link (r, v) in the channel buffer.</summary>
        public int Channel(int r, int v) => (r * ChannelRx) + (v * ChannelLayer);
    }
}
