namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

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
