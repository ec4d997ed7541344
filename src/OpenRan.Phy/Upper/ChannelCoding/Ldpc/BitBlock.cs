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
    /// (shifted) blocks. The destination is cut into runs of up to four vectors held in registers while every block is
    /// added (each block offset is read once per run, each destination vector stored once); a last partial vector is
    /// computed at the end of the destination, overlapping the previous one with the same values. Vector256, else
    /// Vector128, and the scalar oracle below 16 bytes or without SIMD. (A Vector512 variant measured slower on Zen 4:
    /// every 64-byte load at an arbitrary circulant shift splits a cache line.)
    /// </summary>
    /// <param name="source">The blocks; every offsets[j] + destination.Length must lie within it.</param>
    /// <param name="offsets">Start of each block in <paramref name="source"/> (at least one).</param>
    /// <param name="destination">Receives the sum; it must not overlap <paramref name="source"/>.</param>
    public static void XorSum(ReadOnlySpan<byte> source, ReadOnlySpan<int> offsets, Span<byte> destination)
    {
        Debug.Assert(offsets.Length > 0);
        ref byte s = ref MemoryMarshal.GetReference(source);
        ref int o = ref MemoryMarshal.GetReference(offsets);
        ref byte d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            XorSum256(ref s, ref o, offsets.Length, ref d, n);
        }
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<byte>.Count)
        {
            XorSum128(ref s, ref o, offsets.Length, ref d, n);
        }
        else
        {
            XorSumScalar(source, offsets, destination);
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

    private static void XorSum256(ref byte s, ref int o, int blocks, ref byte d, int n)
    {
        const int V = 32;
        int i = 0;
        for (; i <= n - (4 * V); i += 4 * V)
        {
            ref byte b = ref Unsafe.Add(ref s, o + i);
            Vector256<byte> a0 = Vector256.LoadUnsafe(ref b);
            Vector256<byte> a1 = Vector256.LoadUnsafe(ref b, V);
            Vector256<byte> a2 = Vector256.LoadUnsafe(ref b, 2 * V);
            Vector256<byte> a3 = Vector256.LoadUnsafe(ref b, 3 * V);
            for (int j = 1; j < blocks; j++)
            {
                b = ref Unsafe.Add(ref s, Unsafe.Add(ref o, j) + i);
                a0 ^= Vector256.LoadUnsafe(ref b);
                a1 ^= Vector256.LoadUnsafe(ref b, V);
                a2 ^= Vector256.LoadUnsafe(ref b, 2 * V);
                a3 ^= Vector256.LoadUnsafe(ref b, 3 * V);
            }

            a0.StoreUnsafe(ref d, (nuint)i);
            a1.StoreUnsafe(ref d, (nuint)(i + V));
            a2.StoreUnsafe(ref d, (nuint)(i + (2 * V)));
            a3.StoreUnsafe(ref d, (nuint)(i + (3 * V)));
        }

        for (; i <= n - (2 * V); i += 2 * V)
        {
            ref byte b = ref Unsafe.Add(ref s, o + i);
            Vector256<byte> a0 = Vector256.LoadUnsafe(ref b);
            Vector256<byte> a1 = Vector256.LoadUnsafe(ref b, V);
            for (int j = 1; j < blocks; j++)
            {
                b = ref Unsafe.Add(ref s, Unsafe.Add(ref o, j) + i);
                a0 ^= Vector256.LoadUnsafe(ref b);
                a1 ^= Vector256.LoadUnsafe(ref b, V);
            }

            a0.StoreUnsafe(ref d, (nuint)i);
            a1.StoreUnsafe(ref d, (nuint)(i + V));
        }

        for (; i < n; i += V)
        {
            int at = Math.Min(i, n - V);
            Vector256<byte> a0 = Vector256.LoadUnsafe(ref s, (nuint)(o + at));
            for (int j = 1; j < blocks; j++)
            {
                a0 ^= Vector256.LoadUnsafe(ref s, (nuint)(Unsafe.Add(ref o, j) + at));
            }

            a0.StoreUnsafe(ref d, (nuint)at);
        }
    }

    private static void XorSum128(ref byte s, ref int o, int blocks, ref byte d, int n)
    {
        const int V = 16;
        int i = 0;
        for (; i <= n - (2 * V); i += 2 * V)
        {
            ref byte b = ref Unsafe.Add(ref s, o + i);
            Vector128<byte> a0 = Vector128.LoadUnsafe(ref b);
            Vector128<byte> a1 = Vector128.LoadUnsafe(ref b, V);
            for (int j = 1; j < blocks; j++)
            {
                b = ref Unsafe.Add(ref s, Unsafe.Add(ref o, j) + i);
                a0 ^= Vector128.LoadUnsafe(ref b);
                a1 ^= Vector128.LoadUnsafe(ref b, V);
            }

            a0.StoreUnsafe(ref d, (nuint)i);
            a1.StoreUnsafe(ref d, (nuint)(i + V));
        }

        for (; i < n; i += V)
        {
            int at = Math.Min(i, n - V);
            Vector128<byte> a0 = Vector128.LoadUnsafe(ref s, (nuint)(o + at));
            for (int j = 1; j < blocks; j++)
            {
                a0 ^= Vector128.LoadUnsafe(ref s, (nuint)(Unsafe.Add(ref o, j) + at));
            }

            a0.StoreUnsafe(ref d, (nuint)at);
        }
    }

    /// <summary>
    /// Writes <paramref name="block"/> twice into <paramref name="duplicated"/> (length ≥ 2·block.Length; the two must not
    /// overlap): each vector is loaded once and stored at i and at Z_c + i, a last partial vector overlapping the one before.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Duplicate(ReadOnlySpan<byte> block, Span<byte> duplicated)
    {
        int n = block.Length;
        Debug.Assert(duplicated.Length >= 2 * n);
        if (Vector256.IsHardwareAccelerated && n >= Vector256<byte>.Count)
        {
            ref byte s = ref MemoryMarshal.GetReference(block);
            ref byte d = ref MemoryMarshal.GetReference(duplicated);
            for (int i = 0; i < n; i += Vector256<byte>.Count)
            {
                int at = Math.Min(i, n - Vector256<byte>.Count);
                Vector256<byte> v = Vector256.LoadUnsafe(ref s, (nuint)at);
                v.StoreUnsafe(ref d, (nuint)at);
                v.StoreUnsafe(ref d, (nuint)(at + n));
            }

            return;
        }

        block.CopyTo(duplicated);
        block.CopyTo(duplicated[n..]);
    }
}
