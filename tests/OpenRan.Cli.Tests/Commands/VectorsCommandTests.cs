using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using OpenRan.Conformance;
using OpenRan.Conformance.Runner;

namespace OpenRan.Cli.Tests.Commands;

/// <summary>
/// Issue 13 §7: <c>vectors check</c> never reports green for work it did not do. The in-repository vectors
/// (tests/TestVectors, used as an explicit root, so without the ../shared fallback) hold the <c>crc</c> data but not the
/// AGPL srsRAN captures, exactly like a fresh clone.
/// </summary>
public sealed class VectorsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-vectors-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string InRepoVectors()
    {
        string repo = VectorRoot.FindRepositoryRoot() ?? throw new InvalidOperationException("tests run inside the repository");
        return Path.Combine(repo, "tests", "TestVectors");
    }

    [Fact]
    public void Check_CategoryWithoutData_TableSaysSkippedWithReasonAndIncomplete()
    {
        // Found: a fresh clone printed "OK: 1095 passed, 0 skipped" while 11 categories ran nothing.
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "crc", "--only", "srsran-capture-n78");
        Assert.True(exitCode == 0, stdout + stderr);
        string row = stdout.Split('\n').First(l => l.Contains("srsran-capture-n78 ", StringComparison.Ordinal));
        Assert.Contains("skipped", row, StringComparison.Ordinal);
        Assert.Contains("no data: folder 'srsran_4g/iq'", stdout, StringComparison.Ordinal);
        Assert.Contains("INCOMPLETE", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("OK:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RequireAll_FailsOnASkippedCategorySayingWhich()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "crc", "--only", "srsran-capture-n78", "--require-all");
        Assert.True(exitCode == 1, stdout + stderr);
        Assert.Contains("error: --require-all: 1 category did not run completely: srsran-capture-n78: no data", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RequireAll_PassesWhenEverythingRan()
    {
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "crc", "--require-all");
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("OK:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnlyACategoryWithoutData_JsonIsNotPassedAndExitIsOne()
    {
        // Found: --only srsran-capture-n78 --json with no data returned "passed": true.
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "srsran-capture-n78", "--json");
        Assert.Equal(1, exitCode);
        Assert.Contains("error: nothing was checked", stderr, StringComparison.Ordinal);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("nothingRun", json.RootElement.GetProperty("status").GetString());
        JsonElement category = json.RootElement.GetProperty("categories")[0];
        Assert.Equal("skipped", category.GetProperty("status").GetString());
        Assert.Contains("no data", category.GetProperty("skipReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Junit_OneTestCasePerVectorFileAndSkippedCategoriesVisible()
    {
        string junit = Path.Combine(_dir, "reports", "vectors.xml");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "crc", "--only", "srsran-capture-n78", "--junit", junit);
        Assert.True(exitCode == 0, stdout + stderr);
        XDocument xml = XDocument.Load(junit);
        XElement crc = xml.Root!.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "crc");
        IConformanceCheck check = ConformanceCatalog.CreateAll().Single(c => c.Category == "crc");
        string[] files = ConformanceRunner.EnumerateCases(check, VectorRoot.FromDirectory(InRepoVectors())).Select(f => "sionna/crc/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        Assert.Equal(files, crc.Elements("testcase").Select(c => (string)c.Attribute("name")!).Order(StringComparer.Ordinal));
        Assert.All(crc.Elements("testcase"), c => Assert.Empty(c.Elements("failure")));
        XElement capture = xml.Root.Elements("testsuite").Single(s => (string)s.Attribute("name")! == "srsran-capture-n78");
        Assert.NotNull(Assert.Single(capture.Elements("testcase")).Element("skipped"));
    }

    [Fact]
    public void Check_UnwritableJunit_ExitsTwoBeforeRunning()
    {
        string blocker = Path.Combine(_dir, "blocker");
        File.WriteAllText(blocker, "");
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("vectors", "check", "--root", InRepoVectors(), "--only", "crc", "--junit", Path.Combine(blocker, "x.xml"));
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("--junit: cannot write", stderr, StringComparison.Ordinal);
    }
}
