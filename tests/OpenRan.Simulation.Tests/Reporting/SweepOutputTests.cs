using System;
using System.IO;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;
using OpenRan.Simulation.Tests.Sweeps;

namespace OpenRan.Simulation.Tests.Reporting;

public class SweepOutputTests
{
    private static SweepResult Run() => new SweepRunner(new SweepPlan
    {
        SnrDb = [-4, -2, 0, 2, 4, 6, 8],
        SlotsPerBatch = 20,
        MaxSlotsPerPoint = 400,
        MinBlockErrors = 50,
        Seed = 3,
        Title = "fake link",
    }, () => new FakeLinkSimulator(), 2).Run(null, TestContext.Current.CancellationToken);

    [Fact]
    public void Csv_HeaderAndOneRowPerPoint_InvariantNumbers()
    {
        SweepResult result = Run();
        string[] lines = SweepCsv.Format(result).TrimEnd('\n').Split('\n');
        Assert.Equal(SweepCsv.Header, lines[0]);
        Assert.Equal(result.Points.Count + 1, lines.Length);
        string[] first = lines[1].Split(',');
        Assert.Equal(SweepCsv.Header.Split(',').Length, first.Length);
        Assert.Equal("-4", first[0]);
        Assert.Equal(result.Points[0].Counters.Slots.ToString(System.Globalization.CultureInfo.InvariantCulture), first[1]);
        Assert.DoesNotContain("ber", lines[0], StringComparison.Ordinal); // no bits counted: no bit_errors/bits/ber columns
    }

    [Fact]
    public void Svg_PlotIsAnSvgDocumentWithTheTitle()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openran-plot-{Guid.NewGuid():N}.svg");
        try
        {
            SweepPlot.Write(Run(), path, PlotFormat.Svg);
            string svg = File.ReadAllText(path);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("BLER versus SNR", svg, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(-3, "10⁻³")]
    [InlineData(0, "10⁰")]
    [InlineData(-12, "10⁻¹²")]
    public void PowerOfTen_LabelsWithSuperscripts(int exponent, string label) => Assert.Equal(label, ResultPlotStyle.PowerOfTen(exponent));

    [Fact]
    public void Json_RoundTrip_PreservesPlanBatchesAndPoints()
    {
        SweepResult result = Run();
        SweepResult back = SweepJson.Deserialize(SweepJson.Serialize(result), "memory");
        Assert.Equal(result.Plan.Fingerprint(), back.Plan.Fingerprint());
        Assert.Equal(result.Batches, back.Batches);
        Assert.Equal(SweepCsv.Format(result), SweepCsv.Format(back));
        Assert.Contains("\"throughputShare\"", SweepJson.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_UndefinedValues_AreNullNeverNaNStrings()
    {
        // Issue 13 §5: numbers are JSON numbers, undefined ones null. The fake link counts no bits: BER is undefined.
        string text = SweepJson.Serialize(Run());
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("points")[0].GetProperty("ber").ValueKind);
        Assert.Equal("noRequirement", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("marginDb").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, json.RootElement.GetProperty("snrAt70PercentDb").ValueKind);
    }

    [Fact]
    public void Json_EarlierFilesWithNaNStrings_StillRead()
    {
        string text = SweepJson.Serialize(Run()).Replace("\"ber\": null", "\"ber\": \"NaN\"", StringComparison.Ordinal);
        Assert.Contains("\"NaN\"", text, StringComparison.Ordinal);
        Assert.True(double.IsNaN(SweepJson.Deserialize(text, "old.json").Points[0].Ber));
    }

    [Fact]
    public void Json_NotASweep_InvalidDataNamingTheSource() =>
        Assert.Contains("shard.json", Assert.Throws<InvalidDataException>(() => SweepJson.Deserialize("{\"x\": 1}", "shard.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void Plot_WritesAPng()
    {
        string path = Path.Combine(Path.GetTempPath(), $"openran-plot-{Guid.NewGuid():N}.png");
        try
        {
            SweepPlot.Write(Run(), path);
            byte[] head = new byte[8];
            using (FileStream f = File.OpenRead(path))
            {
                f.ReadExactly(head);
                Assert.True(f.Length > 10_000);
            }

            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(-2.1, -2.5, true, RequirementVerdict.Met)]
    [InlineData(-2.1, -1.8, true, RequirementVerdict.Missed)]
    [InlineData(-2.1, -2.0, false, RequirementVerdict.Undetermined)]
    [InlineData(-2.1, -3.0, false, RequirementVerdict.Met)]
    public void RequirementComparison_Verdicts(double requirement, double achieved, bool bracketed, RequirementVerdict verdict)
    {
        var c = new RequirementComparison(requirement, achieved, bracketed);
        Assert.Equal(verdict, c.Verdict);
        Assert.Equal(verdict == RequirementVerdict.Met, c.Passed);
        Assert.Equal(requirement - achieved, c.MarginDb!.Value, 12);
    }

    [Fact]
    public void RequirementComparison_NotReachedAndNone()
    {
        Assert.Equal(RequirementVerdict.NotReached, new RequirementComparison(-2.1, null, false).Verdict);
        Assert.Equal(RequirementVerdict.NoRequirement, new RequirementComparison(null, -3, true).Verdict);
    }
}
