namespace OpenRan.Conformance.Formats;

/// <summary>MATLAB array classes (<c>mxCLASS</c> values of the MAT-file Level 5 format).</summary>
public enum MatClass
{
    /// <summary>Cell array.</summary>
    Cell = 1,

    /// <summary>Structure array.</summary>
    Struct = 2,

    /// <summary>Object (not supported).</summary>
    Object = 3,

    /// <summary>Character array.</summary>
    Char = 4,

    /// <summary>Sparse array (not supported).</summary>
    Sparse = 5,

    /// <summary>double.</summary>
    Double = 6,

    /// <summary>single.</summary>
    Single = 7,

    /// <summary>int8.</summary>
    Int8 = 8,

    /// <summary>uint8.</summary>
    UInt8 = 9,

    /// <summary>int16.</summary>
    Int16 = 10,

    /// <summary>uint16.</summary>
    UInt16 = 11,

    /// <summary>int32.</summary>
    Int32 = 12,

    /// <summary>uint32.</summary>
    UInt32 = 13,

    /// <summary>int64.</summary>
    Int64 = 14,

    /// <summary>uint64.</summary>
    UInt64 = 15,
}
