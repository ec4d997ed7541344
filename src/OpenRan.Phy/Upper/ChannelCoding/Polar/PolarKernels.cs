using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// The element-wise kernels of LLR-domain successive-cancellation decoding on one tree node of size 2M (M = output
/// length): the check-node update f, the variable-node update g and the partial-sum combination. Partial sums are kept
/// as sign masks (0 for bit 0, 0x8000_0000 for bit 1) so that g is one XOR and one add per lane.
/// </summary>
/// <remarks>
/// Vector256 over float (8 lanes) for M ≥ 8, scalar below (near the leaves). The spans may not overlap except as noted.
/// </remarks>
internal static class PolarKernels
{
    private const uint SignBit = 0x8000_0000u;

    /// <summary>f(a, b) = sign(a)·sign(b)·min(|a|, |b|) in each lane: min(|a|, |b|) with the sign bit of a XOR b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> CheckNode(Vector256<float> a, Vector256<float> b)
    {
        Vector256<float> magnitude = Vector256.Min(Vector256.Abs(a), Vector256.Abs(b));
        return (magnitude.AsUInt32() | ((a.AsUInt32() ^ b.AsUInt32()) & Vector256.Create(SignBit))).AsSingle();
    }

    /// <summary>g(a, b, β) = b + (1 − 2β)·a in each lane, β a sign mask: flip the sign bit of a where β = 1, then add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> VariableNode(Vector256<float> a, Vector256<float> b, Vector256<uint> beta) =>
        b + (a.AsUInt32() ^ beta).AsSingle();

    /// <summary>
    /// |α| where the hard decision of α differs from the bit given by <paramref name="bitMask"/> (0 or the sign bit), else 0,
    /// in each lane: max(0, −(α with its sign flipped where the bit is 1)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> DisagreeingMagnitude(Vector256<float> alpha, Vector256<uint> bitMask) =>
        Vector256.Max(-(alpha.AsUInt32() ^ bitMask).AsSingle(), Vector256<float>.Zero);

    /// <summary>destination[i] = f(a[i], b[i]) = sign(a)·sign(b)·min(|a|, |b|), a = alpha[0..M), b = alpha[M..2M).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckNode(ReadOnlySpan<float> alpha, Span<float> destination)
    {
        int m = destination.Length;
        ref float a = ref MemoryMarshal.GetReference(alpha);
        ref float b = ref Unsafe.Add(ref a, m);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            for (; i < m; i += Vector256<float>.Count)
            {
                CheckNode(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }

            return;
        }

        for (; i < m; i++)
        {
            destination[i] = CheckNode(alpha[i], alpha[m + i]);
        }
    }

    /// <summary>destination[i] = g(a[i], b[i], β[i]) = b + (1 − 2β)·a, with β given as a sign mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void VariableNode(ReadOnlySpan<float> alpha, ReadOnlySpan<uint> betaLeft, Span<float> destination)
    {
        int m = destination.Length;
        ref float a = ref MemoryMarshal.GetReference(alpha);
        ref float b = ref Unsafe.Add(ref a, m);
        ref uint s = ref MemoryMarshal.GetReference(betaLeft);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            for (; i < m; i += Vector256<float>.Count)
            {
                VariableNode(Vector256.LoadUnsafe(ref a, (nuint)i), Vector256.LoadUnsafe(ref b, (nuint)i), Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
            }

            return;
        }

        for (; i < m; i++)
        {
            destination[i] = alpha[m + i] + BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(alpha[i]) ^ betaLeft[i]);
        }
    }

    /// <summary>destination[0..M) = left ⊕ right, destination[M..2M) = right (the partial sums of the parent node).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Combine(ReadOnlySpan<uint> left, ReadOnlySpan<uint> right, Span<uint> destination)
    {
        int m = left.Length;
        ref uint l = ref MemoryMarshal.GetReference(left);
        ref uint r = ref MemoryMarshal.GetReference(right);
        ref uint d = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<uint>.Count)
        {
            for (; i < m; i += Vector256<uint>.Count)
            {
                Vector256<uint> vr = Vector256.LoadUnsafe(ref r, (nuint)i);
                (Vector256.LoadUnsafe(ref l, (nuint)i) ^ vr).StoreUnsafe(ref d, (nuint)i);
                vr.StoreUnsafe(ref d, (nuint)(m + i));
            }

            return;
        }

        for (; i < m; i++)
        {
            destination[i] = left[i] ^ right[i];
            destination[m + i] = right[i];
        }
    }

    /// <summary>
    /// destination[i] = the exact check-node update (box-plus) ln((1 + e^(a+b)) / (e^a + e^b)) with a, b clipped to
    /// ±<paramref name="llrMax"/> (Sionna's SC rule; slower, used as a reference).
    /// </summary>
    public static void CheckNodeExact(ReadOnlySpan<float> alpha, Span<float> destination, float llrMax)
    {
        int m = destination.Length;
        for (int i = 0; i < m; i++)
        {
            destination[i] = CheckNodeExact(alpha[i], alpha[m + i], llrMax);
        }
    }

    /// <summary>Scalar exact box-plus with clipping, computed as log1p(e^(a+b)) − logsumexp(a, b).</summary>
    public static float CheckNodeExact(float a, float b, float llrMax)
    {
        double x = Math.Clamp(a, -llrMax, llrMax);
        double y = Math.Clamp(b, -llrMax, llrMax);
        double m = Math.Max(x, y);
        return (float)(Math.Log(1 + Math.Exp(x + y)) - (m + Math.Log(Math.Exp(x - m) + Math.Exp(y - m))));
    }

    /// <summary>
    /// Σ |α_i| over the α_i whose hard decision differs from the bit given by <paramref name="bitMask"/> (0 or the sign
    /// bit): α_i &lt; 0 when the bit is 0, α_i &gt; 0 when it is 1.
    /// </summary>
    public static float DisagreementSum(ReadOnlySpan<float> alpha, uint bitMask)
    {
        int m = alpha.Length;
        ref float a = ref MemoryMarshal.GetReference(alpha);
        int i = 0;
        float sum = 0;
        if (Vector256.IsHardwareAccelerated && m >= Vector256<float>.Count)
        {
            Vector256<uint> flip = Vector256.Create(bitMask);
            Vector256<float> acc = Vector256<float>.Zero;
            for (; i <= m - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                acc += DisagreeingMagnitude(Vector256.LoadUnsafe(ref a, (nuint)i), flip);
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < m; i++)
        {
            float x = bitMask != 0 ? -alpha[i] : alpha[i];
            sum += MathF.Max(-x, 0f);
        }

        return sum;
    }

    /// <summary>Scalar f(a, b) = sign(a)·sign(b)·min(|a|, |b|).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CheckNode(float a, float b)
    {
        float magnitude = MathF.Min(MathF.Abs(a), MathF.Abs(b));
        uint sign = (BitConverter.SingleToUInt32Bits(a) ^ BitConverter.SingleToUInt32Bits(b)) & SignBit;
        return BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(magnitude) | sign);
    }

    /// <summary>Packs sign masks (0 or 0x8000_0000) into bits: bit i % 64 of word i / 64 is 1 where x_i has the sign bit.</summary>
    public static void PackSigns(ReadOnlySpan<uint> x, Span<ulong> words)
    {
        int n = x.Length;
        words[..((n + 63) >> 6)].Clear();
        ref uint r = ref MemoryMarshal.GetReference(x);
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<uint>.Count; i += Vector256<uint>.Count)
            {
                words[i >> 6] |= (ulong)Vector256.LoadUnsafe(ref r, (nuint)i).ExtractMostSignificantBits() << (i & 63);
            }
        }

        for (; i < n; i++)
        {
            words[i >> 6] |= (ulong)(x[i] >> 31) << (i & 63);
        }
    }

    /// <summary>
    /// The polar transform x·G_N (G_N = F^⊗n, an involution) in place on <paramref name="n"/> bits packed as by
    /// <see cref="PackSigns"/>: x_i ^= x_(i+h) for every i with bit h of i clear, h = 1, 2, 4, …, N/2 (word-parallel).
    /// </summary>
    public static void TransformPacked(Span<ulong> words, int n)
    {
        ReadOnlySpan<ulong> lowHalf = [0x5555_5555_5555_5555, 0x3333_3333_3333_3333, 0x0F0F_0F0F_0F0F_0F0F, 0x00FF_00FF_00FF_00FF, 0x0000_FFFF_0000_FFFF, 0x0000_0000_FFFF_FFFF];
        int count = (n + 63) >> 6;
        for (int w = 0; w < count; w++)
        {
            ulong word = words[w];
            for (int step = 0; step < lowHalf.Length && (1 << step) < n; step++)
            {
                word ^= (word >> (1 << step)) & lowHalf[step];
            }

            words[w] = word;
        }

        for (int h = 1; h < count; h <<= 1)
        {
            for (int w = 0; w < count; w++)
            {
                if ((w & h) == 0)
                {
                    words[w] ^= words[w + h];
                }
            }
        }
    }

    /// <summary>
    /// The rank of <paramref name="metrics"/>[<paramref name="candidate"/>] in a stable ascending sort: the number of metrics
    /// smaller than it plus the number of equal ones at lower indices. The list step keeps candidate i when its rank is below
    /// the list size (the same choice as sorting the candidates and keeping the first L). Vector256 compares eight at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StableRank(ReadOnlySpan<float> metrics, int candidate)
    {
        float key = metrics[candidate];
        int n = metrics.Length;
        int rank = 0;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float m = ref MemoryMarshal.GetReference(metrics);
            Vector256<float> k = Vector256.Create(key);
            Vector256<int> index = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
            Vector256<int> limit = Vector256.Create(candidate);
            for (; j <= n - Vector256<float>.Count; j += Vector256<float>.Count)
            {
                Vector256<float> other = Vector256.LoadUnsafe(ref m, (nuint)j);
                Vector256<float> ahead = Vector256.LessThan(other, k) | (Vector256.Equals(other, k) & Vector256.LessThan(index, limit).AsSingle());
                rank += BitOperations.PopCount(ahead.ExtractMostSignificantBits());
                index += Vector256.Create(Vector256<float>.Count);
            }
        }

        for (; j < n; j++)
        {
            rank += metrics[j] < key || (metrics[j] == key && j < candidate) ? 1 : 0;
        }

        return rank;
    }
}
