using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;

namespace OpenRan.Fuzz.Targets;

/// <summary>MAT-file Level 5 content (<see cref="MatFile.Parse"/>), every variable then walked.</summary>
internal sealed class MatTarget : FuzzTarget
{
    public override string Name => "mat";

    public override string Description => "MAT-file Level 5 bytes through MatFile.Parse; every value is then visited";

    public override IReadOnlyList<string> Dictionary =>
        ["MATLAB 5.0 MAT-file", "MATLAB 7.3", "IM", "MI", "\\x0e\\x00\\x00\\x00", "\\x0f\\x00\\x00\\x00", "\\x06\\x00\\x00\\x00", "\\x05\\x00\\x00\\x00",
         "\\x01\\x00\\x00\\x00", "\\x09\\x00\\x00\\x00", "\\x10\\x00\\x00\\x00", "\\xff\\xff\\xff\\x7f", "\\x00\\x00\\x00\\x80", "\\x78\\x9c", "\\x78\\xda"];

    public override void Run(ReadOnlySpan<byte> input)
    {
        MatFile mat;
        try
        {
            mat = MatFile.Parse(input, "fuzz.mat", ReaderLimits.Fuzzing);
        }
        catch (ReferenceDataFormatException)
        {
            return;
        }

        foreach (IMatValue value in mat.Variables.Values)
        {
            Visit(value);
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots) => SeedFiles.Smallest(vectorRoots, 12, 16 << 10, ".mat", ".mat1");

    private static void Visit(IMatValue value)
    {
        switch (value)
        {
            case MatNumericArray numeric:
                _ = numeric.ToString();
                _ = numeric.Count > 0 ? numeric.Real[^1] : 0;
                _ = numeric.Columns;
                break;
            case MatStructArray structArray:
                for (int e = 0; e < Math.Min(structArray.Count, 64); e++)
                {
                    foreach (string field in structArray.FieldNames)
                    {
                        Visit(structArray.Field(e, field));
                    }
                }

                break;
            case MatCellArray cells:
                foreach (IMatValue cell in cells.Cells)
                {
                    Visit(cell);
                }

                break;
            case MatCharArray chars:
                _ = chars.Text.Length;
                break;
        }
    }
}
