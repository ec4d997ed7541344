using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// Every MAT-file (<c>.mat</c>, <c>.mat1</c>), NPY and NPZ file under the vector root loads with the project's readers,
/// and every numeric array holds as many values as its shape says.
/// </summary>
public sealed class ReferenceFilesCheck : IConformanceCheck
{
    private static readonly string[] s_extensions = [".mat", ".mat1", ".npy", ".npz"];

    /// <inheritdoc />
    public string Category => "formats";

    /// <inheritdoc />
    public string Description => "MAT-file v5, NPY and NPZ files load (readers of OpenRan.Conformance)";

    /// <inheritdoc />
    public string RelativeFolder => ".";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) =>
        ConformanceRunner.FilesIn(folder, "*", SearchOption.AllDirectories)
            .Where(f => s_extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase));

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string ext = Path.GetExtension(caseId).ToLowerInvariant();
        int arrays = 0;
        switch (ext)
        {
            case ".npy":
                CheckShape(NpyArray.Load(caseId));
                arrays = 1;
                break;
            case ".npz":
                NpzArchive npz = NpzArchive.Load(caseId);
                foreach (string name in npz.Names)
                {
                    CheckShape(npz[name]);
                    arrays++;
                }

                break;
            default:
                MatFile mat = MatFile.Load(caseId);
                if (mat.Variables.Count == 0)
                {
                    return CaseResult.Fail("MAT-file holds no variables");
                }

                arrays = mat.Variables.Count;
                break;
        }

        return CaseResult.Pass($"{arrays} arrays");
    }

    private static void CheckShape(NumericData array)
    {
        long product = array.Shape.Aggregate(1L, (p, d) => p * d);
        if (product != array.Count)
        {
            throw new InvalidDataException($"{array.Source}: shape product {product} differs from {array.Count} values.");
        }
    }
}
