using OpenRan.Conformance.Formats;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// The reference-data limits used while fuzzing: the defaults scaled down eightfold or more, so that what an input may
/// legitimately cost (at most 64 MiB inflated, 2^22 values, 2^16 arrays) stays far below the heap cap fuzz/run sets.
/// Memory beyond the cap is then a real finding: something allocated without being charged to a limit.
/// </summary>
internal static class ReaderLimits
{
    public static ReferenceDataLimits Fuzzing { get; } = ReferenceDataLimits.Default with
    {
        MaxDecompressedBytes = 64L << 20,
        MaxElementCount = 1L << 22,
        MaxArrayCount = 1 << 16,
    };
}
