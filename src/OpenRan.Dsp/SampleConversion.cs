using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>Conversions between <see cref="ComplexF32"/> and the integer sample formats radios use.</summary>
public static class SampleConversion
{
    /// <summary>The largest value of a 16-bit sample part.</summary>
    public const float I16Max = short.MaxValue;

    /// <summary>The smallest value of a 16-bit sample part.</summary>
    public const float I16Min = short.MinValue;

    /// <summary>
    /// Converts floats to SC16: computes destination[i] = saturate(round(source[i] · <paramref name="fullScale"/>)) for
    /// both parts, rounding to nearest with ties to even and saturating to [−32768, 32767].
    /// </summary>
    /// <param name="source">Samples to convert.</param>
    /// <param name="destination">Receives the converted samples; same length as <paramref name="source"/>. Must not overlap it.</param>
    /// <param name="fullScale">The integer value that a float amplitude of 1.0 maps to, for example 32767 or 2047 (12-bit DACs).</param>
    public static void ToComplexI16(ReadOnlySpan<ComplexF32> source, Span<ComplexI16> destination, float fullScale)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        if (!(fullScale > 0f) || !float.IsFinite(fullScale))
        {
            ThrowHelper.ThrowOutOfRange(nameof(fullScale), fullScale, "a finite value > 0");
        }

        ReadOnlySpan<float> input = ComplexF32.AsFloats(source);
        Span<short> output = MemoryMarshal.Cast<ComplexI16, short>(destination);
        int done = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            done = ToInt16Vector256(input, output, fullScale);
        }

        for (int i = done; i < input.Length; i++)
        {
            output[i] = SaturateToInt16(input[i] * fullScale);
        }
    }

    /// <summary>
    /// Converts SC16 to floats: computes destination[i] = source[i] / <paramref name="fullScale"/> for both parts.
    /// </summary>
    /// <param name="source">Samples to convert.</param>
    /// <param name="destination">Receives the converted samples; same length as <paramref name="source"/>.</param>
    /// <param name="fullScale">The integer value that maps to a float amplitude of 1.0.</param>
    public static void ToComplexF32(ReadOnlySpan<ComplexI16> source, Span<ComplexF32> destination, float fullScale)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        if (!(fullScale > 0f) || !float.IsFinite(fullScale))
        {
            ThrowHelper.ThrowOutOfRange(nameof(fullScale), fullScale, "a finite value > 0");
        }

        ReadOnlySpan<short> input = MemoryMarshal.Cast<ComplexI16, short>(source);
        Span<float> output = ComplexF32.AsFloats(destination);
        float scale = 1f / fullScale;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref short inRef = ref MemoryMarshal.GetReference(input);
            ref float outRef = ref MemoryMarshal.GetReference(output);
            Vector256<float> vScale = Vector256.Create(scale);
            for (; i <= input.Length - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                // 16 shorts widen to two vectors of 8 ints, each converted to 8 floats and scaled.
                (Vector256<int> lo, Vector256<int> hi) = Vector256.Widen(Vector256.LoadUnsafe(ref inRef, (nuint)i));
                (Vector256.ConvertToSingle(lo) * vScale).StoreUnsafe(ref outRef, (nuint)i);
                (Vector256.ConvertToSingle(hi) * vScale).StoreUnsafe(ref outRef, (nuint)(i + Vector256<int>.Count));
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = input[i] * scale;
        }
    }

    /// <summary>Rounds to nearest (ties to even) and saturates to the 16-bit range.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static short SaturateToInt16(float value)
    {
        float r = MathF.Round(value);
        if (r >= I16Max)
        {
            return short.MaxValue;
        }

        if (r <= I16Min)
        {
            return short.MinValue;
        }

        return float.IsNaN(r) ? (short)0 : (short)r;
    }

    private static int ToInt16Vector256(ReadOnlySpan<float> input, Span<short> output, float fullScale)
    {
        ref float inRef = ref MemoryMarshal.GetReference(input);
        ref short outRef = ref MemoryMarshal.GetReference(output);
        Vector256<float> vScale = Vector256.Create(fullScale);
        Vector256<float> vMax = Vector256.Create(I16Max);
        Vector256<float> vMin = Vector256.Create(I16Min);
        int i = 0;
        for (; i <= input.Length - (2 * Vector256<float>.Count); i += 2 * Vector256<float>.Count)
        {
            // Scale and round to nearest even, replace NaN by 0 (as the scalar path does), clamp in the float domain so
            // the int narrowing below cannot wrap, convert exactly to int32 and narrow two vectors of 8 ints into one
            // vector of 16 shorts (Narrow keeps element order: a's eight values, then b's).
            Vector256<float> a = Vector256.Round(Vector256.LoadUnsafe(ref inRef, (nuint)i) * vScale);
            Vector256<float> b = Vector256.Round(Vector256.LoadUnsafe(ref inRef, (nuint)(i + Vector256<float>.Count)) * vScale);
            a = Vector256.Min(Vector256.Max(Vector256.ConditionalSelect(Vector256.Equals(a, a), a, Vector256<float>.Zero), vMin), vMax);
            b = Vector256.Min(Vector256.Max(Vector256.ConditionalSelect(Vector256.Equals(b, b), b, Vector256<float>.Zero), vMin), vMax);
            Vector256.Narrow(Vector256.ConvertToInt32(a), Vector256.ConvertToInt32(b)).StoreUnsafe(ref outRef, (nuint)i);
        }

        return i;
    }
}
