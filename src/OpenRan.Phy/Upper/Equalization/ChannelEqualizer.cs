using System;
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
/// rows are read in place. The vector paths (<see cref="PlanarEqualizer"/>: 16 elements per step with AVX-512, 8 with
/// AVX2) work planar, one element per lane, with closed forms for one and two layers; the scalar path is the reference
/// and handles the tail. Results of the paths agree to single-precision rounding.</para>
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
        EqualizeUpTo(VectorWidth.Widest, algorithm, received, receivedStride, channel, channelRxStride, channelLayerStride, rxPorts, layers, length, noiseVariance, symbols, postNoise, outputStride);
    }

    /// <summary>As <see cref="Equalize"/> with the vector kernels of at most <paramref name="width"/> (the scalar reference for the rest).</summary>
    internal static void EqualizeUpTo(
        VectorWidth width, EqualizerAlgorithm algorithm,
        ReadOnlySpan<ComplexF32> received, int receivedStride,
        ReadOnlySpan<ComplexF32> channel, int channelRxStride, int channelLayerStride,
        int rxPorts, int layers, int length, float noiseVariance,
        Span<ComplexF32> symbols, Span<float> postNoise, int outputStride)
    {
        Validate(received, receivedStride, channel, channelRxStride, channelLayerStride, rxPorts, layers, length, noiseVariance, symbols, postNoise, outputStride);
        var strides = new Strides(receivedStride, channelRxStride, channelLayerStride, outputStride);
        int done = 0;
        if (width >= VectorWidth.Bits512 && EqualizerLanes512.IsSupported)
        {
            done = PlanarEqualizer.Equalize<EqualizerLanes512, Vector512<float>>(algorithm, received, channel, strides, rxPorts, layers, length, noiseVariance, symbols, postNoise);
        }
        else if (width >= VectorWidth.Bits256 && EqualizerLanes256.IsSupported)
        {
            done = PlanarEqualizer.Equalize<EqualizerLanes256, Vector256<float>>(algorithm, received, channel, strides, rxPorts, layers, length, noiseVariance, symbols, postNoise);
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

    /// <summary>The widest vectors an equalizer implementation may use.</summary>
    internal enum VectorWidth
    {
        /// <summary>Scalar only.</summary>
        None = 0,

        /// <summary>Vector256 (AVX2).</summary>
        Bits256 = 256,

        /// <summary>Vector512 (AVX-512).</summary>
        Bits512 = 512,

        /// <summary>The widest this machine runs.</summary>
        Widest = int.MaxValue,
    }
}
