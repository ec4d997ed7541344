using System;

namespace OpenRan.Conformance.Formats;

/// <summary>One data element: its <c>mi*</c> type and its bytes (without tag and padding).</summary>
internal readonly ref struct MatElement
{
    public MatElement(int type, ReadOnlySpan<byte> data)
    {
        Type = type;
        Data = data;
    }

    public int Type { get; }

    public ReadOnlySpan<byte> Data { get; }
}
