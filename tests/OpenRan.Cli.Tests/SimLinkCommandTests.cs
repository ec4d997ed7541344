using System;
using System.Collections.Generic;
using System.IO;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Reporting;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Cli.Tests;

public class SimLinkCommandTests
{
    private sealed class ThresholdLink : IWorkUnitSimulator
    {
        private readonly RandomStream _random = new(0);

        public LinkCounters Run(in WorkUnit unit)
        {
            _random.Reset(unit.StreamSeed(RandomStreamKind.Noise));
            double p = 1 / (1 + Math.Exp(2 * (unit.SnrDb + 1)));
            long errors = 0;
            for (int s = 0; s < unit.SlotCount; s++)
            {
                errors += _random.NextDouble() < p ? 1 : 0;
            }

            return new LinkCounters
            {
                Slots = unit.SlotCount,
                Transmissions = unit.SlotCount,
                TransmissionErrors = errors,
                TransportBlocks = unit.SlotCount,
                ResidualErrors = errors,
                DecodedBits = (unit.SlotCount - errors) * 5768,
                OfferedBits = unit.SlotCount * 5768L,
            };
        }
    }

    private static SweepPlan Plan() => new()
    {
        SnrDb = [-4, -3, -2, -1, 0, 1],
        SlotsPerBatch = 10,
        MaxSlotsPerPoint = 300,
        MinBlockErrors = 30,
        Seed = 9,
        Title = "threshold link",
        Description = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [RequirementComparison.RequirementKey] = "-0.5",
            [RequirementComparison.RequirementNameKey] = "TS 38.104 Table 8.2.1.2-3",
        },
    };

    [Fact]
    public void SimMerge_ThreeShards_WritesTheSingleRunOutputsAndComparesWithTheRequirement()
    {
        string dir = Directory.CreateTempSubdirectory("openran-sim").FullName;
        try
        {
            string prefix = Path.Combine(dir, "sweep");
            var shardFiles = new List<string>();
            for (int i = 0; i < 3; i++)
            {
                SweepResult shard = new SweepRunner(Plan(), () => new ThresholdLink(), 2, new ShardSpec(i, 3)).Run(null, TestContext.Current.CancellationToken);
                shardFiles.AddRange(SweepOutputs.Write(shard, prefix, plot: true));
            }

            Assert.All(shardFiles, f => Assert.Matches(@"sweep\.shard-\d-of-3\.json$", f));
            (int exitCode, string output) = CliRunner.Run(["sim", "merge", .. shardFiles]);
            Assert.True(exitCode == 0, output);
            Assert.Contains("merged 3 shard(s)", output, StringComparison.Ordinal);
            Assert.Contains("3GPP requirement (TS 38.104 Table 8.2.1.2-3): -0.5 dB", output, StringComparison.Ordinal);
            Assert.Contains("meets the requirement", output, StringComparison.Ordinal);
            Assert.True(File.Exists(prefix + ".png"));

            SweepResult single = new SweepRunner(Plan(), () => new ThresholdLink(), 1).Run(null, TestContext.Current.CancellationToken);
            Assert.Equal(SweepCsv.Format(single), File.ReadAllText(prefix + ".csv"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimMerge_MissingShard_ExitOneNamingTheShard()
    {
        string dir = Directory.CreateTempSubdirectory("openran-sim").FullName;
        try
        {
            SweepResult shard = new SweepRunner(Plan(), () => new ThresholdLink(), 1, new ShardSpec(0, 2)).Run(null, TestContext.Current.CancellationToken);
            IReadOnlyList<string> files = SweepOutputs.Write(shard, Path.Combine(dir, "s"), plot: false);
            (int exitCode, string output) = CliRunner.Run("sim", "merge", files[0]);
            Assert.Equal(1, exitCode);
            Assert.Contains("shard 1/2", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void SimPresets_ListsFrcsAndRequirements()
    {
        (int exitCode, string output) = CliRunner.Run("sim", "presets");
        Assert.Equal(0, exitCode);
        Assert.Contains("G-FR1-A3-10", output, StringComparison.Ordinal);
        Assert.Contains("TDLB100-400", output, StringComparison.Ordinal);
        Assert.Contains("-2.1", output, StringComparison.Ordinal);
        Assert.Contains("193/1024", output, StringComparison.Ordinal);
    }
}
