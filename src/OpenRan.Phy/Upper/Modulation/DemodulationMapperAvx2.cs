using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// The AVX2 soft demapper for square QAM: four symbols (eight axis values) per step, the piecewise-linear max-log
/// tables of <see cref="SoftDemapping"/> looked up with <c>vpermps</c>. BPSK, π/2-BPSK and the tail fall back to the
/// generic scalar code, which is also the oracle this class is tested against (bit-exact: same operations, no FMA).
/// </summary>
public sealed class DemodulationMapperAvx2 : IDemodulationMapper
{
    /// <summary>The name of this implementation.</summary>
    public const string ImplementationName = "avx2";

    // Per scheme (indexed by ModulationScheme): the positive-half slope and intercept tables of every axis bit j as
    // vectors of 8 entries, [j·blocks + t/8] lane t%8 for interval 2^(m−1) + t; short tables repeat their last entry.
    private static readonly Vector256<float>[]?[] s_slopes = BuildVectors(slopes: true);
    private static readonly Vector256<float>[]?[] s_intercepts = BuildVectors(slopes: false);

    /// <summary>Creates the demapper with the given quantization scale.</summary>
    /// <exception cref="PlatformNotSupportedException">The machine has no AVX2.</exception>
    public DemodulationMapperAvx2(float llrScale = DemodulationMapperFactory.DefaultLlrScale)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("DemodulationMapperAvx2 needs AVX2.");
        }

        LlrScale = llrScale;
    }

    /// <summary>Whether this machine can run the implementation.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public string Name => ImplementationName;

    /// <inheritdoc />
    public float LlrScale { get; }

    /// <inheritdoc />
    public void Demodulate(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs, int symbolIndexOffset = 0)
    {
        int qm = DemodulationMapperGeneric.ValidateLengths(symbols.Length, noiseVariances.Length, scheme, llrs.Length);
        int done = qm >= 2 ? DemodulateQam(symbols, noiseVariances, scheme, llrs) : 0;
        DemodulationMapperGeneric.DemodulateScalar(symbols[done..], noiseVariances[done..], scheme, llrs[(done * qm)..], symbolIndexOffset + done, LlrScale);
    }

    /// <summary>Vector part for QAM; returns the number of symbols processed (a multiple of 4).</summary>
    /// <remarks>
    /// Gray symmetry halves the tables: the sign bit's LLR is odd in x and the others are even, so everything is looked
    /// up at |x| in the 2^(m−1) intervals of the positive half and the sign bit's value takes the sign of x.
    /// </remarks>
    private int DemodulateQam(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs)
    {
        QamAxisTable table = SoftDemapping.Table(scheme);
        Vector256<float>[] slopes = s_slopes[(int)scheme]!;
        Vector256<float>[] intercepts = s_intercepts[(int)scheme]!;
        int m = table.BitsPerAxis;
        int qm = 2 * m;
        int count = symbols.Length & ~3;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        Vector256<float> halfScale = Vector256.Create(table.HalfScale);
        Vector256<float> lastInterval = Vector256.Create((float)((table.IntervalCount / 2) - 1));
        Vector256<float> scale = Vector256.Create(LlrScale);
        Vector256<float> max = Vector256.Create((float)LogLikelihoodRatio.Max);
        Vector256<float> min = Vector256.Create((float)-LogLikelihoodRatio.Max);
        Vector256<float> signBit = Vector256.Create(-0f);
        Vector128<float> infinity = Vector128.Create(float.PositiveInfinity);
        bool twoBlocks = table.IntervalCount > 16;
        Span<Vector256<int>> bits = stackalloc Vector256<int>[5];
        for (int i = 0; i < count; i += 4)
        {
            // Lanes: (re0, im0, re1, im1, re2, im2, re3, im3) of symbols i..i+3.
            Vector256<float> values = Vector256.LoadUnsafe(ref x, (nuint)(2 * i));

            // Per-symbol factor scale/σ² duplicated onto both lanes of its symbol; non-positive, NaN or infinite σ²
            // (erasures) give 0, as SoftDemapping.InverseNoise does in the scalar code.
            Vector128<float> sigma2 = Vector128.LoadUnsafe(ref nv, (nuint)i);
            Vector128<float> valid = Vector128.GreaterThan(sigma2, Vector128<float>.Zero) & Vector128.LessThan(sigma2, infinity);
            Vector128<float> inverse = Vector128.ConditionalSelect(valid, Vector128<float>.One / sigma2, Vector128<float>.Zero);
            Vector256<float> factor = Vector256.Create(Sse.UnpackLow(inverse, inverse), Sse.UnpackHigh(inverse, inverse)) * scale;

            // Interval of |x| in the positive half: t = min(⌊|x|·norm/2⌋, 2^(m−1) − 1).
            Vector256<float> magnitude = Vector256.AndNot(values, signBit);
            Vector256<int> index = Vector256.ConvertToInt32(Vector256.Min(Vector256.Floor(magnitude * halfScale), lastInterval));
            Vector256<float> sign = Vector256.LessThan(values, Vector256<float>.Zero) & signBit;
            for (int j = 0; j < m; j++)
            {
                // σ²-free LLR = slope[t]·|x| + intercept[t] (sign of x applied to the sign bit j = 0), then ·scale/σ²,
                // rounded half to even and clamped to ±120.
                Vector256<float> slope = Lookup(slopes, intercepts, j, index, twoBlocks, out Vector256<float> intercept);
                Vector256<float> llr = (slope * magnitude) + intercept;
                if (j == 0)
                {
                    llr ^= sign;
                }

                llr = Vector256.Min(Vector256.Max(Vector256.Round(llr * factor), min), max);
                bits[j] = Vector256.ConvertToInt32(llr);
            }

            Store(bits, m, ref Unsafe.Add(ref dst, i * qm));
        }

        return count;
    }

    /// <summary>slope and intercept of axis bit j at interval index (per lane), from one or two 8-entry blocks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Lookup(Vector256<float>[] slopes, Vector256<float>[] intercepts, int j, Vector256<int> index, bool twoBlocks, out Vector256<float> intercept)
    {
        // vpermps uses the low 3 bits of each index; with 16 intervals bit 3 selects the block.
        int block = twoBlocks ? 2 * j : j;
        Vector256<float> slope = Avx2.PermuteVar8x32(slopes[block], index);
        intercept = Avx2.PermuteVar8x32(intercepts[block], index);
        if (twoBlocks)
        {
            Vector256<float> upper = Vector256.GreaterThan(index, Vector256.Create(7)).AsSingle();
            slope = Vector256.ConditionalSelect(upper, Avx2.PermuteVar8x32(slopes[block + 1], index), slope);
            intercept = Vector256.ConditionalSelect(upper, Avx2.PermuteVar8x32(intercepts[block + 1], index), intercept);
        }

        return slope;
    }

    /// <summary>
    /// Writes 4 symbols × Q_m LLRs: bits[j] lane 2s + a is axis a of symbol s, axis bit j, and goes to byte Q_m·s + 2j + a.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Span<Vector256<int>> bits, int m, ref sbyte destination)
    {
        switch (m)
        {
            case 1:
            {
                // QPSK: lane order is already byte order; narrow 8 × int32 → 8 × int8.
                Vector128<short> s16 = Vector128.Narrow(bits[0].GetLower(), bits[0].GetUpper());
                Vector128<sbyte> s8 = Vector128.Narrow(s16, s16);
                Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref destination), s8.AsUInt64().ToScalar());
                break;
            }

            case 4:
            {
                // 256QAM: narrow to 32 bytes, byte 8j + 2s + a; output wants 8s + 2j + a. Within each 128-bit lane
                // (j ∈ {0,1} or {2,3}) gather word s = [2s, 2s+1, 8+2s, 9+2s]; then interleave the lanes' dwords.
                Vector256<short> s01 = Vector256.Narrow(bits[0], bits[1]);
                Vector256<short> s23 = Vector256.Narrow(bits[2], bits[3]);
                Vector256<sbyte> bytes = Vector256.Narrow(s01, s23);
                Vector256<sbyte> inLane = Avx2.Shuffle(bytes, Vector256.Create(
                    (sbyte)0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15,
                    0, 1, 8, 9, 2, 3, 10, 11, 4, 5, 12, 13, 6, 7, 14, 15));
                Vector256<sbyte> ordered = Avx2.PermuteVar8x32(inLane.AsInt32(), Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7)).AsSByte();
                ordered.StoreUnsafe(ref destination);
                break;
            }

            default:
            {
                // 16QAM, 64QAM, 1024QAM: 16-bit pairs (both axes of one bit of one symbol) written one by one.
                for (int j = 0; j < m; j++)
                {
                    Vector128<short> s16 = Vector128.Narrow(bits[j].GetLower(), bits[j].GetUpper());
                    ulong pairs = Vector128.Narrow(s16, s16).AsUInt64().ToScalar();
                    for (int s = 0; s < 4; s++)
                    {
                        Unsafe.WriteUnaligned(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref destination, (2 * m * s) + (2 * j))), (ushort)(pairs >> (16 * s)));
                    }
                }

                break;
            }
        }
    }

    private static Vector256<float>[]?[] BuildVectors(bool slopes)
    {
        var all = new Vector256<float>[]?[Enum.GetValues<ModulationScheme>().Length];
        foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
        {
            if (scheme.BitsPerSymbol() < 2)
            {
                continue;
            }

            // Positive half of the table (intervals 2^(m−1) .. 2^m − 1), in blocks of 8, padded with the last entry.
            QamAxisTable table = SoftDemapping.Table(scheme);
            int half = table.IntervalCount / 2;
            int blocks = (half + 7) / 8;
            var vectors = new Vector256<float>[table.BitsPerAxis * blocks];
            var lanes = new float[8];
            for (int j = 0; j < table.BitsPerAxis; j++)
            {
                float[] source = slopes ? table.Slopes[j] : table.Intercepts[j];
                for (int b = 0; b < blocks; b++)
                {
                    for (int lane = 0; lane < 8; lane++)
                    {
                        lanes[lane] = source[half + Math.Min((8 * b) + lane, half - 1)];
                    }

                    vectors[(j * blocks) + b] = Vector256.Create(lanes);
                }
            }

            all[(int)scheme] = vectors;
        }

        return all;
    }
}
