using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Conformance;

namespace OpenRan.Fuzz.Tests;

/// <summary>
/// Every input saved in fuzz/regressions (one per finding) runs through its target on every test run. An input listed
/// in fuzz/known-failures.txt is a known failure in code another change owns: its test passes only while the input still
/// fails with the listed exception, and fails once the input runs cleanly, asking for the line to be removed so that the
/// input guards the fix from then on. Known failures are never skipped.
/// </summary>
public class RegressionInputTests
{
    private static readonly string s_root = Path.Combine(AppContext.BaseDirectory, "regressions");

    public static TheoryData<string, string, string> Inputs()
    {
        var data = new TheoryData<string, string, string>();
        IReadOnlyDictionary<string, KnownFailure> known = KnownFailure.Load();
        if (!Directory.Exists(s_root))
        {
            return data;
        }

        foreach (string file in Directory.EnumerateFiles(s_root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string target = Path.GetFileName(Path.GetDirectoryName(file)!);
            string name = Path.GetFileName(file);
            string key = $"{target}/{name}";
            data.Add(target, name, known.TryGetValue(key, out KnownFailure? failure) ? $"KNOWN FAILURE ({failure.Owner})" : "must run cleanly");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Input_RunsCleanlyUnlessAKnownFailure(string target, string name, string expectation)
    {
        FuzzTarget fuzzTarget = FuzzTargets.Get(target);
        fuzzTarget.GuardKnownFailures = false;
        fuzzTarget.Prepare();
        FuzzOutcome outcome = FuzzOutcome.Of(fuzzTarget, File.ReadAllBytes(Path.Combine(s_root, target, name)));
        string key = $"{target}/{name}";
        if (KnownFailure.Load().TryGetValue(key, out KnownFailure? known))
        {
            Assert.True(outcome.Exception is not null,
                $"{key} ({expectation}) now runs cleanly: remove its line from fuzz/known-failures.txt so that it guards the fix.");
            Assert.True(outcome.Exception.GetType().FullName == known.ExceptionType,
                $"{key} ({expectation}) fails differently than listed ({known.ExceptionType}): {outcome.Exception}");
            return;
        }

        Assert.True(outcome.Exception is null, $"{key}: {outcome.Exception}");
    }

    [Fact]
    public void KnownFailures_NameSavedInputsAndAnOwner()
    {
        foreach ((string key, KnownFailure failure) in KnownFailure.Load())
        {
            Assert.True(File.Exists(Path.Combine(s_root, key)), $"fuzz/known-failures.txt lists {key}, which is not in fuzz/regressions.");
            Assert.False(string.IsNullOrWhiteSpace(failure.Owner), $"{key} names no owner.");
            Assert.StartsWith("System.", failure.ExceptionType, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> TargetNames() => [.. FuzzTargets.All().Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Seeds_RunCleanly(string target)
    {
        FuzzTarget fuzzTarget = FuzzTargets.Get(target);
        fuzzTarget.Prepare();
        VectorRoot? root = null;
        try
        {
            root = VectorRoot.Resolve();
        }
        catch (DirectoryNotFoundException)
        {
        }

        string[] roots = root is null ? [] : root.Fallback is null ? [root.Primary] : [root.Primary, root.Fallback];
        List<FuzzSeed> seeds = [.. fuzzTarget.Seeds(roots)];
        Assert.NotEmpty(seeds);
        foreach (FuzzSeed seed in seeds)
        {
            FuzzOutcome outcome = FuzzOutcome.Of(fuzzTarget, seed.Bytes);
            Assert.True(outcome.Exception is null, $"{target} seed {seed.Name}: {outcome.Exception}");
        }
    }

    /// <summary>A line of fuzz/known-failures.txt: <c>TARGET/NAME  EXCEPTION-TYPE  OWNER: note</c>.</summary>
    private sealed record KnownFailure(string ExceptionType, string Owner)
    {
        public static IReadOnlyDictionary<string, KnownFailure> Load()
        {
            var result = new Dictionary<string, KnownFailure>(StringComparer.Ordinal);
            string path = Path.Combine(AppContext.BaseDirectory, "known-failures.txt");
            if (!File.Exists(path))
            {
                return result;
            }

            foreach (string line in File.ReadLines(path))
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                {
                    continue;
                }

                string[] parts = trimmed.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
                result[parts[0]] = new KnownFailure(parts.Length > 1 ? parts[1] : string.Empty, parts.Length > 2 ? parts[2] : string.Empty);
            }

            return result;
        }
    }
}
