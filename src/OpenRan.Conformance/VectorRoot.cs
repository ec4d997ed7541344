using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace OpenRan.Conformance;

/// <summary>
/// Where reference data lives: the one place that resolves it for the tests, the CLI and the benchmarks.
/// </summary>
/// <remarks>
/// Resolution order: an explicit root (<c>--root</c>); else the <c>OPENRAN_VECTORS</c> environment variable; else the
/// repository's <c>tests/TestVectors</c> (the in-repo MIT/Apache/fact subset), backed by <c>../shared/testvectors</c>
/// beside the repository for folders the repository does not hold (for example the AGPL-licensed ones). An explicit
/// root or <c>OPENRAN_VECTORS</c> is used alone, with no fallback, so a run checks exactly the data it was pointed at.
/// </remarks>
public sealed class VectorRoot
{
    /// <summary>The environment variable that points the vector tests and <c>openran vectors check</c> at another root.</summary>
    public const string EnvironmentVariable = "OPENRAN_VECTORS";

    private VectorRoot(string primary, string? fallback, string origin)
    {
        Primary = primary;
        Fallback = fallback;
        Origin = origin;
    }

    /// <summary>The root searched first.</summary>
    public string Primary { get; }

    /// <summary>The root searched for folders missing from <see cref="Primary"/>, if any.</summary>
    public string? Fallback { get; }

    /// <summary>How the root was chosen, for reports (for example <c>OPENRAN_VECTORS</c>).</summary>
    public string Origin { get; }

    /// <summary>Uses <paramref name="root"/> alone.</summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    public static VectorRoot FromDirectory(string root, string origin = "--root")
    {
        string full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"vector root '{root}' ({origin}) does not exist.");
        }

        return new VectorRoot(full, null, origin);
    }

    /// <summary>Resolves the default root: <c>OPENRAN_VECTORS</c>, else the repository's vectors with the shared fallback.</summary>
    /// <exception cref="DirectoryNotFoundException">Nothing was found, or <c>OPENRAN_VECTORS</c> names a missing directory.</exception>
    public static VectorRoot Resolve()
    {
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return FromDirectory(env, EnvironmentVariable);
        }

        string? repo = FindRepositoryRoot();
        string? inRepo = repo is null ? null : Path.Combine(repo, "tests", "TestVectors");
        string? shared = repo is null ? null : Path.GetFullPath(Path.Combine(repo, "..", "shared", "testvectors"));
        bool hasInRepo = inRepo is not null && Directory.Exists(inRepo);
        bool hasShared = shared is not null && Directory.Exists(shared);
        if (hasInRepo)
        {
            return new VectorRoot(inRepo!, hasShared ? shared : null, "tests/TestVectors");
        }

        if (hasShared)
        {
            return new VectorRoot(shared!, null, "../shared/testvectors");
        }

        throw new DirectoryNotFoundException(
            $"no reference data found: set {EnvironmentVariable}, pass --root, or run inside the repository (tests/TestVectors).");
    }

    /// <summary>The first existing directory for <paramref name="relativeFolder"/> (for example <c>sionna/crc</c>), or null.</summary>
    public string? FindFolder(string relativeFolder)
    {
        foreach (string root in Roots)
        {
            string candidate = Path.Combine(root, relativeFolder);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The first existing file for <paramref name="relativePath"/>, or null.</summary>
    public string? FindFile(string relativePath) =>
        Roots.Select(r => Path.Combine(r, relativePath)).FirstOrDefault(File.Exists);

    /// <summary>The roots in search order.</summary>
    public IEnumerable<string> Roots => Fallback is null ? [Primary] : [Primary, Fallback];

    /// <inheritdoc />
    public override string ToString() => Fallback is null ? $"{Primary} ({Origin})" : $"{Primary} ({Origin}), falling back to {Fallback}";

    /// <summary>
    /// The repository root (the directory holding <c>OpenRan.sln</c>), searched upwards from the application directory
    /// and then from the working directory; null when neither is inside the repository.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OpenRan.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
