using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// Maps bits to complex symbols (TS 38.211 §5.1), unit average power for every scheme.
/// </summary>
/// <remarks>
/// Square QAM separates into two Gray-coded PAM axes: the even-indexed bits b(0), b(2), … of a symbol select the real
/// part and the odd-indexed bits b(1), b(3), … the imaginary part, each through the nested form of §5.1.4-§5.1.7, e.g.
/// 64QAM: d = [(1−2b0)(4 − (1−2b2)(2 − (1−2b4))) + j(1−2b1)(4 − (1−2b3)(2 − (1−2b5)))] / √42.
/// A per-scheme table of the 2^(Q_m/2) axis levels is computed once from that formula; mapping is then two table
/// look-ups per symbol. Stateless and thread-safe.
/// </remarks>
public static class ModulationMapper
{
    private static readonly float[][] s_axisLevels = [BuildAxis(1), BuildAxis(2), BuildAxis(3), BuildAxis(4), BuildAxis(5)];

    /// <summary>
    /// Maps bits to symbols: symbols[i] is built from bits[i·Q_m .. (i+1)·Q_m).
    /// </summary>
    /// <param name="bits">Unpacked bits (one per byte, 0 or 1); length must be a multiple of Q_m.</param>
    /// <param name="scheme">The modulation scheme.</param>
    /// <param name="symbols">Receives bits.Length / Q_m symbols.</param>
    /// <param name="symbolIndexOffset">For π/2-BPSK only: the index i of the first symbol (its phase is e^(jπ/2·(i mod 2))).</param>
    public static void Map(ReadOnlySpan<byte> bits, ModulationScheme scheme, Span<ComplexF32> symbols, int symbolIndexOffset = 0)
    {
        int qm = scheme.BitsPerSymbol();
        if (bits.Length % qm != 0)
        {
            ThrowHelper.ThrowArgument(nameof(bits), $"bits.Length = {bits.Length} is not a multiple of Q_m = {qm} for {scheme}.");
        }

        int count = bits.Length / qm;
        ThrowHelper.ThrowIfLengthDiffers(symbols.Length, count, nameof(symbols));
        const float invSqrt2 = 0.70710678118654752f;
        switch (scheme)
        {
            case ModulationScheme.Bpsk:
                for (int i = 0; i < count; i++)
                {
                    float a = (bits[i] & 1) != 0 ? -invSqrt2 : invSqrt2;
                    symbols[i] = new ComplexF32(a, a);
                }

                break;
            case ModulationScheme.Pi2Bpsk:
                for (int i = 0; i < count; i++)
                {
                    // e^(jπ/2) · (a + ja) = (−a + ja) on odd symbol indices.
                    float a = (bits[i] & 1) != 0 ? -invSqrt2 : invSqrt2;
                    symbols[i] = ((i + symbolIndexOffset) & 1) == 0 ? new ComplexF32(a, a) : new ComplexF32(-a, a);
                }

                break;
            default:
                float[] levels = s_axisLevels[(qm / 2) - 1];
                int done = qm == 8 && Avx2.IsSupported ? Map256QamAvx2(bits, levels, symbols) : 0;
                ref byte b = ref MemoryMarshal.GetReference(bits);
                for (int i = done; i < count; i++)
                {
                    // Even bits b(0), b(2), … index the real axis, odd bits the imaginary axis, MSB first.
                    int re = 0, im = 0;
                    int first = i * qm;
                    for (int j = 0; j < qm; j += 2)
                    {
                        re = (re << 1) | (Unsafe.Add(ref b, first + j) & 1);
                        im = (im << 1) | (Unsafe.Add(ref b, first + j + 1) & 1);
                    }

                    symbols[i] = new ComplexF32(levels[re], levels[im]);
                }

                break;
        }
    }

    /// <summary>
    /// 256QAM, four symbols (32 bits) per step: vpshufb regroups each symbol's bits as b0 b2 b4 b6 b1 b3 b5 b7,
    /// vpmaddubsw with weights 8 4 2 1 and vpmaddwd with ones form the axis indices (re0, im0, re1, im1, …) as int32,
    /// and two vpermps over the 16-level table give the interleaved (re, im) floats. Returns the symbols done.
    /// </summary>
    private static int Map256QamAvx2(ReadOnlySpan<byte> bits, float[] levels, Span<ComplexF32> symbols)
    {
        ref byte source = ref MemoryMarshal.GetReference(bits);
        ref float destination = ref MemoryMarshal.GetReference(ComplexF32.AsFloats(symbols));
        Vector256<float> low = Vector256.Create(levels.AsSpan(0, 8));
        Vector256<float> high = Vector256.Create(levels.AsSpan(8, 8));
        Vector256<byte> regroup = Vector256.Create((byte)0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15, 0, 2, 4, 6, 1, 3, 5, 7, 8, 10, 12, 14, 9, 11, 13, 15);
        Vector256<sbyte> weights = Vector256.Create((sbyte)8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1, 8, 4, 2, 1);
        Vector256<short> ones = Vector256.Create((short)1);
        Vector256<int> eight = Vector256.Create(8);
        int count = symbols.Length & ~3;
        for (int i = 0; i < count; i += 4)
        {
            Vector256<byte> b = Vector256.LoadUnsafe(ref source, (nuint)(8 * i)) & Vector256.Create((byte)1);
            Vector256<short> pairs = Avx2.MultiplyAddAdjacent(Avx2.Shuffle(b, regroup), weights);
            Vector256<int> index = Avx2.MultiplyAddAdjacent(pairs, ones);
            Vector256<float> value = Vector256.ConditionalSelect(
                Vector256.GreaterThanOrEqual(index, eight).AsSingle(),
                Avx2.PermuteVar8x32(high, index),
                Avx2.PermuteVar8x32(low, index));
            value.StoreUnsafe(ref destination, (nuint)(2 * i));
        }

        return count;
    }

    /// <summary>
    /// The PAM levels of one axis for <paramref name="bitsPerAxis"/> bits, indexed by the axis bits read MSB first
    /// (b0 b2 b4 … for the real axis), normalised so the square constellation has unit average power.
    /// </summary>
    internal static float[] BuildAxis(int bitsPerAxis)
    {
        int m = 1 << bitsPerAxis;
        // Average power of the square QAM with axis levels ±1, ±3, …, ±(m−1): 2·(m² − 1)/3.
        double norm = Math.Sqrt(2.0 * ((m * m) - 1) / 3.0);
        var levels = new float[m];
        for (int index = 0; index < m; index++)
        {
            // Nested TS 38.211 form, innermost bit last: v = (1−2b_last); then v = (1−2b)(2^k − v) outward.
            int lastBit = index & 1;
            double v = 1 - (2 * lastBit);
            for (int k = 1; k < bitsPerAxis; k++)
            {
                int bit = (index >> k) & 1;
                v = (1 - (2 * bit)) * ((1 << k) - v);
            }

            levels[index] = (float)(v / norm);
        }

        return levels;
    }
}
