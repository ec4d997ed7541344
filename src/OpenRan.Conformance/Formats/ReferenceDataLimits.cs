using System;
using System.Globalization;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// The most a reference-data reader (<see cref="MatFile"/>, <see cref="NpyArray"/>, <see cref="NpzArchive"/>,
/// <see cref="Py3gppVectorFile"/>) accepts from one file. Every size a file declares is checked against the bytes that
/// exist and against these limits before anything is allocated, so a hostile or corrupt file costs at most about
/// <c>MaxFileBytes + MaxDecompressedBytes + 8 · MaxElementCount + 256 · MaxArrayCount</c> bytes of memory.
/// </summary>
/// <remarks>
/// The defaults hold every file of the reference sets this project reads with a margin of at least two: the most
/// demanding MAT-file (4.2 MB compressed) holds 29.8 million values in 46 arrays. Raise them with <c>with { … }</c>
/// for bigger data.
/// </remarks>
public sealed record ReferenceDataLimits
{
    /// <summary>The default limits (256 MiB per file, 512 MiB inflated, 2^26 values, 2^20 arrays).</summary>
    public static ReferenceDataLimits Default { get; } = new();

    /// <summary>The largest file read, in bytes (default 256 MiB).</summary>
    public long MaxFileBytes { get; init; } = 256L << 20;

    /// <summary>
    /// The most bytes inflated from one file, all MAT-file <c>miCOMPRESSED</c> elements or NPZ members together
    /// (default 512 MiB). Decompression also stops at the size each element or member declares.
    /// </summary>
    public long MaxDecompressedBytes { get; init; } = 512L << 20;

    /// <summary>
    /// The most values held from one file, all arrays together, counting the real and imaginary parts of a complex number
    /// and each character as one value (default 2^26 = 67,108,864, i.e. 512 MiB of doubles); also the largest element
    /// count (product of the dimensions) one array may declare.
    /// </summary>
    public long MaxElementCount { get; init; } = 1L << 26;

    /// <summary>The most arrays (variables, struct fields, cells) one file may hold (default 2^20 = 1,048,576).</summary>
    public int MaxArrayCount { get; init; } = 1 << 20;

    /// <summary>The most dimensions one array may have (default 64, numpy's <c>NPY_MAXDIMS</c>).</summary>
    public int MaxDimensionCount { get; init; } = 64;

    /// <summary>The longest NPY header, in bytes (default 10,000, numpy's own default <c>max_header_size</c>).</summary>
    public int MaxNpyHeaderBytes { get; init; } = 10_000;

    /// <summary>Throws when a limit is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxFileBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDecompressedBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxElementCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxArrayCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDimensionCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNpyHeaderBytes);
    }

    /// <summary>Formats a byte count for messages: <c>268435456 bytes (256 MiB)</c>.</summary>
    internal static string Bytes(long count) => count >= 1 << 20
        ? string.Create(CultureInfo.InvariantCulture, $"{count} bytes ({count / (double)(1 << 20):0.#} MiB)")
        : string.Create(CultureInfo.InvariantCulture, $"{count} bytes");
}
