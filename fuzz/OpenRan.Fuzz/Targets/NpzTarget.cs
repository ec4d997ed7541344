using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;

namespace OpenRan.Fuzz.Targets;

/// <summary>NPZ (zip of NPY members) content (<see cref="NpzArchive.Parse"/>).</summary>
internal sealed class NpzTarget : FuzzTarget
{
    public override string Name => "npz";

    public override string Description => "NPZ (zip) bytes through NpzArchive.Parse; every member is then read";

    public override IReadOnlyList<string> Dictionary =>
        ["PK\\x03\\x04", "PK\\x01\\x02", "PK\\x05\\x06", "PK\\x06\\x06", ".npy", "\\x93NUMPY", "\\x08\\x00", "\\xff\\xff\\xff\\xff", "\\xff\\xff\\xff\\x7f"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            NpzArchive npz = NpzArchive.Parse(input.ToArray(), "fuzz.npz", ReaderLimits.Fuzzing);
            foreach (string name in npz.Names)
            {
                _ = npz[name].Count;
            }
        }
        catch (ReferenceDataFormatException)
        {
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots) => SeedFiles.Smallest(vectorRoots, 8, 32 << 10, ".npz");
}
