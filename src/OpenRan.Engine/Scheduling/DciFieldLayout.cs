using System;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The bit positions of a non-fallback DCI (formats 0_1 and 1_1, TS 38.212 §7.3.1.1.2, §7.3.1.2.2) from its field list, so
/// a payload is packed field by field without allocating. Absent fields have width 0 and are skipped.
/// </summary>
public sealed class DciFieldLayout
{
    private readonly Dictionary<string, (int Offset, int Bits)> _fields = new(StringComparer.Ordinal);

    /// <summary>Lays out <paramref name="fields"/> (transmission order), padding with zeros to <paramref name="minimumSize"/> bits.</summary>
    public DciFieldLayout(IReadOnlyList<(string Field, int Bits)> fields, int minimumSize = 0)
    {
        ArgumentNullException.ThrowIfNull(fields);
        int offset = 0;
        foreach ((string name, int bits) in fields)
        {
            _fields[name] = (offset, bits);
            offset += bits;
        }

        Size = Math.Max(offset, minimumSize);
    }

    /// <summary>The payload size A.</summary>
    public int Size { get; }

    /// <summary>The offset and width of field <paramref name="name"/>.</summary>
    public (int Offset, int Bits) this[string name] => _fields[name];

    /// <summary>Writes <paramref name="value"/> MSB first into field <paramref name="field"/> of <paramref name="payload"/>.</summary>
    public static void Write(Span<byte> payload, (int Offset, int Bits) field, int value)
    {
        if (field.Bits == 0)
        {
            return;
        }

        if (value < 0 || (field.Bits < 31 && value >= 1 << field.Bits))
        {
            ThrowHelper.ThrowOutOfRange(nameof(value), value, $"0..{(1L << field.Bits) - 1} ({field.Bits} bits)");
        }

        BitPacking.WriteUInt((ulong)value, payload, field.Offset, field.Bits);
    }

    /// <summary>Reads field <paramref name="field"/> (MSB first) of an unpacked <paramref name="payload"/>.</summary>
    public static int Read(ReadOnlySpan<byte> payload, (int Offset, int Bits) field)
    {
        int value = 0;
        for (int i = 0; i < field.Bits; i++)
        {
            value = (value << 1) | (payload[field.Offset + i] & 1);
        }

        return value;
    }
}
