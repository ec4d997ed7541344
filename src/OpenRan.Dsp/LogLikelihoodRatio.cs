using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>
/// The project-wide convention for soft bits: int8 log-likelihood ratios L = ln(P(b = 0) / P(b = 1)), so a positive
/// value favours bit 0 and the hard decision is b = (L &lt; 0) ? 1 : 0. Soft values saturate at ±<see cref="Max"/>;
/// ±<see cref="Infinity"/> is reserved for bits known with certainty (filler bits: +127 means "known 0").
/// </summary>
/// <remarks>Modelled on srsRAN's <c>log_likelihood_ratio</c> (LLR_MAX = 120, LLR_INFINITY = 127).</remarks>
public static class LogLikelihoodRatio
{
    /// <summary>The largest magnitude of a soft (not certain) value.</summary>
    public const sbyte Max = 120;

    /// <summary>The value marking a bit known to be 0 (its negation marks a known 1).</summary>
    public const sbyte Infinity = 127;

    /// <summary>Saturating sum of two soft values (HARQ combining): clamp(a + b, −Max, Max), unless one is ±Infinity, which wins.</summary>
    public static sbyte Add(sbyte a, sbyte b)
    {
        if (a == Infinity || a == -Infinity)
        {
            return a;
        }

        if (b == Infinity || b == -Infinity)
        {
            return b;
        }

        return (sbyte)Math.Clamp(a + b, -Max, Max);
    }

    /// <summary>
    /// Computes destination[i] = <see cref="Add(sbyte, sbyte)"/>(x[i], y[i]) for soft values; the spans may alias exactly.
    /// </summary>
    public static void Add(ReadOnlySpan<sbyte> x, ReadOnlySpan<sbyte> y, Span<sbyte> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(y.Length, x.Length, nameof(y));
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, x.Length, nameof(destination));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref sbyte xr = ref MemoryMarshal.GetReference(x);
            ref sbyte yr = ref MemoryMarshal.GetReference(y);
            ref sbyte dr = ref MemoryMarshal.GetReference(destination);
            Vector256<short> max = Vector256.Create((short)Max);
            Vector256<short> min = Vector256.Create((short)-Max);
            Vector256<short> inf = Vector256.Create((short)Infinity);
            for (; i <= x.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                // Widen to 16 bits so the sum cannot wrap, clamp to ±Max, then let ±Infinity operands override.
                (Vector256<short> xl, Vector256<short> xh) = Vector256.Widen(Vector256.LoadUnsafe(ref xr, (nuint)i));
                (Vector256<short> yl, Vector256<short> yh) = Vector256.Widen(Vector256.LoadUnsafe(ref yr, (nuint)i));
                Vector256<short> lo = Combine(xl, yl, min, max, inf);
                Vector256<short> hi = Combine(xh, yh, min, max, inf);
                Vector256.Narrow(lo, hi).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] = Add(x[i], y[i]);
        }
    }

    /// <summary>Quantizes a real LLR: round(value · scale) clamped to ±<see cref="Max"/> (NaN gives 0).</summary>
    public static sbyte Quantize(float value, float scale)
    {
        float v = MathF.Round(value * scale);
        return float.IsNaN(v) ? (sbyte)0 : (sbyte)Math.Clamp(v, -Max, Max);
    }

    /// <summary>Computes destination[i] = <see cref="Quantize(float, float)"/>(source[i], scale).</summary>
    public static void Quantize(ReadOnlySpan<float> source, float scale, Span<sbyte> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = Quantize(source[i], scale);
        }
    }

    /// <summary>The hard decision of one value: 1 when negative, else 0.</summary>
    public static byte HardDecision(sbyte llr) => (byte)((llr >> 7) & 1);

    /// <summary>Computes bits[i] = <see cref="HardDecision(sbyte)"/>(llrs[i]).</summary>
    public static void HardDecision(ReadOnlySpan<sbyte> llrs, Span<byte> bits)
    {
        ThrowHelper.ThrowIfLengthDiffers(bits.Length, llrs.Length, nameof(bits));
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref sbyte lr = ref MemoryMarshal.GetReference(llrs);
            ref byte br = ref MemoryMarshal.GetReference(bits);
            for (; i <= llrs.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                // The sign bit moved to bit 0: logical shift right by 7 of the byte pattern.
                Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref lr, (nuint)i).AsByte(), 7).StoreUnsafe(ref br, (nuint)i);
            }
        }

        for (; i < llrs.Length; i++)
        {
            bits[i] = HardDecision(llrs[i]);
        }
    }

    private static Vector256<short> Combine(Vector256<short> x, Vector256<short> y, Vector256<short> min, Vector256<short> max, Vector256<short> inf)
    {
        Vector256<short> sum = Vector256.Min(Vector256.Max(x + y, min), max);
        Vector256<short> yInfinite = Vector256.Equals(Vector256.Abs(y), inf);
        Vector256<short> xInfinite = Vector256.Equals(Vector256.Abs(x), inf);
        sum = Vector256.ConditionalSelect(yInfinite, y, sum);
        return Vector256.ConditionalSelect(xInfinite, x, sum);
    }
}
