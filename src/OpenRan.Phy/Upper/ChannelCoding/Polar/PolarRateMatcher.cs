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
