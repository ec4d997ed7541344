using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using OpenRan.Conformance.Runner;

namespace OpenRan.Conformance.Tests.Runner;

/// <summary>
/// Issue 13 §7: the runner never reports green for work it did not do. Skips and unsupported configurations are
/// properties of the runner, so every check (present and future) reports them the same way.
/// </summary>
public sealed class ConformanceRunnerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("openran-runner").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A check over <c>folder</c> whose cases are its files; each file's text says the outcome.</summary>
    private sealed class ScriptedCheck(string category, string folder) : IConformanceCheck
    {
        public string Category => category;

        public string Description => "scripted";

        public string RelativeFolder => folder;

        public IEnumerable<string> EnumerateCases(string path) => ConformanceRunner.FilesIn(path, "*");

        public CaseResult Run(string caseId) => File.ReadAllText(caseId) switch
        {
            "pass" => CaseResult.Pass(),
            "fail" => CaseResult.Fail("x[0] = 1, expected 2"),
            "skip" => CaseResult.Skip("needs a companion file"),
            "unsupported" => throw new UnsupportedConfigurationException("offset of 10.5 subcarriers"),
            _ => throw new InvalidDataException("bad script"),
        };
    }

    private void Files(string folder, params string[] outcomes)
    {
        string dir = Path.Combine(_root, folder);
        Directory.CreateDirectory(dir);
        for (int i = 0; i < outcomes.Length; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"case{i}.txt"), outcomes[i]);
        }
    }

    private ConformanceReport Run(params IConformanceCheck[] checks) => ConformanceRunner.Run(checks, VectorRoot.FromDirectory(_root));

    [Fact]
    public void Run_CategoryWithoutData_IsSkippedWithTheReasonAndTheRunIsIncomplete()
    {
        // Found: on a fresh clone 11 of 54 categories ran nothing and the run said "OK: 1095 passed, 0 skipped".
        Files("a", "pass", "pass");
        ConformanceReport report = Run(new ScriptedCheck("present", "a"), new ScriptedCheck("absent", "b"));
        CategorySummary absent = report.Categories.Single(c => c.Category == "absent");
        Assert.Equal(CategoryStatus.Skipped, absent.Status);
        Assert.Contains("no data: folder 'b'", absent.Note, StringComparison.Ordinal);
        Assert.Equal(CategoryStatus.Passed, report.Categories.Single(c => c.Category == "present").Status);
        Assert.Equal(ConformanceStatus.Incomplete, report.Status);
        Assert.Equal(["absent"], report.Incomplete.Select(c => c.Category));
        Assert.False(report.AnyFailed);
    }

    [Fact]
    public void Run_OnlyCategoriesWithoutData_NothingRun()
    {
        // Found: --only srsran-capture-n78 --json without its data returned "passed": true.
        ConformanceReport report = Run(new ScriptedCheck("absent", "b"));
        Assert.Equal(ConformanceStatus.NothingRun, report.Status);
    }

    [Fact]
    public void Run_EmptyFolderOrAllCasesSkipped_CategorySkipped_SomeSkipped_Partial()
    {
        Files("empty");
        Files("skips", "skip", "skip");
        Files("mixed", "pass", "skip");
        ConformanceReport report = Run(new ScriptedCheck("empty", "empty"), new ScriptedCheck("skips", "skips"), new ScriptedCheck("mixed", "mixed"));
        Assert.Equal(CategoryStatus.Skipped, report.Categories[0].Status);
        Assert.Contains("no cases found", report.Categories[0].Note, StringComparison.Ordinal);
        Assert.Equal(CategoryStatus.Skipped, report.Categories[1].Status);
        Assert.Contains("2 of 2 case(s) skipped: needs a companion file", report.Categories[1].Note, StringComparison.Ordinal);
        Assert.Equal(CategoryStatus.Partial, report.Categories[2].Status);
        Assert.Equal(ConformanceStatus.Incomplete, report.Status);
    }

    [Fact]
    public void Run_UnsupportedConfiguration_IsAFailureOfItsOwnKind()
    {
        // Found: a check truncated an SSB offset of 10.5 subcarriers to 10 and reported a numeric mismatch.
        Files("a", "pass", "unsupported", "fail", "crash");
        ConformanceReport report = Run(new ScriptedCheck("a", "a"));
        CategorySummary a = report.Categories[0];
        Assert.Equal((1, 2, 1), (a.Passed, a.Failed, a.Unsupported));
        Assert.Equal(CategoryStatus.Failed, a.Status);
        Assert.Equal(ConformanceStatus.Failed, report.Status);
        CaseReport unsupported = report.Cases.Single(c => c.Result.Outcome == CaseOutcome.Unsupported);
        Assert.True(unsupported.Result.IsFailure);
        Assert.Equal("offset of 10.5 subcarriers", unsupported.Result.Detail);
    }

    [Fact]
    public void JUnit_OneTestCasePerFile_FailuresSkipsAndCategoriesWithoutData()
    {
        Files("a", "pass", "fail", "skip", "unsupported");
        ConformanceReport report = Run(new ScriptedCheck("a", "a"), new ScriptedCheck("absent", "b"));
        XDocument xml = XDocument.Parse(JUnitReport.Format(report));
        XElement[] suites = xml.Root!.Elements("testsuite").ToArray();
        Assert.Equal(["a", "absent"], suites.Select(s => (string)s.Attribute("name")!));
        XElement[] cases = suites[0].Elements("testcase").ToArray();
        Assert.Equal(["a/case0.txt", "a/case1.txt", "a/case2.txt", "a/case3.txt"], cases.Select(c => (string)c.Attribute("name")!));
        Assert.Empty(cases[0].Elements());
        Assert.Equal("mismatch", (string)cases[1].Element("failure")!.Attribute("type")!);
        Assert.Equal("x[0] = 1, expected 2", (string)cases[1].Element("failure")!.Attribute("message")!);
        Assert.NotNull(cases[2].Element("skipped"));
        Assert.Equal("unsupported-configuration", (string)cases[3].Element("failure")!.Attribute("type")!);
        Assert.Equal(("4", "2", "1"), ((string)suites[0].Attribute("tests")!, (string)suites[0].Attribute("failures")!, (string)suites[0].Attribute("skipped")!));

        XElement missing = Assert.Single(suites[1].Elements("testcase"));
        Assert.Equal("b", (string)missing.Attribute("name")!);
        Assert.Contains("no data", (string)missing.Element("skipped")!.Attribute("message")!, StringComparison.Ordinal);
        Assert.Equal(("5", "2", "2"), ((string)xml.Root.Attribute("tests")!, (string)xml.Root.Attribute("failures")!, (string)xml.Root.Attribute("skipped")!));
    }
}
