using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The AVX2 layered min-sum LDPC decoder: 32 of the Z_c checks of a layer per Vector256&lt;sbyte&gt;, bit-identical to
/// <see cref="LdpcDecoderGeneric"/>.
/// </summary>
/// <remarks>
/// <para>Layout. Each column of H_BG keeps its Z_c a-posteriori LLRs in the check order of the last layer that updated it
/// (element m holds bit mod(m + s, Z_c), s that layer's shift), written twice back to back (x, x) so that any cyclic
/// shift δ is one contiguous read at offset δ. A layer with shift P reads its column at δ = mod(P − s, Z_c) and writes
/// the updated values, in its own order, into the column's other buffer (ping-pong), so reads and writes never overlap.
/// Z_c is processed in ⌈Z_c/32⌉ vectors; lanes at or beyond Z_c are padding whose values are never used (every operation
/// is lane-wise; the parity check and hard decisions mask them out). The parity check is the shared
/// <see cref="LdpcParityCheck"/> on this layout.</para>
/// <para>Check-to-variable messages are stored uncompressed, one int8 per edge and check (316 × 384 bytes for BG1).</para>
/// <para>Not thread-safe (one instance per worker); scratch is sized at construction for BG1 with Z_c = 384.</para>
/// </remarks>
public sealed class LdpcDecoderAvx2 : LdpcDecoderBase
{
    // A column buffer holds (x, x) plus padding: Z_c + ⌈Z_c/32⌉·32 ≤ 2·384 bytes.
    private const int Stride = 2 * LiftingSize.Max;

    private readonly sbyte[] _columns = new sbyte[MaxColumns * 2 * Stride];
    private readonly sbyte[] _messages = new sbyte[MaxEdges * LiftingSize.Max];
    private readonly int[] _current = new int[MaxColumns];
    private readonly int[] _order = new int[MaxColumns];
    private readonly int[] _columnStart = new int[MaxColumns];
    private readonly int[] _source = new int[MaxRowDegree];
    private readonly int[] _destination = new int[MaxRowDegree];
    private readonly Vector256<sbyte>[] _t = new Vector256<sbyte>[MaxRowDegree];

    /// <summary>Builds the decoder.</summary>
    /// <exception cref="PlatformNotSupportedException">AVX2 is not available.</exception>
    public LdpcDecoderAvx2(LdpcDecoderOptions options)
        : base(options)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("the AVX2 LDPC decoder needs AVX2 (DOTNET_EnableAVX2 may be 0).");
        }
    }

    /// <summary>Whether this machine (and the JIT configuration) can run the decoder.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <inheritdoc />
    public override string Name => LdpcDecoderFactory.Avx2Name;

    /// <inheritdoc />
    protected override void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows)
    {
        int z = code.LiftingSize;
        int columns = code.InformationColumnCount + activeRows;
        Span<sbyte> buffers = _columns;
        for (int c = 0; c < columns; c++)
        {
            Span<sbyte> block = buffers.Slice(c * 2 * Stride, 2 * z);
            int start = (c - 2) * z;
            int n = c < 2 ? 0 : Math.Clamp(llrs.Length - start, 0, z);
            if (n > 0)
            {
                llrs.Slice(start, n).CopyTo(block);
            }

            block[n..z].Clear();
            block[..z].CopyTo(block[z..]);
            _current[c] = 0;
            _order[c] = 0;
        }

        _messages.AsSpan(0, code.RowStart[activeRows] * Padded(z)).Clear();
    }

    /// <inheritdoc />
    protected override void ProcessLayer(LdpcCode code, int row)
    {
        int z = code.LiftingSize;
        int padded = Padded(z);
        int first = code.RowStart[row];
        int degree = code.RowStart[row + 1] - first;
        ReadOnlySpan<int> columns = code.EdgeColumn.Slice(first, degree);
        ReadOnlySpan<int> shifts = code.EdgeShift.Slice(first, degree);
        Span<int> source = _source.AsSpan(0, degree);
        Span<int> destination = _destination.AsSpan(0, degree);
        for (int i = 0; i < degree; i++)
        {
            int c = columns[i];
            int delta = shifts[i] - _order[c];
            delta += delta < 0 ? z : 0;
            source[i] = (((2 * c) + _current[c]) * Stride) + delta;
            destination[i] = ((2 * c) + 1 - _current[c]) * Stride;
        }

        ref sbyte columnBase = ref MemoryMarshal.GetArrayDataReference(_columns);
        ref sbyte messageBase = ref MemoryMarshal.GetArrayDataReference(_messages);
        Span<Vector256<sbyte>> t = _t.AsSpan(0, degree);
        Vector256<sbyte> lowest = Vector256.Create((sbyte)-Saturation);
        Vector256<sbyte> highest = Vector256.Create((sbyte)Saturation);
        Vector256<sbyte> one = Vector256.Create((sbyte)1);

        // Descending vector order: the padding lanes of the last vector's first copy land where the first vector's
        // second copy (written last) goes, so every stored (x, x) ends up exact.
        for (int k = padded - Vector256<sbyte>.Count; k >= 0; k -= Vector256<sbyte>.Count)
        {
            Vector256<sbyte> min1 = highest, min2 = highest, argMin = Vector256<sbyte>.Zero, signs = Vector256<sbyte>.Zero;
            for (int i = 0; i < degree; i++)
            {
                // t = sat(L − R) kept within ±127; a settled L = ±127 passes unchanged (R masked to 0 there).
                Vector256<sbyte> app = Vector256.LoadUnsafe(ref columnBase, (nuint)(source[i] + k));
                Vector256<sbyte> old = Vector256.LoadUnsafe(ref messageBase, (nuint)(((first + i) * padded) + k));
                old = Avx2.AndNot(Avx2.CompareEqual(Avx2.Abs(app).AsSByte(), highest), old);
                Vector256<sbyte> value = Avx2.Max(Avx2.SubtractSaturate(app, old), lowest);
                t[i] = value;

                // |t| ≤ 127 fits a signed byte. Track the two smallest magnitudes and the first edge reaching the smallest.
                Vector256<sbyte> magnitude = Avx2.Abs(value).AsSByte();
                Vector256<sbyte> isNewMin = Avx2.CompareGreaterThan(min1, magnitude);
                argMin = Avx2.BlendVariable(argMin, Vector256.Create((sbyte)i), isNewMin);
                min2 = Avx2.Min(min2, Avx2.Max(min1, magnitude));
                min1 = Avx2.Min(min1, magnitude);

                // Bit 7 of signs is the XOR (product) of the signs of t.
                signs ^= value;
            }

            Vector256<sbyte> corrected1 = Correct(min1);
            Vector256<sbyte> corrected2 = Correct(min2);
            for (int i = 0; i < degree; i++)
            {
                Vector256<sbyte> value = t[i];
                Vector256<sbyte> magnitude = Avx2.BlendVariable(corrected1, corrected2, Avx2.CompareEqual(argMin, Vector256.Create((sbyte)i)));

                // Sign of the product over the other edges: bit 7 of signs ^ t; "| 1" keeps the selector non-zero for vpsignb.
                Vector256<sbyte> message = Avx2.Sign(magnitude, (signs ^ value) | one);
                message.StoreUnsafe(ref messageBase, (nuint)(((first + i) * padded) + k));

                // L = sat(t + R) within ±127, or t itself when t = ±127 (settled: the message is masked to 0).
                Vector256<sbyte> added = Avx2.AndNot(Avx2.CompareEqual(Avx2.Abs(value).AsSByte(), highest), message);
                Vector256<sbyte> updated = Avx2.Max(Avx2.AddSaturate(value, added), lowest);
                updated.StoreUnsafe(ref columnBase, (nuint)(destination[i] + k));
                updated.StoreUnsafe(ref columnBase, (nuint)(destination[i] + z + k));
            }
        }

        for (int i = 0; i < degree; i++)
        {
            int c = columns[i];
            _current[c] ^= 1;
            _order[c] = shifts[i];
        }
    }

    /// <inheritdoc />
    protected override bool ParityCheck(LdpcCode code, int activeRows)
    {
        // Each column's current buffer, in the check order of the layer that last updated it (rotation _order[c]).
        int columns = LdpcParityCheck.ColumnCount(code, activeRows);
        Span<int> start = _columnStart.AsSpan(0, columns);
        for (int c = 0; c < columns; c++)
        {
            start[c] = ((2 * c) + _current[c]) * Stride;
        }

        return LdpcParityCheck.Holds(code, activeRows, _columns, start, _order);
    }

    /// <inheritdoc />
    protected override void HardDecide(LdpcCode code, Span<byte> bits)
    {
        int z = code.LiftingSize;
        ReadOnlySpan<sbyte> buffers = _columns;
        for (int c = 0; c * z < bits.Length; c++)
        {
            // Natural order: bit m sits at stored index mod(m − s, Z_c).
            int delta = _order[c] == 0 ? 0 : z - _order[c];
            int n = Math.Min(z, bits.Length - (c * z));
            Dsp.LogLikelihoodRatio.HardDecision(buffers.Slice((((2 * c) + _current[c]) * Stride) + delta, n), bits.Slice(c * z, n));
        }
    }

    /// <summary>Z_c rounded up to whole vectors.</summary>
    private static int Padded(int z) => (z + Vector256<sbyte>.Count - 1) & ~(Vector256<sbyte>.Count - 1);

    /// <summary>max(0, ⌊α·m⌋ − β) per lane for magnitudes 0..127 (scalar: <see cref="LdpcDecoderOptions.Correct"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<sbyte> Correct(Vector256<sbyte> magnitude)
    {
        Vector256<byte> m = magnitude.AsByte();
        int scaling = Options.ScalingSixteenths;
        if (scaling != 16)
        {
            // Widen to 16 bits, multiply by α·16 (≤ 127·16 fits), shift right by 4, narrow back (values ≤ 127).
            (Vector256<ushort> low, Vector256<ushort> high) = Vector256.Widen(m);
            Vector256<ushort> factor = Vector256.Create((ushort)scaling);
            m = Vector256.Narrow(Vector256.ShiftRightLogical(low * factor, 4), Vector256.ShiftRightLogical(high * factor, 4));
        }

        return Avx2.SubtractSaturate(m, Vector256.Create((byte)Options.Offset)).AsSByte();
    }
}
