using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenRan.Fuzz;

/// <summary>Picks small reference files as seeds: the smallest of each extension, deterministic for a given vector root.</summary>
internal static class SeedFiles
{
    /// <summary>
    /// Up to <paramref name="count"/> of the smallest files under <paramref name="vectorRoots"/> ending in one of
    /// <paramref name="extensions"/>, at most <paramref name="maxBytes"/> each (a file name present in several roots counts once).
    /// </summary>
    public static IEnumerable<FuzzSeed> Smallest(IReadOnlyList<string> vectorRoots, int count, long maxBytes, params string[] extensions)
    {
        return vectorRoots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(Path.GetFileName)
            .Select(f => new FileInfo(f))
            .Where(f => f.Length <= maxBytes)
            .OrderBy(f => f.Length)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(f => new FuzzSeed(f.Name, File.ReadAllBytes(f.FullName)))
            .ToList();
    }
}
