using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Dsp;

/// <summary>
/// Screens complex samples or resource elements before a receiver uses them: values that cannot be a received signal (a
/// NaN or infinite part, or a part larger in magnitude than a limit) are replaced by 0, an erasure that carries no
/// information (zero LLRs), and counted; subnormal parts are flushed to 0 (not counted: they are zero for every purpose,
/// and subnormal arithmetic is slow on x86).
/// </summary>
/// <remarks>
/// A receiver that screens its input this way never meets a non-finite value: energies, noise estimates and LLRs stay
/// finite, a slot with a few corrupt REs decodes or fails its CRC, and one that is corrupt everywhere looks like silence
/// (discontinuous transmission). Vector paths: Vector256, then Vector128, then the scalar tail; they match the scalar
/// reference exactly (the test is on the float bit patterns).
/// </remarks>
public static class ComplexErasure
{
    /// <summary>
    /// The default limit on |Re| and |Im|: 1e10, more than 50 times the largest value an unscaled 4096-point DFT of
    /// full-scale 16-bit samples can produce (32768·4096·√2 ≈ 1.9e8), while products of two values (≤ 1e20) and energies
    /// summed over a whole slot stay far below the float maximum (3.4e38).
    /// </summary>
    public const float DefaultMaxMagnitude = 1e10f;

    /// <summary>The smallest positive normal float, 2^−126 ≈ 1.18e-38: smaller magnitudes are subnormal (or zero).</summary>
    public const float SmallestNormal = 1.17549435E-38f;

    /// <summary>Bit pattern of <see cref="SmallestNormal"/>: parts below it (in magnitude) are subnormal or zero.</summary>
    private const int MinNormalBits = 0x0080_0000;

    /// <summary>
    /// Computes, in place, values[i] = 0 where a part of values[i] is NaN, ±∞ or larger in magnitude than
    /// <paramref name="maxMagnitude"/>, and flushes subnormal parts to 0; returns how many values were erased.
    /// </summary>
    /// <param name="values">The samples or REs, modified in place.</param>
    /// <param name="maxMagnitude">The largest valid |Re| and |Im|, a positive normal float (for example <see cref="DefaultMaxMagnitude"/>).</param>
    /// <returns>The number of values replaced by 0 (subnormal flushes are not counted).</returns>
    public static int Erase(Span<ComplexF32> values, float maxMagnitude = DefaultMaxMagnitude) => Erase(values, values, maxMagnitude);

    /// <summary>
    /// The copying form of <see cref="Erase(Span{ComplexF32}, float)"/>: destination[i] = source[i] screened, in one pass
    /// (no separate copy); returns how many values were erased. The spans may be the same, but must not otherwise overlap.
    /// </summary>
    /// <param name="source">The samples or REs.</param>
    /// <param name="destination">Receives the screened values (the same length as <paramref name="source"/>).</param>
    /// <param name="maxMagnitude">The largest valid |Re| and |Im|, a positive normal float.</param>
    /// <returns>The number of values replaced by 0 (subnormal flushes are not counted).</returns>
    public static int Erase(ReadOnlySpan<ComplexF32> source, Span<ComplexF32> destination, float maxMagnitude = DefaultMaxMagnitude)
    {
        ValidateLimit(maxMagnitude);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, source.Length, nameof(destination));
        ReadOnlySpan<float> floats = MemoryMarshal.Cast<ComplexF32, float>(source);
        int limitBits = BitConverter.SingleToInt32Bits(maxMagnitude);
        ref float origin = ref MemoryMarshal.GetReference(floats);
        ref float target = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<ComplexF32, float>(destination));
        int i = 0;
        int erased = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<int> limit = Vector256.Create(limitBits);
            Vector256<int> minNormal = Vector256.Create(MinNormalBits);
            Vector256<int> magnitudeMask = Vector256.Create(int.MaxValue);
            for (; i <= floats.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                // Lanes are (Re, Im) pairs. On the bit patterns of |x| (sign cleared), integer order is float order and NaN
                // and ∞ (exponent all ones) lie above every finite limit: |x| > limit ⇔ bits(|x|) > bits(limit).
                Vector256<int> bits = Vector256.LoadUnsafe(ref origin, (nuint)i).AsInt32();
                Vector256<int> magnitude = bits & magnitudeMask;
                Vector256<int> invalid = Vector256.GreaterThan(magnitude, limit);

                // A value is erased when either part is invalid: OR each lane with its pair partner (swap within 64 bits).
                invalid |= Vector256.Shuffle(invalid, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6));
                Vector256<int> zeroed = invalid | Vector256.LessThan(magnitude, minNormal);
                Vector256.AndNot(bits, zeroed).AsSingle().StoreUnsafe(ref target, (nuint)i);

                // Both lanes of an erased pair are set: count the pairs by the even lanes' sign bits.
                erased += System.Numerics.BitOperations.PopCount(invalid.ExtractMostSignificantBits() & 0x55u);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            Vector128<int> limit = Vector128.Create(limitBits);
            Vector128<int> minNormal = Vector128.Create(MinNormalBits);
            Vector128<int> magnitudeMask = Vector128.Create(int.MaxValue);
            for (; i <= floats.Length - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                // As the 256-bit loop, two complex values per vector.
                Vector128<int> bits = Vector128.LoadUnsafe(ref origin, (nuint)i).AsInt32();
                Vector128<int> magnitude = bits & magnitudeMask;
                Vector128<int> invalid = Vector128.GreaterThan(magnitude, limit);
                invalid |= Vector128.Shuffle(invalid, Vector128.Create(1, 0, 3, 2));
                Vector128<int> zeroed = invalid | Vector128.LessThan(magnitude, minNormal);
                Vector128.AndNot(bits, zeroed).AsSingle().StoreUnsafe(ref target, (nuint)i);
                erased += System.Numerics.BitOperations.PopCount(invalid.ExtractMostSignificantBits() & 0x5u);
            }
        }

        Span<ComplexF32> tail = destination[(i / 2)..];
        source[(i / 2)..].CopyTo(tail);
        return erased + EraseScalar(tail, limitBits);
    }

    /// <summary>The scalar reference of <see cref="Erase(Span{ComplexF32}, float)"/> (the oracle of the vector paths).</summary>
    internal static int EraseScalar(Span<ComplexF32> values, float maxMagnitude)
    {
        ValidateLimit(maxMagnitude);
        return EraseScalar(values, BitConverter.SingleToInt32Bits(maxMagnitude));
    }

    private static int EraseScalar(Span<ComplexF32> values, int limitBits)
    {
        int erased = 0;
        for (int i = 0; i < values.Length; i++)
        {
            int re = BitConverter.SingleToInt32Bits(values[i].Re) & int.MaxValue;
            int im = BitConverter.SingleToInt32Bits(values[i].Im) & int.MaxValue;
            if (re > limitBits || im > limitBits)
            {
                values[i] = default;
                erased++;
            }
            else if (re < MinNormalBits || im < MinNormalBits)
            {
                values[i] = new ComplexF32(re < MinNormalBits ? 0f : values[i].Re, im < MinNormalBits ? 0f : values[i].Im);
            }
        }

        return erased;
    }

    private static void ValidateLimit(float maxMagnitude)
    {
        if (!(maxMagnitude >= SmallestNormal && maxMagnitude <= float.MaxValue))
        {
            ThrowHelper.ThrowOutOfRange(nameof(maxMagnitude), maxMagnitude, "1.17549435E-38..3.4028235E+38 (a positive normal float)");
        }
    }
}
