using System.Collections.Generic;
using OpenRan.Conformance.Runner;

namespace OpenRan.Conformance.Checks;

/// <summary>A check over one folder of MATLAB PDSCH vectors (<c>py5gphy_matlab/pdsch/pdsch</c> or <c>pdsch_short</c>).</summary>
public abstract class MatlabPdschCheck : IConformanceCheck
{
    private readonly string _folder;
    private readonly string _suffix;
    private readonly string _what;

    /// <summary>Creates the check for <paramref name="folder"/>; the category is the folder name (dashed) plus <paramref name="suffix"/>.</summary>
    protected MatlabPdschCheck(string folder, string suffix, string what)
    {
        _folder = folder;
        _suffix = suffix;
        _what = what;
    }

    /// <inheritdoc />
    public string Category => $"{_folder.Replace('_', '-')}-{_suffix}";

    /// <inheritdoc />
    public string Description => $"{_what} ({_folder})";

    /// <inheritdoc />
    public string RelativeFolder => $"py5gphy_matlab/pdsch/{_folder}";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public abstract CaseResult Run(string caseId);
}
