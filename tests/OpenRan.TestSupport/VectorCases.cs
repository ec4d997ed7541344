using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Conformance;

namespace OpenRan.TestSupport;

/// <summary>Locates reference data for tests through the one shared <see cref="VectorRoot"/> resolution.</summary>
public static class VectorCases
{
    private static readonly Lazy<VectorRoot?> s_root = new(() =>
    {
        try
        {
            return VectorRoot.Resolve();
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    });

    /// <summary>The resolved vector root, or null when no reference data is reachable.</summary>
    public static VectorRoot? Root => s_root.Value;

    /// <summary>Files matching <paramref name="pattern"/> in <paramref name="relativeFolder"/>, sorted; empty when the folder is absent.</summary>
    public static IReadOnlyList<string> Files(string relativeFolder, string pattern)
    {
        string? folder = Root?.FindFolder(relativeFolder);
        return folder is null ? [] : Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The path of <paramref name="relativePath"/> under the vector root, or null when absent.</summary>
    public static string? File(string relativePath) => Root?.FindFile(relativePath);

    /// <summary>A message for skipping a test whose data is absent.</summary>
    public static string MissingMessage(string relativePath) =>
        $"reference data '{relativePath}' not found under {(Root?.ToString() ?? "any vector root")}; set {VectorRoot.EnvironmentVariable} or place ../shared/testvectors beside the repository.";

    /// <summary>Returns the file path or skips the current test with <see cref="MissingMessage"/>.</summary>
    public static string RequireFile(string relativePath)
    {
        string? path = File(relativePath);
        if (path is null)
        {
            Xunit.Assert.Skip(MissingMessage(relativePath));
        }

        return path;
    }

    /// <summary>Returns the matching files of a folder, or skips the current test when there are none.</summary>
    public static IReadOnlyList<string> RequireFiles(string relativeFolder, string pattern)
    {
        IReadOnlyList<string> files = Files(relativeFolder, pattern);
        if (files.Count == 0)
        {
            Xunit.Assert.Skip(MissingMessage($"{relativeFolder}/{pattern}"));
        }

        return files;
    }

    /// <summary>Returns the folder path or skips the current test with <see cref="MissingMessage"/>.</summary>
    public static string RequireFolder(string relativeFolder)
    {
        string? path = Root?.FindFolder(relativeFolder);
        if (path is null)
        {
            Xunit.Assert.Skip(MissingMessage(relativeFolder));
        }

        return path;
    }
}
