using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// Polar rate matching (TS 38.212 §5.4.1): sub-block interleaving (§5.4.1.1), bit selection by repetition, puncturing
/// or shortening (§5.4.1.2) and, for I_BIL = 1, the triangular channel interleaver (§5.4.1.3). Stateless, allocation-free.
/// </summary>
/// <remarks>
/// The three steps are composed as one index map: f_k = e_(B(k)) with B the channel-interleaver read order (identity
/// when I_BIL = 0), e_m = y_(S(m)) with S the bit selection, and y_n = d_(J(n)) with J the sub-block interleaver.
/// </remarks>
public static class PolarRateMatcher
{
    /// <summary>Rate-matches the N-bit codeword d into f (E = f.Length bits) for the code's parameters.</summary>
    public static void Match(PolarCode code, ReadOnlySpan<byte> d, Span<byte> f)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(f.Length, code.E, nameof(f));
        ThrowHelper.ThrowIfLengthDiffers(d.Length, code.N, nameof(d));
        ReadOnlySpan<short> map = code.CodewordIndex;
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = d[map[i]];
        }
    }

    /// <summary>Rate-matches d (N = d.Length bits, a power of two 32..1024) for K input bits into f (E = f.Length bits).</summary>
    /// <param name="d">The polar codeword d_0 … d_(N−1).</param>
    /// <param name="k">K, which selects puncturing (K/E ≤ 7/16) or shortening when E &lt; N.</param>
    /// <param name="channelInterleaving">I_BIL.</param>
    /// <param name="f">Receives f_0 … f_(E−1).</param>
    public static void Match(ReadOnlySpan<byte> d, int k, bool channelInterleaving, Span<byte> f)
    {
        ValidateLengths(d.Length, k, f.Length);
        var map = new PolarRateMatchingMap(d.Length, k, f.Length, channelInterleaving);
        for (int i = 0; i < f.Length; i++)
        {
            f[i] = d[map.CodewordIndex(i)];
        }
    }

    internal static void ValidateLengths(int n, int k, int e)
    {
        if (n < 32 || n > PolarCode.MaxLength || (n & (n - 1)) != 0)
        {
            ThrowHelper.ThrowOutOfRange("N", n, "a power of two 32..1024");
        }

        ThrowHelper.ThrowIfOutside(e, 1, PolarCode.MaxRateMatchedLength, "E");
        ThrowHelper.ThrowIfOutside(k, 1, Math.Min(n, e), "K");
    }
}

/// <summary>
/// The composed rate-matching index map of TS 38.212 §5.4.1 for one (N, K, E, I_BIL), evaluated incrementally in the
/// channel-interleaver read order: <see cref="CodewordIndex"/>(i) is the index into d of the bit sent as f_i.
/// </summary>
internal struct PolarRateMatchingMap
{
    private readonly int _n;
    private readonly int _e;
    private readonly int _offset;
    private readonly bool _repetition;
    private readonly bool _channelInterleaving;
    private readonly int _t;
    private int _row;
    private int _column;

    public PolarRateMatchingMap(int n, int k, int e, bool channelInterleaving)
    {
        _n = n;
        _e = e;
        _repetition = e >= n;
        // Puncturing (K/E ≤ 7/16) drops the first N − E bits of y; shortening drops the last ones.
        _offset = !_repetition && 16 * k <= 7 * e ? n - e : 0;
        _channelInterleaving = channelInterleaving;
        // T: the smallest integer with T(T+1)/2 ≥ E (§5.4.1.3).
        int t = 0;
        while ((t * (t + 1)) / 2 < e)
        {
            t++;
        }

        _t = t;
        _row = 0;
        _column = 0;
    }

    /// <summary>The index m into e of the i-th output when called with i = 0, 1, 2, … in order.</summary>
    public int NextSelectedIndex(int i)
    {
        if (!_channelInterleaving)
        {
            return i;
        }

        // Column-wise read of the row-wise filled triangle v_(r,c), r + c ≤ T − 1, skipping the NULL cells (index ≥ E).
        while (true)
        {
            if (_row > _t - 1 - _column)
            {
                _column++;
                _row = 0;
            }

            int r = _row++;
            // Row r starts at Σ_(q<r) (T − q) = r·T − r(r−1)/2.
            int m = (r * _t) - ((r * (r - 1)) / 2) + _column;
            if (m < _e)
            {
                return m;
            }
        }
    }

    /// <summary>The index into d of the i-th output, for i = 0, 1, 2, … in order.</summary>
    /// <summary>The index into e of the output last mapped by <see cref="CodewordIndex"/>.</summary>
    public int LastSelectedIndex { get; private set; }

    public int CodewordIndex(int i)
    {
        int m = NextSelectedIndex(i);
        LastSelectedIndex = m;
        int y = _repetition ? m % _n : m + _offset;
        return SubBlockInterleaverIndex(y, _n);
    }

    /// <summary>J(n) = P(⌊32n/N⌋)·(N/32) + (n mod N/32) (§5.4.1.1).</summary>
    public static int SubBlockInterleaverIndex(int n, int length)
    {
        int blockSize = length >> 5;
        return (Ts38212Table5_4_1_1_1.SubBlockInterleaverPattern[n / blockSize] * blockSize) + (n % blockSize);
    }
}
