using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;

namespace OpenRan.Fuzz.Targets;

/// <summary>NPY content (<see cref="NpyArray.Parse"/>).</summary>
internal sealed class NpyTarget : FuzzTarget
{
    public override string Name => "npy";

    public override string Description => "NPY bytes through NpyArray.Parse";

    public override IReadOnlyList<string> Dictionary =>
        ["\\x93NUMPY", "\\x01\\x00", "\\x02\\x00", "\\x03\\x00", "'descr'", "'fortran_order'", "'shape'", "True", "False", "<f8", "<c16", "<c8", "|b1", ">i4", "<u8", "<f2",
         ",)", "()", "\\xff\\xff\\xff\\x7f", "2147483647", "1073741824"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            NpyArray array = NpyArray.Parse(input, "fuzz.npy", ReaderLimits.Fuzzing);
            _ = array.ToString();
        }
        catch (ReferenceDataFormatException)
        {
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots) => SeedFiles.Smallest(vectorRoots, 12, 16 << 10, ".npy");
}
