using System;
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
                for (int i = 0; i < count; i++)
                {
                    ReadOnlySpan<byte> b = bits.Slice(i * qm, qm);
                    int re = 0, im = 0;
                    for (int j = 0; j < qm; j += 2)
                    {
                        re = (re << 1) | (b[j] & 1);
                        im = (im << 1) | (b[j + 1] & 1);
                    }

                    symbols[i] = new ComplexF32(levels[re], levels[im]);
                }

                break;
        }
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
