using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary><see cref="ILdpcLanes{TVector}"/> on 256-bit vectors (AVX2): 32 checks per vector.</summary>
internal readonly struct LdpcLanes256 : ILdpcLanes<Vector256<sbyte>>
{
    /// <summary>Whether this machine runs these lanes (AVX2).</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public static int Count => Vector256<sbyte>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Create(sbyte value) => Vector256.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Load(ref sbyte source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<sbyte> value, ref sbyte destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Abs(Vector256<sbyte> value) => Avx2.Abs(value).AsSByte();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Equal(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.CompareEqual(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> GreaterThan(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.CompareGreaterThan(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> ClearWhere(Vector256<sbyte> mask, Vector256<sbyte> value) => Avx2.AndNot(mask, value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Select(Vector256<sbyte> mask, Vector256<sbyte> whenTrue, Vector256<sbyte> whenFalse) => Avx2.BlendVariable(whenFalse, whenTrue, mask);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Min(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.Min(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Max(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Xor(Vector256<sbyte> left, Vector256<sbyte> right) => left ^ right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> AddSaturate(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.AddSaturate(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> SubtractSaturate(Vector256<sbyte> left, Vector256<sbyte> right) => Avx2.SubtractSaturate(left, right);

    /// <inheritdoc />
    /// <remarks>vpsignb negates where its selector is negative and zeroes where it is 0; "| 1" keeps the selector non-zero.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> CopySign(Vector256<sbyte> magnitude, Vector256<sbyte> sign) => Avx2.Sign(magnitude, sign | Vector256.Create((sbyte)1));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<sbyte> Correct(Vector256<sbyte> magnitude, int scalingSixteenths, int offset)
    {
        Vector256<byte> m = magnitude.AsByte();
        if (scalingSixteenths != 16)
        {
            // Widen to 16 bits, multiply by α·16 (≤ 127·16 fits), shift right by 4, narrow back (values ≤ 127).
            (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(m);
            Vector256<ushort> factor = Vector256.Create((ushort)scalingSixteenths);
            m = Vector256.Narrow(Vector256.ShiftRightLogical(low * factor, 4), Vector256.ShiftRightLogical(high * factor, 4));
        }

        return Avx2.SubtractSaturate(m, Vector256.Create((byte)offset)).AsSByte();
    }
}
