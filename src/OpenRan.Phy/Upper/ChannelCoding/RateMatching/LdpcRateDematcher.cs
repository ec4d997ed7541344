using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// LDPC rate dematching of one code block, the inverse of <see cref="LdpcRateMatcher"/>: bit de-interleaving, then soft
/// combining of every LLR into its circular-buffer position of a per-code-block soft buffer (HARQ combining across
/// transmissions and redundancy versions), saturating as <see cref="LogLikelihoodRatio.Add(sbyte, sbyte)"/>.
/// </summary>
public static class LdpcRateDematcher
{
    private const int Chunk = 256;

    /// <summary>
    /// Prepares a soft buffer for a new transport block: every position 0 (no information) and the filler positions
    /// +<see cref="LogLikelihoodRatio.Infinity"/> (known 0).
    /// </summary>
    /// <param name="buffer">The code block's circular buffer.</param>
    /// <param name="softBuffer">N_cb soft values.</param>
    public static void Reset(LdpcCircularBuffer buffer, Span<sbyte> softBuffer)
    {
        ThrowHelper.ThrowIfLengthDiffers(softBuffer.Length, buffer.Length, nameof(softBuffer));
        softBuffer.Clear();
        softBuffer[buffer.FillerStart..buffer.FillerEnd].Fill(LogLikelihoodRatio.Infinity);
    }

    /// <summary>
    /// Combines E received LLRs into the soft buffer: softBuffer[p_k] = Add(softBuffer[p_k], e_k) where e_(i·E/Q_m + j) =
    /// llrs[i + j·Q_m] and p_k is the k-th selected circular-buffer position (TS 38.212 §5.4.2.1–5.4.2.2 inverted).
    /// </summary>
    /// <param name="llrs">f_0 … f_(E−1) as LLRs (project convention, soft values within ±<see cref="LogLikelihoodRatio.Max"/>).</param>
    /// <param name="buffer">N_cb, k0 (of this transmission's redundancy version) and the filler positions.</param>
    /// <param name="modulationOrder">Q_m used by the interleaver.</param>
    /// <param name="softBuffer">The code block's N_cb soft values (from <see cref="Reset"/> or earlier transmissions).</param>
    /// <returns>The highest position + 1 written (N_cb once the selection wraps), see <see cref="LdpcCircularBuffer.FilledLength"/>.</returns>
    public static int Dematch(ReadOnlySpan<sbyte> llrs, LdpcCircularBuffer buffer, int modulationOrder, Span<sbyte> softBuffer)
    {
        LdpcRateMatcher.ValidateModulationOrder(modulationOrder, llrs.Length);
        ThrowHelper.ThrowIfLengthDiffers(softBuffer.Length, buffer.Length, nameof(softBuffer));
        int rowLength = llrs.Length / modulationOrder;
        Span<sbyte> gathered = stackalloc sbyte[Chunk];
        BitSelectionRuns runs = buffer.Runs(llrs.Length);
        while (runs.MoveNext())
        {
            Span<sbyte> destination = softBuffer.Slice(runs.Position, runs.Length);
            if (modulationOrder == 1)
            {
                LogLikelihoodRatio.Add(destination, llrs.Slice(runs.OutputIndex, runs.Length), destination);
                continue;
            }

            int k = runs.OutputIndex;
            while (!destination.IsEmpty)
            {
                // De-interleave a stretch of one interleaver row (stride-Qm gather), then combine it with vector adds.
                int i = k / rowLength;
                int j = k - (i * rowLength);
                int count = Math.Min(Math.Min(destination.Length, rowLength - j), Chunk);
                Span<sbyte> chunk = gathered[..count];
                GatherStrided(llrs, i + (j * modulationOrder), modulationOrder, chunk);

                Span<sbyte> target = destination[..count];
                LogLikelihoodRatio.Add(target, chunk, target);
                destination = destination[count..];
                k += count;
            }
        }

        return buffer.FilledLength(llrs.Length);
    }

    /// <summary>
    /// Computes destination[t] = source[start + t·stride]: one row of the bit interleaver (TS 38.212 §5.4.2.2) read back.
    /// </summary>
    /// <remarks>
    /// For strides 2, 4 and 8, 32 values at a time: load the stride·32 bytes they span and halve them log2(stride) times,
    /// each time keeping the even bytes (a truncating narrow of 16-bit lanes), which leaves every stride-th byte in order.
    /// For stride 6, 16 values at a time by byte shuffles (<see cref="GatherStride6"/>).
    /// Only blocks whose loads stay inside <paramref name="source"/> are vectorized; the rest is scalar.
    /// </remarks>
    internal static void GatherStrided(ReadOnlySpan<sbyte> source, int start, int stride, Span<sbyte> destination)
    {
        ref sbyte from = ref MemoryMarshal.GetReference(source);
        ref sbyte to = ref MemoryMarshal.GetReference(destination);
        int t = 0;
        if (Vector256.IsHardwareAccelerated && stride is 2 or 4 or 8)
        {
            int span = stride * Vector256<byte>.Count;
            for (; t <= destination.Length - Vector256<byte>.Count && start + (t * stride) + span <= source.Length; t += Vector256<byte>.Count)
            {
                nuint offset = (nuint)(start + (t * stride));
                Vector256<byte> v0 = Vector256.LoadUnsafe(ref from, offset).AsByte();
                Vector256<byte> v1 = Vector256.LoadUnsafe(ref from, offset + 32).AsByte();
                Vector256<byte> row;
                if (stride == 2)
                {
                    row = EvenBytes(v0, v1);
                }
                else
                {
                    Vector256<byte> v2 = Vector256.LoadUnsafe(ref from, offset + 64).AsByte();
                    Vector256<byte> v3 = Vector256.LoadUnsafe(ref from, offset + 96).AsByte();
                    Vector256<byte> e01 = EvenBytes(v0, v1);
                    Vector256<byte> e23 = EvenBytes(v2, v3);
                    if (stride == 4)
                    {
                        row = EvenBytes(e01, e23);
                    }
                    else
                    {
                        Vector256<byte> e45 = EvenBytes(Vector256.LoadUnsafe(ref from, offset + 128).AsByte(), Vector256.LoadUnsafe(ref from, offset + 160).AsByte());
                        Vector256<byte> e67 = EvenBytes(Vector256.LoadUnsafe(ref from, offset + 192).AsByte(), Vector256.LoadUnsafe(ref from, offset + 224).AsByte());
                        row = EvenBytes(EvenBytes(e01, e23), EvenBytes(e45, e67));
                    }
                }

                row.AsSByte().StoreUnsafe(ref to, (nuint)t);
            }
        }

        else if (Ssse3.IsSupported && stride == 6)
        {
            t = GatherStride6(source, start, destination);
        }

        for (; t < destination.Length; t++)
        {
            Unsafe.Add(ref to, t) = source[start + (t * stride)];
        }
    }

    /// <summary>
    /// The stride-6 gather (64QAM), 16 values at a time: the 96 bytes they span are six 16-byte loads, each holding two or
    /// three of the values; a byte shuffle moves them to their output places (the other places zeroed) and the six results
    /// are ORed. Returns how many values were gathered (a multiple of 16; the caller finishes the rest).
    /// </summary>
    private static int GatherStride6(ReadOnlySpan<sbyte> source, int start, Span<sbyte> destination)
    {
        const int Stride = 6;
        const int Count = 16;
        ref byte from = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(source));
        ref byte to = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(destination));

        // Load k covers bytes 16k … 16k + 15 of the span; output t is byte 6t: mask[t] = 6t − 16k there, else 0x80 (zero).
        Vector128<byte> positions = Vector128.Create((byte)0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60, 66, 72, 78, 84, 90);
        Vector128<byte> m0 = StrideMask(positions, 0);
        Vector128<byte> m1 = StrideMask(positions, 16);
        Vector128<byte> m2 = StrideMask(positions, 32);
        Vector128<byte> m3 = StrideMask(positions, 48);
        Vector128<byte> m4 = StrideMask(positions, 64);
        Vector128<byte> m5 = StrideMask(positions, 80);
        int t = 0;
        for (; t <= destination.Length - Count && start + (t * Stride) + (Stride * Count) <= source.Length; t += Count)
        {
            nuint offset = (nuint)(start + (t * Stride));
            Vector128<byte> row = Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset), m0)
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset + 16), m1)
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset + 32), m2)
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset + 48), m3)
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset + 64), m4)
                | Ssse3.Shuffle(Vector128.LoadUnsafe(ref from, offset + 80), m5);
            row.StoreUnsafe(ref to, (nuint)t);
        }

        return t;
    }

    /// <summary>The shuffle mask of the load at byte <paramref name="first"/>: positions − first where inside the load, else 0x80.</summary>
    private static Vector128<byte> StrideMask(Vector128<byte> positions, byte first)
    {
        Vector128<byte> relative = positions - Vector128.Create(first);
        return Vector128.ConditionalSelect(Vector128.LessThan(relative, Vector128.Create((byte)16)), relative, Vector128.Create((byte)0x80));
    }

    /// <summary>The even-indexed bytes of (a, b) in order: the low byte of every 16-bit lane, narrowed (vpackuswb-like).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> EvenBytes(Vector256<byte> a, Vector256<byte> b) => Vector256.Narrow(a.AsUInt16(), b.AsUInt16());
}
