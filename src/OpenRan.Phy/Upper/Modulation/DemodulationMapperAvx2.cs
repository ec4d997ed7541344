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

    // Per scheme (indexed by ModulationScheme), per axis bit j: the slope and intercept tables as vectors of 8 entries
    // (interval t sits in vector t/8, lane t%8; tables shorter than 8 are padded with their last entry).
    private static readonly Vector256<float>[]?[][] s_slopes = BuildVectors(slopes: true);
    private static readonly Vector256<float>[]?[][] s_intercepts = BuildVectors(slopes: false);

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
        int qm = scheme.BitsPerSymbol();
        ThrowHelper.ThrowIfLengthDiffers(noiseVariances.Length, symbols.Length, nameof(noiseVariances));
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, symbols.Length * qm, nameof(llrs));
        int done = qm >= 2 ? DemodulateQam(symbols, noiseVariances, scheme, llrs) : 0;
        DemodulationMapperGeneric.DemodulateScalar(symbols[done..], noiseVariances[done..], scheme, llrs[(done * qm)..], symbolIndexOffset + done, LlrScale);
    }

    /// <summary>Vector part for QAM; returns the number of symbols processed (a multiple of 4).</summary>
    private int DemodulateQam(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs)
    {
        QamAxisTable table = SoftDemapping.Table(scheme);
        Vector256<float>[]?[] slopes = s_slopes[(int)scheme];
        Vector256<float>[]?[] intercepts = s_intercepts[(int)scheme];
        int m = table.BitsPerAxis;
        int qm = 2 * m;
        int count = symbols.Length & ~3;
        ref float x = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        ref float nv = ref MemoryMarshal.GetReference(noiseVariances);
        ref sbyte dst = ref MemoryMarshal.GetReference(llrs);
        Vector256<float> halfScale = Vector256.Create(table.HalfScale);
        Vector256<float> center = Vector256.Create((float)(table.IntervalCount / 2));
        Vector256<float> lastInterval = Vector256.Create((float)(table.IntervalCount - 1));
        Vector256<float> scale = Vector256.Create(LlrScale);
        Vector256<float> max = Vector256.Create((float)LogLikelihoodRatio.Max);
        Vector256<float> min = Vector256.Create((float)-LogLikelihoodRatio.Max);
        Span<Vector256<int>> bits = stackalloc Vector256<int>[5];
        for (int i = 0; i < count; i += 4)
        {
            // Lanes: (re0, im0, re1, im1, re2, im2, re3, im3) of symbols i..i+3.
            Vector256<float> values = Vector256.LoadUnsafe(ref x, (nuint)(2 * i));

            // Per-symbol factor scale/σ² duplicated onto both lanes of its symbol; non-positive, NaN or infinite σ²
            // (erasures) give 0, as SoftDemapping.InverseNoise does in the scalar code.
            Vector128<float> sigma2 = Vector128.LoadUnsafe(ref nv, (nuint)i);
            Vector128<float> valid = Vector128.GreaterThan(sigma2, Vector128<float>.Zero) & Vector128.LessThan(sigma2, Vector128.Create(float.PositiveInfinity));
            Vector128<float> inverse = Vector128.ConditionalSelect(valid, Vector128<float>.One / sigma2, Vector128<float>.Zero);
            Vector256<float> factor = Vector256.Create(Sse.UnpackLow(inverse, inverse), Sse.UnpackHigh(inverse, inverse)) * scale;

            // Interval index t = clamp(⌊x·norm/2⌋ + 2^(m−1), 0, 2^m − 1), as float then int (exact, small integers).
            Vector256<float> t = Vector256.Min(Vector256.Max(Vector256.Floor(values * halfScale) + center, Vector256<float>.Zero), lastInterval);
            Vector256<int> index = Vector256.ConvertToInt32(t);
            for (int j = 0; j < m; j++)
            {
                // σ²-free LLR = slope[t]·x + intercept[t], then ·scale/σ², rounded half to even and clamped to ±120.
                Vector256<float> llr = ((Lookup(slopes[j]!, index) * values) + Lookup(intercepts[j]!, index)) * factor;
                llr = Vector256.Min(Vector256.Max(Vector256.Round(llr), min), max);
                bits[j] = Vector256.ConvertToInt32(llr);
            }

            Store(bits, m, ref Unsafe.Add(ref dst, i * qm));
        }

        return count;
    }

    /// <summary>table[index] per lane for a table of up to 32 entries held as 8-entry vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Lookup(Vector256<float>[] table, Vector256<int> index)
    {
        // vpermps uses the low 3 bits of each index; higher bits select the 8-entry block.
        Vector256<float> result = Avx2.PermuteVar8x32(table[0], index);
        for (int block = 1; block < table.Length; block++)
        {
            Vector256<float> candidate = Avx2.PermuteVar8x32(table[block], index);
            Vector256<float> inBlock = Vector256.GreaterThanOrEqual(index, Vector256.Create(8 * block)).AsSingle();
            result = Vector256.ConditionalSelect(inBlock, candidate, result);
        }

        return result;
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

    private static Vector256<float>[]?[][] BuildVectors(bool slopes)
    {
        var all = new Vector256<float>[]?[Enum.GetValues<ModulationScheme>().Length][];
        foreach (ModulationScheme scheme in Enum.GetValues<ModulationScheme>())
        {
            int qm = scheme.BitsPerSymbol();
            if (qm < 2)
            {
                all[(int)scheme] = [];
                continue;
            }

            QamAxisTable table = SoftDemapping.Table(scheme);
            var perBit = new Vector256<float>[]?[table.BitsPerAxis];
            for (int j = 0; j < table.BitsPerAxis; j++)
            {
                float[] source = slopes ? table.Slopes[j] : table.Intercepts[j];
                int blocks = (source.Length + 7) / 8;
                var vectors = new Vector256<float>[blocks];
                var lanes = new float[8];
                for (int b = 0; b < blocks; b++)
                {
                    for (int lane = 0; lane < 8; lane++)
                    {
                        lanes[lane] = source[Math.Min((8 * b) + lane, source.Length - 1)];
                    }

                    vectors[b] = Vector256.Create(lanes);
                }

                perBit[j] = vectors;
            }

            all[(int)scheme] = perBit;
        }

        return all;
    }
}
