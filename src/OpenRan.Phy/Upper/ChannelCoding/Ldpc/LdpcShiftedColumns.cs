using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The state and the layer update of the vector LDPC decoders (<see cref="LdpcDecoderAvx2"/>, <see cref="LdpcDecoderAvx512"/>):
/// cyclically shifted, double-buffered columns and the layered min-sum kernel written once for every vector width
/// (<see cref="ILdpcLanes{TVector}"/>), bit-identical to <see cref="LdpcDecoderGeneric"/>.
/// </summary>
/// <remarks>
/// <para>Layout. Each column of H_BG keeps its Z_c a-posteriori LLRs in the check order of the last layer that updated it
/// (element m holds bit mod(m + s, Z_c), s that layer's shift), written twice back to back (x, x) so that any cyclic
/// shift δ is one contiguous read at offset δ. A layer with shift P reads its column at δ = mod(P − s, Z_c) and writes
/// the updated values, in its own order, into the column's other buffer (ping-pong), so reads and writes never overlap.
/// Z_c is processed in ⌈Z_c/W⌉ vectors of W lanes; lanes at or beyond Z_c are padding whose values are never used (every
/// operation is lane-wise; the parity check and hard decisions mask them out). The parity check is the shared
/// <see cref="LdpcParityCheck"/> on this layout.</para>
/// <para>Check-to-variable messages are stored uncompressed, one int8 per edge and check (316 × 384 bytes for BG1), each
/// edge's Z_c messages padded to whole vectors of the width chosen at <see cref="Initialize"/>.</para>
/// <para>Not thread-safe (one instance per decoder); scratch is sized at construction for BG1 with Z_c = 384 and vectors of
/// up to <see cref="MaxLanes"/> lanes.</para>
/// </remarks>
internal sealed class LdpcShiftedColumns
{
    /// <summary>The widest vector, in lanes (Vector512 of sbyte).</summary>
    public const int MaxLanes = 64;

    // A column buffer holds (x, x) plus padding: Z_c + ⌈Z_c/W⌉·W ≤ 2·384 bytes (384 is a multiple of every W).
    private const int Stride = 2 * LiftingSize.Max;

    private const sbyte Saturation = LdpcDecoderBase.Saturation;

    private readonly sbyte[] _columns = new sbyte[LdpcDecoderBase.MaxColumns * 2 * Stride];
    private readonly sbyte[] _messages = new sbyte[LdpcDecoderBase.MaxEdges * LiftingSize.Max];
    private readonly sbyte[] _t = new sbyte[LdpcDecoderBase.MaxRowDegree * MaxLanes];
    private readonly int[] _current = new int[LdpcDecoderBase.MaxColumns];
    private readonly int[] _order = new int[LdpcDecoderBase.MaxColumns];
    private readonly int[] _columnStart = new int[LdpcDecoderBase.MaxColumns];
    private readonly int[] _source = new int[LdpcDecoderBase.MaxRowDegree];
    private readonly int[] _destination = new int[LdpcDecoderBase.MaxRowDegree];

    /// <summary>Loads the channel LLRs (punctured columns and missing bits as 0) and clears the messages of the active rows,
    /// padded for the <paramref name="lanes"/>-lane kernel that <see cref="ProcessLayer"/> will run.</summary>
    public void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows, int lanes)
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

        _messages.AsSpan(0, code.RowStart[activeRows] * Padded(z, lanes)).Clear();
    }

    /// <summary>Runs one layer (row of H_BG) of the min-sum update (<see cref="LdpcDecoderBase"/>) with TLanes.Count checks per vector.</summary>
    public void ProcessLayer<TLanes, TVector>(LdpcCode code, int row, LdpcDecoderOptions options)
        where TLanes : struct, ILdpcLanes<TVector>
        where TVector : unmanaged
    {
        int z = code.LiftingSize;
        int count = TLanes.Count;
        int padded = Padded(z, count);
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
        ref sbyte t = ref MemoryMarshal.GetArrayDataReference(_t);
        TVector lowest = TLanes.Create((sbyte)-Saturation);
        TVector highest = TLanes.Create(Saturation);
        int scaling = options.ScalingSixteenths;
        int offset = options.Offset;

        // Descending vector order: the padding lanes of the last vector's first copy land where the first vector's
        // second copy (written last) goes, so every stored (x, x) ends up exact.
        for (int k = padded - count; k >= 0; k -= count)
        {
            TVector min1 = highest, min2 = highest, argMin = TLanes.Create(0), signs = TLanes.Create(0);
            for (int i = 0; i < degree; i++)
            {
                // t = sat(L − R) kept within ±127; a settled L = ±127 passes unchanged (R masked to 0 there).
                TVector app = TLanes.Load(ref columnBase, (nuint)(source[i] + k));
                TVector old = TLanes.Load(ref messageBase, (nuint)(((first + i) * padded) + k));
                old = TLanes.ClearWhere(TLanes.Equal(TLanes.Abs(app), highest), old);
                TVector value = TLanes.Max(TLanes.SubtractSaturate(app, old), lowest);
                TLanes.Store(value, ref t, (nuint)(i * count));

                // |t| ≤ 127 fits a signed byte. Track the two smallest magnitudes and the first edge reaching the smallest.
                TVector magnitude = TLanes.Abs(value);
                TVector isNewMin = TLanes.GreaterThan(min1, magnitude);
                argMin = TLanes.Select(isNewMin, TLanes.Create((sbyte)i), argMin);
                min2 = TLanes.Min(min2, TLanes.Max(min1, magnitude));
                min1 = TLanes.Min(min1, magnitude);

                // Bit 7 of signs is the XOR (product) of the signs of t.
                signs = TLanes.Xor(signs, value);
            }

            TVector corrected1 = TLanes.Correct(min1, scaling, offset);
            TVector corrected2 = TLanes.Correct(min2, scaling, offset);
            for (int i = 0; i < degree; i++)
            {
                TVector value = TLanes.Load(ref t, (nuint)(i * count));
                TVector magnitude = TLanes.Select(TLanes.Equal(argMin, TLanes.Create((sbyte)i)), corrected2, corrected1);

                // Sign of the product over the other edges: bit 7 of signs ^ t.
                TVector message = TLanes.CopySign(magnitude, TLanes.Xor(signs, value));
                TLanes.Store(message, ref messageBase, (nuint)(((first + i) * padded) + k));

                // L = sat(t + R) within ±127, or t itself when t = ±127 (settled: the message is masked to 0).
                TVector added = TLanes.ClearWhere(TLanes.Equal(TLanes.Abs(value), highest), message);
                TVector updated = TLanes.Max(TLanes.AddSaturate(value, added), lowest);
                TLanes.Store(updated, ref columnBase, (nuint)(destination[i] + k));
                TLanes.Store(updated, ref columnBase, (nuint)(destination[i] + z + k));
            }
        }

        for (int i = 0; i < degree; i++)
        {
            int c = columns[i];
            _current[c] ^= 1;
            _order[c] = shifts[i];
        }
    }

    /// <summary>Whether the current hard decisions satisfy every check of the active rows.</summary>
    public bool ParityCheck(LdpcCode code, int activeRows)
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

    /// <summary>Writes the hard decisions c_0 … c_(bits.Length−1).</summary>
    public void HardDecide(LdpcCode code, Span<byte> bits)
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

    /// <summary>Z_c rounded up to whole vectors of <paramref name="lanes"/> lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Padded(int z, int lanes) => (z + lanes - 1) & ~(lanes - 1);
}
