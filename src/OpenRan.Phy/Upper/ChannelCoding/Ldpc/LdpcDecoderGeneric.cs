using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The scalar layered min-sum LDPC decoder: plain loops over the Z_c checks of every layer, a-posteriori LLRs kept in
/// natural order. It is the reference (oracle) for the vectorized implementations, which must match it bit for bit.
/// </summary>
/// <remarks>Scratch is sized at construction for BG1 with Z_c = 384; not thread-safe (one instance per worker).</remarks>
public sealed class LdpcDecoderGeneric : LdpcDecoderBase
{
    private readonly sbyte[] _app = new sbyte[MaxColumns * LiftingSize.Max];
    private readonly sbyte[] _messages = new sbyte[MaxEdges * LiftingSize.Max];
    private readonly sbyte[] _t = new sbyte[MaxRowDegree * LiftingSize.Max];
    private readonly int[] _min1 = new int[LiftingSize.Max];
    private readonly int[] _min2 = new int[LiftingSize.Max];
    private readonly int[] _argMin = new int[LiftingSize.Max];
    private readonly int[] _signs = new int[LiftingSize.Max];

    /// <summary>Builds the decoder.</summary>
    public LdpcDecoderGeneric(LdpcDecoderOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    public override string Name => LdpcDecoderFactory.Generic;

    /// <inheritdoc />
    protected override void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows)
    {
        int z = code.LiftingSize;
        int columns = code.InformationColumnCount + activeRows;
        Span<sbyte> app = _app.AsSpan(0, columns * z);
        app.Clear();
        int n = Math.Min(llrs.Length, app.Length - (2 * z));
        llrs[..n].CopyTo(app[(2 * z)..]);
        _messages.AsSpan(0, code.RowStart[activeRows] * z).Clear();
    }

    /// <inheritdoc />
    protected override void ProcessLayer(LdpcCode code, int row)
    {
        int z = code.LiftingSize;
        int first = code.RowStart[row];
        int degree = code.RowStart[row + 1] - first;
        Span<sbyte> app = _app;
        Span<int> min1 = _min1.AsSpan(0, z);
        Span<int> min2 = _min2.AsSpan(0, z);
        Span<int> argMin = _argMin.AsSpan(0, z);
        Span<int> signs = _signs.AsSpan(0, z);
        min1.Fill(Saturation);
        min2.Fill(Saturation);
        argMin.Clear();
        signs.Clear();

        // Pass 1, edge by edge: t = clamp(L − R, ±127) (t = L when L = ±127, a settled bit) for the Z_c checks (check m sees bit mod(m + P, Z_c) of the
        // column, TS 38.212 §5.3.2); track the two smallest |t|, the first edge reaching the smallest and the sign product.
        for (int i = 0; i < degree; i++)
        {
            Span<sbyte> column = app.Slice(code.EdgeColumn[first + i] * z, z);
            Span<sbyte> messages = _messages.AsSpan((first + i) * z, z);
            Span<sbyte> t = _t.AsSpan(i * z, z);
            int shift = code.EdgeShift[first + i];
            for (int m = 0; m < z; m++)
            {
                int lane = m + shift;
                lane -= lane >= z ? z : 0;
                int current = column[lane];
                int value = Math.Abs(current) == Saturation ? current : Math.Clamp(current - messages[m], -Saturation, Saturation);
                t[m] = (sbyte)value;
                int magnitude = Math.Abs(value);
                if (magnitude < min1[m])
                {
                    min2[m] = min1[m];
                    min1[m] = magnitude;
                    argMin[m] = i;
                }
                else if (magnitude < min2[m])
                {
                    min2[m] = magnitude;
                }

                signs[m] ^= value;
            }
        }

        for (int m = 0; m < z; m++)
        {
            min1[m] = Options.Correct(min1[m]);
            min2[m] = Options.Correct(min2[m]);
        }

        // Pass 2: R = (sign product of the other edges) · (corrected smallest magnitude of the other edges);
        // L = clamp(t + R), or L = t when t = ±127.
        for (int i = 0; i < degree; i++)
        {
            Span<sbyte> column = app.Slice(code.EdgeColumn[first + i] * z, z);
            Span<sbyte> messages = _messages.AsSpan((first + i) * z, z);
            ReadOnlySpan<sbyte> t = _t.AsSpan(i * z, z);
            int shift = code.EdgeShift[first + i];
            for (int m = 0; m < z; m++)
            {
                int lane = m + shift;
                lane -= lane >= z ? z : 0;
                int magnitude = argMin[m] == i ? min2[m] : min1[m];
                int message = (signs[m] ^ t[m]) < 0 ? -magnitude : magnitude;
                messages[m] = (sbyte)message;
                column[lane] = Math.Abs((int)t[m]) == Saturation ? t[m] : (sbyte)Math.Clamp(t[m] + message, -Saturation, Saturation);
            }
        }
    }

    /// <inheritdoc />
    protected override bool ParityCheck(LdpcCode code, int activeRows) => LdpcParityCheck.Holds(code, activeRows, _app);

    /// <inheritdoc />
    protected override void HardDecide(LdpcCode code, Span<byte> bits)
    {
        ReadOnlySpan<sbyte> app = _app;
        for (int k = 0; k < bits.Length; k++)
        {
            bits[k] = app[k] < 0 ? (byte)1 : (byte)0;
        }
    }
}
