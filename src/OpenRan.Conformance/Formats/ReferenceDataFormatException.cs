using System.IO;

namespace OpenRan.Conformance.Formats;

/// <summary>
/// A reference-data file is malformed, truncated or of an unsupported kind. The message names the file and what is wrong.
/// </summary>
public sealed class ReferenceDataFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a description of the problem.</summary>
    public ReferenceDataFormatException(string filePath, string problem, System.Exception? inner = null)
        : base($"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
