using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// Block operations on unpacked bits (one bit per byte) for the LDPC encoder: a cyclic shift of a Z_c-bit block is a
/// contiguous read from a duplicated block (x, x), so P_i,j·x = (x, x)[P .. P + Z_c).
/// </summary>
internal static class BitBlock
{
    /// <summary>Computes destination[i] ^= source[i] for i &lt; destination.Length (Vector256, Vector128, then scalar tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void XorInto(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        Debug.Assert(source.Length >= destination.Length);
        ref byte s = ref MemoryMarshal.GetReference(source);
        ref byte d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256.LoadUnsafe(ref d, (nuint)i) ^ Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                (Vector128.LoadUnsafe(ref d, (nuint)i) ^ Vector128.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i <= n - sizeof(ulong); i += sizeof(ulong))
        {
            ref byte di = ref Unsafe.Add(ref d, i);
            Unsafe.WriteUnaligned(ref di, Unsafe.ReadUnaligned<ulong>(ref di) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref s, i)));
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) ^= Unsafe.Add(ref s, i);
        }
    }

    /// <summary>
    /// Computes destination[i] = XOR over j of source[offsets[j] + i] for i &lt; destination.Length: the sum of several
    /// (shifted) blocks, accumulated in registers (each vector of the destination is stored once).
    /// </summary>
    /// <param name="source">The blocks; every offsets[j] + destination.Length must lie within it.</param>
    /// <param name="offsets">Start of each block in <paramref name="source"/> (at least one).</param>
    /// <param name="destination">Receives the sum.</param>
    public static void XorSum(ReadOnlySpan<byte> source, ReadOnlySpan<int> offsets, Span<byte> destination)
    {
        Debug.Assert(offsets.Length > 0);
        ref byte s = ref MemoryMarshal.GetReference(source);
        ref byte d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256<byte> sum = Vector256.LoadUnsafe(ref s, (nuint)(offsets[0] + i));
                for (int j = 1; j < offsets.Length; j++)
                {
                    sum ^= Vector256.LoadUnsafe(ref s, (nuint)(offsets[j] + i));
                }

                sum.StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector128<byte> sum = Vector128.LoadUnsafe(ref s, (nuint)(offsets[0] + i));
                for (int j = 1; j < offsets.Length; j++)
                {
                    sum ^= Vector128.LoadUnsafe(ref s, (nuint)(offsets[j] + i));
                }

                sum.StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            byte sum = Unsafe.Add(ref s, offsets[0] + i);
            for (int j = 1; j < offsets.Length; j++)
            {
                sum ^= Unsafe.Add(ref s, offsets[j] + i);
            }

            Unsafe.Add(ref d, i) = sum;
        }
    }

    /// <summary>The scalar oracle of <see cref="XorSum"/>.</summary>
    internal static void XorSumScalar(ReadOnlySpan<byte> source, ReadOnlySpan<int> offsets, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            byte sum = source[offsets[0] + i];
            for (int j = 1; j < offsets.Length; j++)
            {
                sum ^= source[offsets[j] + i];
            }

            destination[i] = sum;
        }
    }

    /// <summary>Writes <paramref name="block"/> twice into <paramref name="duplicated"/> (length ≥ 2·block.Length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Duplicate(ReadOnlySpan<byte> block, Span<byte> duplicated)
    {
        block.CopyTo(duplicated);
        block.CopyTo(duplicated[block.Length..]);
    }
}
