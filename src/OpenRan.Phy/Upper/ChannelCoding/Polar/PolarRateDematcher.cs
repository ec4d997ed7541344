using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// Polar rate recovery on soft bits, the inverse of <see cref="PolarRateMatcher"/> (TS 38.212 §5.4.1): channel
/// de-interleaving, then repeated bits are added, punctured bits get LLR 0 (no information) and shortened bits the
/// "known 0" value, then sub-block de-interleaving into the N LLRs of the codeword d. Subnormal float LLRs are flushed to 0
/// first (no information: repeated subnormal observations must not add up to a normal value that looks like a weak signal).
/// Stateless, allocation-free.
/// </summary>
public static class PolarRateDematcher
{
    /// <summary>The float LLR given to shortened (known-zero) bits: large and positive, far above any channel LLR.</summary>
    public const float KnownZeroLlr = 1e6f;

    /// <summary>Recovers N int8 LLRs (<see cref="LogLikelihoodRatio"/> convention; repetitions add with saturation, shortened = +127).</summary>
    /// <param name="f">E rate-matched LLRs.</param>
    /// <param name="k">K of the code.</param>
    /// <param name="channelInterleaving">I_BIL.</param>
    /// <param name="d">Receives the N codeword LLRs (N a power of two 32..1024).</param>
    /// <param name="combineRepetitions">When false, repeated bits (E &gt; N) keep only their first observation (MATLAB's convention).</param>
    public static void Recover(ReadOnlySpan<sbyte> f, int k, bool channelInterleaving, Span<sbyte> d, bool combineRepetitions = true) =>
        Recover<sbyte, Int8LlrArithmetic>(f, k, channelInterleaving, d, combineRepetitions);

    /// <summary>Recovers N float LLRs (repetitions add, punctured 0, shortened <see cref="KnownZeroLlr"/>).</summary>
    public static void Recover(ReadOnlySpan<float> f, int k, bool channelInterleaving, Span<float> d, bool combineRepetitions = true) =>
        Recover<float, FloatLlrArithmetic>(f, k, channelInterleaving, d, combineRepetitions);

    /// <summary>Recovers the code's N float LLRs from its E rate-matched LLRs.</summary>
    public static void Recover(PolarCode code, ReadOnlySpan<float> f, Span<float> d)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(f.Length, code.E, nameof(f));
        ThrowHelper.ThrowIfLengthDiffers(d.Length, code.N, nameof(d));
        RecoverWithMap<float, FloatLlrArithmetic>(code, f, d);
    }

    /// <summary>Recovers the code's N int8 LLRs from its E rate-matched LLRs.</summary>
    public static void Recover(PolarCode code, ReadOnlySpan<sbyte> f, Span<sbyte> d)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(f.Length, code.E, nameof(f));
        ThrowHelper.ThrowIfLengthDiffers(d.Length, code.N, nameof(d));
        RecoverWithMap<sbyte, Int8LlrArithmetic>(code, f, d);
    }

    /// <summary>Rate recovery through the code's precomputed index map (repetitions combined).</summary>
    private static void RecoverWithMap<T, TArithmetic>(PolarCode code, ReadOnlySpan<T> f, Span<T> d)
        where TArithmetic : ILlrArithmetic<T>
    {
        d.Fill(TArithmetic.Zero);
        if (code.Mode == PolarRateMatchingMode.Shortening)
        {
            ReadOnlySpan<short> j = code.SubBlockInterleaver;
            for (int y = code.E; y < code.N; y++)
            {
                d[j[y]] = TArithmetic.KnownZero;
            }
        }

        ReadOnlySpan<short> map = code.CodewordIndex;
        if (code.Mode == PolarRateMatchingMode.Repetition)
        {
            for (int i = 0; i < f.Length; i++)
            {
                ref T target = ref d[map[i]];
                target = TArithmetic.Add(target, TArithmetic.Screen(f[i]));
            }

            return;
        }

        // Without repetition every position receives at most one value.
        for (int i = 0; i < f.Length; i++)
        {
            d[map[i]] = TArithmetic.Screen(f[i]);
        }
    }

    private static void Recover<T, TArithmetic>(ReadOnlySpan<T> f, int k, bool channelInterleaving, Span<T> d, bool combineRepetitions)
        where TArithmetic : ILlrArithmetic<T>
    {
        int n = d.Length;
        int e = f.Length;
        PolarRateMatcher.ValidateLengths(n, k, e);
        bool shortening = e < n && 16 * k > 7 * e;
        d.Fill(TArithmetic.Zero);
        if (shortening)
        {
            // y_E … y_(N−1) were not sent and are known zeros: d_J(n) for n ≥ E.
            for (int y = e; y < n; y++)
            {
                d[PolarRateMatchingMap.SubBlockInterleaverIndex(y, n)] = TArithmetic.KnownZero;
            }
        }

        var map = new PolarRateMatchingMap(n, k, e, channelInterleaving);
        for (int i = 0; i < e; i++)
        {
            int index = map.CodewordIndex(i);
            if (!combineRepetitions && map.LastSelectedIndex >= n)
            {
                continue;
            }

            ref T target = ref d[index];
            target = TArithmetic.Add(target, TArithmetic.Screen(f[i]));
        }
    }
}
