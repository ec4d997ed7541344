using System;
using System.IO;
using OpenRan.Engine.Configuration;

namespace OpenRan.Engine.Tests;

/// <summary>The example configurations copied beside the tests, and small YAML variants of them.</summary>
internal static class TestConfigs
{
    public static readonly string[] ExampleNames = ["gnb-n3-20mhz-fdd.yaml", "gnb-n78-40mhz-tdd.yaml", "gnb-n78-100mhz-tdd.yaml"];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "configs", name);

    public static GnbConfiguration Load(string name) => GnbConfigurationReader.ReadFile(PathOf(name));

    public static CellSetup Cell(string name) => CellSetup.Derive(Load(name));

    /// <summary>The n3 example with <paramref name="replace"/> applied to its text (old, new pairs).</summary>
    public static string N3With(params (string Old, string New)[] replace)
    {
        string text = File.ReadAllText(PathOf(ExampleNames[0]));
        foreach ((string o, string n) in replace)
        {
            if (!text.Contains(o, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{o}' is not in the example");
            }

            text = text.Replace(o, n, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The n3 example with HARQ-ACK on PUCCH format 1 at PRB 105 beside a 105-PRB PUSCH.</summary>
    public static CellSetup N3WithPucchFeedback() => CellSetup.Derive(GnbConfigurationReader.Read(
        N3With(
            ("dl-harq-feedback: assume-ack", "dl-harq-feedback: pucch #"),
            ("- { format: 1, start-prb: 0,", "- { format: 1, start-prb: 105,"),
            ("uplink: { mcs-table: qam64, mcs: 27, layers: 1, dci: 0_1 }", "uplink: { mcs-table: qam64, mcs: 27, layers: 1, dci: 0_1, start-prb: 0, prbs: 105 }")),
        "gnb-n3-pucch.yaml"));
}
