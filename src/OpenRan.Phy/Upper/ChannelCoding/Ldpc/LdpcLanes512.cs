using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary><see cref="ILdpcLanes{TVector}"/> on 512-bit vectors (AVX-512BW): 64 checks per vector.</summary>
internal readonly struct LdpcLanes512 : ILdpcLanes<Vector512<sbyte>>
{
    /// <summary>Whether this machine runs these lanes: AVX-512F/BW/VL (hardware-accelerated Vector512).</summary>
    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512BW.IsSupported && Avx512F.VL.IsSupported;

    /// <inheritdoc />
    public static int Count => Vector512<sbyte>.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Create(sbyte value) => Vector512.Create(value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Load(ref sbyte source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<sbyte> value, ref sbyte destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Abs(Vector512<sbyte> value) => Avx512BW.Abs(value).AsSByte();

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Equal(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Equals(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> GreaterThan(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.GreaterThan(left, right);

    /// <inheritdoc />
    /// <remarks>A zero-masking select, so the comparison stays in a mask register (no vpmovm2b + vpand).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> ClearWhere(Vector512<sbyte> mask, Vector512<sbyte> value) => Vector512.ConditionalSelect(mask, Vector512<sbyte>.Zero, value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Select(Vector512<sbyte> mask, Vector512<sbyte> whenTrue, Vector512<sbyte> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Min(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Min(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Max(Vector512<sbyte> left, Vector512<sbyte> right) => Vector512.Max(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Xor(Vector512<sbyte> left, Vector512<sbyte> right) => left ^ right;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> AddSaturate(Vector512<sbyte> left, Vector512<sbyte> right) => Avx512BW.AddSaturate(left, right);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> SubtractSaturate(Vector512<sbyte> left, Vector512<sbyte> right) => Avx512BW.SubtractSaturate(left, right);

    /// <inheritdoc />
    /// <remarks>AVX-512 has no vpsignb: a sign mask (vpmovb2m) selects the negated magnitude.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> CopySign(Vector512<sbyte> magnitude, Vector512<sbyte> sign) =>
        Vector512.ConditionalSelect(Vector512.IsNegative(sign), -magnitude, magnitude);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<sbyte> Correct(Vector512<sbyte> magnitude, int scalingSixteenths, int offset)
    {
        Vector512<byte> m = magnitude.AsByte();
        if (scalingSixteenths != 16)
        {
            // Widen to 16 bits, multiply by α·16 (≤ 127·16 fits), shift right by 4, narrow back (values ≤ 127).
            (Vector512<ushort> low, Vector512<ushort> high) = Vector512.Widen(m);
            Vector512<ushort> factor = Vector512.Create((ushort)scalingSixteenths);
            m = Vector512.Narrow(Vector512.ShiftRightLogical(low * factor, 4), Vector512.ShiftRightLogical(high * factor, 4));
        }

        return Avx512BW.SubtractSaturate(m, Vector512.Create((byte)offset)).AsSByte();
    }
}
