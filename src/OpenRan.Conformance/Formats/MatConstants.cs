namespace OpenRan.Conformance.Formats;

/// <summary>The MAT-file Level 5 data types (<c>mi*</c>) and array classes (<c>mx*</c>).</summary>
internal static class MatConstants
{
    public const int MiInt8 = 1;
    public const int MiUInt8 = 2;
    public const int MiInt16 = 3;
    public const int MiUInt16 = 4;
    public const int MiInt32 = 5;
    public const int MiUInt32 = 6;
    public const int MiSingle = 7;
    public const int MiDouble = 9;
    public const int MiInt64 = 12;
    public const int MiUInt64 = 13;
    public const int MiMatrix = 14;
    public const int MiCompressed = 15;
    public const int MiUtf8 = 16;
    public const int MiUtf16 = 17;
    public const int MiUtf32 = 18;

    /// <summary>Size in bytes of one value of a numeric data type, or 0 when the type is not numeric.</summary>
    public static int ElementSize(int dataType) => dataType switch
    {
        MiInt8 or MiUInt8 or MiUtf8 => 1,
        MiInt16 or MiUInt16 or MiUtf16 => 2,
        MiInt32 or MiUInt32 or MiSingle or MiUtf32 => 4,
        MiDouble or MiInt64 or MiUInt64 => 8,
        _ => 0,
    };
}
