using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.SmallBlock;

/// <summary>
/// Channel coding of small block lengths (TS 38.212 §5.3.3): K = 1 repetition code (Table 5.3.3.1-1), K = 2 simplex
/// code (Table 5.3.3.2-1), and the (32, K) Reed-Muller-based code for 3 ≤ K ≤ 11 (§5.3.3.3), with their maximum-likelihood
/// soft decoders. For K ≤ 2 the placeholders "x" and "y" of TS 38.212 §5.3.3 are written as <see cref="PlaceholderX"/>
/// and <see cref="PlaceholderY"/> (MATLAB's −1 and −2), to be resolved by the scrambler (TS 38.211 §6.3.1.1).
/// </summary>
/// <remarks>
/// Stateless; the decoders allocate nothing (codewords are built on the fly from a 32-entry column table). The decoders never
/// report a decision the input does not support: all-zero or subnormal LLRs (silence, erasure), a non-finite LLR, or a best
/// metric shared by two messages give <see cref="SmallBlockDecodeResult.Decided"/> = false. These codes carry no CRC, so
/// noise alone always yields some best message: telling it from a transmission (DTX detection) is the receiver's job, from
/// its reference signals (<c>DtxDetector</c>) or a threshold on <see cref="SmallBlockDecodeResult.NormalizedMetric"/>.
/// </remarks>
public static class SmallBlockCode
{
    /// <summary>The placeholder "x": the scrambler sets the bit to 1 (TS 38.211 §6.3.1.1).</summary>
    public const sbyte PlaceholderX = -1;

    /// <summary>The placeholder "y": the scrambler repeats the previous bit (TS 38.211 §6.3.1.1).</summary>
    public const sbyte PlaceholderY = -2;

    /// <summary>Rows of Table 5.3.3.3-1 as 11-bit masks, bit n = M_(i,n).</summary>
    private static readonly ushort[] s_rows = BuildRows();

    /// <summary>The encoded length N for K bits and modulation order Q_m (K = 1: Q_m; K = 2: 3·Q_m; else 32).</summary>
    /// <param name="k">K, 1..11.</param>
    /// <param name="qm">Q_m, 1, 2, 4, 6 or 8 (only used for K ≤ 2).</param>
    public static int EncodedLength(int k, int qm)
    {
        ThrowHelper.ThrowIfOutside(k, 1, 11);
        if (k <= 2)
        {
            ValidateQm(qm);
            return k == 1 ? qm : 3 * qm;
        }

        return Ts38212Table5_3_3_3_1.Rows;
    }

    /// <summary>Encodes K = c.Length bits (1..11) into d (<see cref="EncodedLength"/> values; placeholders as negative values).</summary>
    /// <param name="c">c_0 … c_(K−1).</param>
    /// <param name="qm">Q_m for K ≤ 2 (ignored otherwise).</param>
    /// <param name="d">Receives d_0 … d_(N−1): 0/1 or a placeholder.</param>
    public static void Encode(ReadOnlySpan<byte> c, int qm, Span<sbyte> d)
    {
        int k = c.Length;
        int n = EncodedLength(k, qm);
        ThrowHelper.ThrowIfLengthDiffers(d.Length, n, nameof(d));
        if (k == 1)
        {
            // Table 5.3.3.1-1: [c0], [c0 y], [c0 y x x], [c0 y x x x x], [c0 y x x x x x x].
            d.Fill(PlaceholderX);
            d[0] = (sbyte)(c[0] & 1);
            if (qm > 1)
            {
                d[1] = PlaceholderY;
            }

            return;
        }

        if (k == 2)
        {
            // Table 5.3.3.2-1: three groups of Q_m, each starting with two of (c0, c1, c2), c2 = c0 ⊕ c1, filled with
            // x (Q_m ≥ 4); for Q_m = 1 the groups are single bits, for Q_m = 2 pairs.
            sbyte c0 = (sbyte)(c[0] & 1), c1 = (sbyte)(c[1] & 1);
            sbyte c2 = (sbyte)(c0 ^ c1);
            ReadOnlySpan<sbyte> sequence = [c0, c1, c2, c0, c1, c2];
            if (qm == 1)
            {
                sequence[..3].CopyTo(d);
                return;
            }

            d.Fill(PlaceholderX);
            for (int group = 0; group < 3; group++)
            {
                d[group * qm] = sequence[2 * group];
                d[(group * qm) + 1] = sequence[(2 * group) + 1];
            }

            return;
        }

        int message = Pack(c);
        for (int i = 0; i < n; i++)
        {
            d[i] = (sbyte)(System.Numerics.BitOperations.PopCount((uint)(message & s_rows[i])) & 1);
        }
    }

    /// <summary>
    /// Maximum-likelihood decoding of the (32, K) code, 3 ≤ K ≤ 11: correlates the 32 soft values with all 2^K codewords
    /// (LLR convention L = ln(P(0)/P(1))) and writes the best message.
    /// </summary>
    /// <param name="llrs">32 LLRs of d_0 … d_31 (after rate recovery: repetitions combined).</param>
    /// <param name="c">Receives K bits (zeros when the input is not decided).</param>
    /// <returns>The verdict and metrics; undecided when the input carries no information or two messages share the best metric.</returns>
    public static SmallBlockDecodeResult DecodeReedMuller(ReadOnlySpan<float> llrs, Span<byte> c)
    {
        int k = c.Length;
        ThrowHelper.ThrowIfOutside(k, 3, 11, "K");
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, Ts38212Table5_3_3_3_1.Rows, nameof(llrs));
        Span<float> observed = stackalloc float[Ts38212Table5_3_3_3_1.Rows];
        if (!Screen(llrs, observed, out float total))
        {
            c.Clear();
            return default;
        }

        float best = float.NegativeInfinity, second = float.NegativeInfinity;
        int bestMessage = 0;
        for (int message = 0; message < (1 << k); message++)
        {
            // Correlation Σ (1 − 2 d_i)·L_i: the log-likelihood of the codeword up to a constant.
            float metric = 0;
            for (int i = 0; i < 32; i++)
            {
                int bit = System.Numerics.BitOperations.PopCount((uint)(message & s_rows[i])) & 1;
                metric += bit == 0 ? observed[i] : -observed[i];
            }

            if (metric > best)
            {
                second = best;
                best = metric;
                bestMessage = message;
            }
            else if (metric > second)
            {
                second = metric;
            }
        }

        Unpack(bestMessage, c);
        return new SmallBlockDecodeResult(best > second, best, best / total);
    }

    /// <summary>
    /// Maximum-likelihood decoding of K = 1 or 2 bits from the LLRs of the coded positions (placeholders excluded by the caller):
    /// for K = 1, <paramref name="llrs"/> holds the LLRs of the repeated c0; for K = 2, LLRs of the repeated (c0, c1, c2) in the
    /// order they were sent, length a multiple of 3.
    /// </summary>
    /// <returns>The verdict and metrics; undecided when the input carries no information or two messages share the best metric.</returns>
    public static SmallBlockDecodeResult DecodeRepetitionSimplex(ReadOnlySpan<float> llrs, Span<byte> c)
    {
        int k = c.Length;
        ThrowHelper.ThrowIfOutside(k, 1, 2, "K");
        if (k == 2 && llrs.Length % 3 != 0)
        {
            ThrowHelper.ThrowArgument(nameof(llrs), $"length {llrs.Length} is not a multiple of 3 (c0 c1 c2 groups).");
        }

        Span<float> combined = stackalloc float[3];
        combined.Clear();
        float total = 0;
        for (int i = 0; i < llrs.Length; i++)
        {
            float l = llrs[i];
            if (!float.IsFinite(l))
            {
                c.Clear();
                return default;
            }

            l = MathF.Abs(l) >= ComplexErasure.SmallestNormal ? l : 0f;
            combined[k == 1 ? 0 : i % 3] += l;
            total += MathF.Abs(l);
        }

        if (total == 0)
        {
            c.Clear();
            return default;
        }

        if (k == 1)
        {
            float sum = combined[0];
            c[0] = sum < 0 ? (byte)1 : (byte)0;
            return new SmallBlockDecodeResult(sum != 0, MathF.Abs(sum), MathF.Abs(sum) / total);
        }

        float best = float.NegativeInfinity, second = float.NegativeInfinity;
        for (int message = 0; message < 4; message++)
        {
            int b0 = message >> 1, b1 = message & 1, b2 = b0 ^ b1;
            float metric = (b0 == 0 ? combined[0] : -combined[0]) + (b1 == 0 ? combined[1] : -combined[1]) + (b2 == 0 ? combined[2] : -combined[2]);
            if (metric > best)
            {
                second = best;
                best = metric;
                c[0] = (byte)b0;
                c[1] = (byte)b1;
            }
            else if (metric > second)
            {
                second = metric;
            }
        }

        return new SmallBlockDecodeResult(best > second, best, best / total);
    }

    /// <summary>
    /// Rate matching for small block lengths (TS 38.212 §5.4.3): e_k = d_(k mod N), k = 0..E−1 (placeholders are repeated
    /// like coded bits).
    /// </summary>
    public static void RateMatch(ReadOnlySpan<sbyte> d, Span<sbyte> e)
    {
        if (d.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(d), "the coded block is empty.");
        }

        for (int k = 0; k < e.Length; k++)
        {
            e[k] = d[k % d.Length];
        }
    }

    /// <summary>
    /// The inverse of <see cref="RateMatch"/> on LLRs: d[n] = Σ_(k ≡ n mod N) e[k] (repeated observations combined);
    /// positions never sent get 0.
    /// </summary>
    public static void RateRecover(ReadOnlySpan<float> e, Span<float> d)
    {
        if (d.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(d), "the coded block is empty.");
        }

        d.Clear();
        for (int k = 0; k < e.Length; k++)
        {
            d[k % d.Length] += e[k];
        }
    }

    /// <summary>
    /// Copies the LLRs with subnormal values flushed to 0 and sums their magnitudes; false when one is not finite or all are 0
    /// (an input that carries no information: every message would tie).
    /// </summary>
    private static bool Screen(ReadOnlySpan<float> llrs, Span<float> observed, out float total)
    {
        total = 0;
        for (int i = 0; i < llrs.Length; i++)
        {
            float l = llrs[i];
            if (!float.IsFinite(l))
            {
                return false;
            }

            observed[i] = MathF.Abs(l) >= ComplexErasure.SmallestNormal ? l : 0f;
            total += MathF.Abs(observed[i]);
        }

        return total > 0;
    }

    private static void ValidateQm(int qm)
    {
        if (qm is not (1 or 2 or 4 or 6 or 8))
        {
            ThrowHelper.ThrowOutOfRange(nameof(qm), qm, "1, 2, 4, 6 or 8");
        }
    }

    /// <summary>Message bits as a mask, bit n = c_n (so bit n pairs with basis sequence M_(i,n)).</summary>
    private static int Pack(ReadOnlySpan<byte> c)
    {
        int m = 0;
        for (int n = 0; n < c.Length; n++)
        {
            m |= (c[n] & 1) << n;
        }

        return m;
    }

    private static void Unpack(int message, Span<byte> c)
    {
        for (int n = 0; n < c.Length; n++)
        {
            c[n] = (byte)((message >> n) & 1);
        }
    }

    private static ushort[] BuildRows()
    {
        var rows = new ushort[Ts38212Table5_3_3_3_1.Rows];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int n = 0; n < Ts38212Table5_3_3_3_1.Columns; n++)
            {
                rows[i] |= (ushort)(Ts38212Table5_3_3_3_1.Basis(i, n) << n);
            }
        }

        return rows;
    }
}
