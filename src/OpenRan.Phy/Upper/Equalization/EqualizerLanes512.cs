using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// <see cref="IEqualizerLanes{TVector}"/> on 512-bit vectors (AVX-512F): 16 resource elements per vector.
/// </summary>
/// <remarks>
/// Lane order after <see cref="LoadComplex"/>: <c>vshufps</c> of the two loads (elements 0..7, 8..15) gives, in 128-bit
/// lane L, elements (2L, 2L + 1, 8 + 2L, 9 + 2L); <c>vunpcklps</c>/<c>vunpckhps</c> interleave them back to (0..7),
/// (8..15), and <see cref="StoreReal"/> gathers element e from lane position 4⌊e/2⌋ + e mod 2 (e &lt; 8) or
/// 4⌊(e − 8)/2⌋ + 2 + e mod 2.
/// </remarks>
internal readonly struct EqualizerLanes512 : IEqualizerLanes<Vector512<float>>
{
    /// <summary>Whether this machine runs these lanes: AVX-512F/BW/VL (hardware-accelerated Vector512).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported && Avx512F.VL.IsSupported;

    /// <inheritdoc />
    public static int Count => Vector512<float>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Create(float value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> left, Vector512<float> right, Vector512<float> addend) =>
        Avx512F.FusedMultiplyAdd(left, right, addend);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplySubtract(Vector512<float> left, Vector512<float> right, Vector512<float> minuend) =>
        Avx512F.FusedMultiplyAddNegated(left, right, minuend);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Reciprocal(Vector512<float> value)
    {
        // vrcp14ps (relative error ≤ 2⁻¹⁴), then r·(2 − v·r): error squared, below float rounding.
        Vector512<float> estimate = Avx512F.Reciprocal14(value);
        return estimate * Avx512F.FusedMultiplyAddNegated(value, estimate, Vector512.Create(2f));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) => Avx512F.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GreaterThan(Vector512<float> left, Vector512<float> right) => Vector512.GreaterThan(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Select(Vector512<float> mask, Vector512<float> whenTrue, Vector512<float> whenFalse) =>
        Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadComplex(ref float interleaved, nuint element, out Vector512<float> real, out Vector512<float> imaginary)
    {
        Vector512<float> low = Vector512.LoadUnsafe(ref interleaved, 2 * element);
        Vector512<float> high = Vector512.LoadUnsafe(ref interleaved, (2 * element) + 16);
        real = Avx512F.Shuffle(low, high, 0b10_00_10_00);
        imaginary = Avx512F.Shuffle(low, high, 0b11_01_11_01);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreComplex(Vector512<float> real, Vector512<float> imaginary, ref float interleaved, nuint element)
    {
        Avx512F.UnpackLow(real, imaginary).StoreUnsafe(ref interleaved, 2 * element);
        Avx512F.UnpackHigh(real, imaginary).StoreUnsafe(ref interleaved, (2 * element) + 16);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreReal(Vector512<float> value, ref float destination, nuint element) =>
        Avx512F.PermuteVar16x32(value, Vector512.Create(0, 1, 4, 5, 8, 9, 12, 13, 2, 3, 6, 7, 10, 11, 14, 15)).StoreUnsafe(ref destination, element);
}
