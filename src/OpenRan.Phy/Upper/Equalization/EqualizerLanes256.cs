using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// <see cref="IEqualizerLanes{TVector}"/> on 256-bit vectors (AVX2, FMA where present): 8 resource elements per vector.
/// </summary>
/// <remarks>
/// Lane order after <see cref="LoadComplex"/>: <c>vshufps</c> of the two loads (elements 0..3, 4..7) picks even (real)
/// or odd (imaginary) floats within each 128-bit lane, giving elements (0, 1, 4, 5 | 2, 3, 6, 7); <c>vunpcklps</c>/<c>vunpckhps</c>
/// interleave them back to (0..3), (4..7), and the permutation (0, 1, 4, 5, 2, 3, 6, 7) is its own inverse for
/// <see cref="StoreReal"/>.
/// </remarks>
internal readonly struct EqualizerLanes256 : IEqualizerLanes<Vector256<float>>
{
    /// <summary>Whether this machine runs these lanes: AVX2 (hardware-accelerated Vector256).</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Avx2.IsSupported;

    /// <inheritdoc />
    public static int Count => Vector256<float>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Create(float value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
        Fma.IsSupported ? Fma.MultiplyAdd(left, right, addend) : (left * right) + addend;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplySubtract(Vector256<float> left, Vector256<float> right, Vector256<float> minuend) =>
        Fma.IsSupported ? Fma.MultiplyAddNegated(left, right, minuend) : minuend - (left * right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Reciprocal(Vector256<float> value)
    {
        // vrcpps (relative error ≤ 1.5·2⁻¹²), then r·(2 − v·r): error squared, below float rounding.
        Vector256<float> estimate = Avx.Reciprocal(value);
        return estimate * MultiplySubtract(value, estimate, Vector256.Create(2f));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) => Avx.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GreaterThan(Vector256<float> left, Vector256<float> right) => Vector256.GreaterThan(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Select(Vector256<float> mask, Vector256<float> whenTrue, Vector256<float> whenFalse) =>
        Vector256.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadComplex(ref float interleaved, nuint element, out Vector256<float> real, out Vector256<float> imaginary)
    {
        Vector256<float> low = Vector256.LoadUnsafe(ref interleaved, 2 * element);
        Vector256<float> high = Vector256.LoadUnsafe(ref interleaved, (2 * element) + 8);
        real = Avx.Shuffle(low, high, 0b10_00_10_00);
        imaginary = Avx.Shuffle(low, high, 0b11_01_11_01);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreComplex(Vector256<float> real, Vector256<float> imaginary, ref float interleaved, nuint element)
    {
        Avx.UnpackLow(real, imaginary).StoreUnsafe(ref interleaved, 2 * element);
        Avx.UnpackHigh(real, imaginary).StoreUnsafe(ref interleaved, (2 * element) + 8);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreReal(Vector256<float> value, ref float destination, nuint element) =>
        Avx2.PermuteVar8x32(value, Vector256.Create(0, 1, 4, 5, 2, 3, 6, 7)).StoreUnsafe(ref destination, element);
}
