using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Radio.Streaming;

/// <summary>Copies between the two stream element types, converting where they differ.</summary>
public static class SampleConvert
{
    /// <summary>
    /// The int16 value a float amplitude of 1.0 maps to in every radio conversion (SC16 full scale, as UHD and SoapySDR use).
    /// </summary>
    public const float I16FullScale = 32767f;

    /// <summary>Whether <typeparamref name="T"/> is a stream element type (<see cref="ComplexF32"/> or <see cref="ComplexI16"/>).</summary>
    public static bool IsSampleType<T>() => typeof(T) == typeof(ComplexF32) || typeof(T) == typeof(ComplexI16);

    /// <summary>The <see cref="SampleFormat"/> of <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a stream element type.</exception>
    public static SampleFormat FormatOf<T>() => typeof(T) == typeof(ComplexF32) ? SampleFormat.ComplexF32
        : typeof(T) == typeof(ComplexI16) ? SampleFormat.ComplexI16
        : throw new NotSupportedException($"{typeof(T).Name} is not a radio sample type; use ComplexF32 or ComplexI16.");

    /// <summary>
    /// Computes destination[i] = source[i], converting float ↔ int16 with full scale <see cref="I16FullScale"/>
    /// (round to nearest even, saturating) when the types differ. The spans must have equal length and must not overlap.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy<TIn, TOut>(ReadOnlySpan<TIn> source, Span<TOut> destination)
        where TIn : unmanaged
        where TOut : unmanaged
    {
        // The typeof comparisons are JIT-time constants for value types: each instantiation keeps one branch.
        if (typeof(TIn) == typeof(TOut))
        {
            MemoryMarshal.Cast<TIn, TOut>(source).CopyTo(destination);
        }
        else if (typeof(TIn) == typeof(ComplexF32) && typeof(TOut) == typeof(ComplexI16))
        {
            SampleConversion.ToComplexI16(MemoryMarshal.Cast<TIn, ComplexF32>(source), MemoryMarshal.Cast<TOut, ComplexI16>(destination), I16FullScale);
        }
        else if (typeof(TIn) == typeof(ComplexI16) && typeof(TOut) == typeof(ComplexF32))
        {
            SampleConversion.ToComplexF32(MemoryMarshal.Cast<TIn, ComplexI16>(source), MemoryMarshal.Cast<TOut, ComplexF32>(destination), I16FullScale);
        }
        else
        {
            ThrowUnsupported(typeof(TIn), typeof(TOut));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnsupported(Type from, Type to) =>
        throw new NotSupportedException($"no radio sample conversion from {from.Name} to {to.Name}; use ComplexF32 or ComplexI16.");
}
