using System;
using System.Collections.Generic;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Sweeps;

public class ShardSpecTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = new Dictionary<string, string>();
        foreach ((string name, string value) in variables)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out string? v) ? v : null;
    }

    [Fact]
    public void Parse_Explicit_IndexAndCount() => Assert.Equal(new ShardSpec(3, 16), ShardSpec.Parse("3/16", Environment()));

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID")]
    [InlineData("JOB_COMPLETION_INDEX")]
    public void Parse_IndexFromEnvironment(string variable)
    {
        Assert.Equal(new ShardSpec(7, 8), ShardSpec.Parse("/8", Environment((variable, "7"))));
        Assert.Equal(new ShardSpec(7, 8), ShardSpec.Parse("*/8", Environment((variable, "7"))));
        Assert.Equal(new ShardSpec(7, 8), ShardSpec.Parse("7/8", Environment((variable, "7"))));
    }

    [Fact]
    public void Parse_SlurmTakesPrecedenceOverKubernetes() =>
        Assert.Equal(new ShardSpec(1, 4), ShardSpec.Parse("/4", Environment(("SLURM_ARRAY_TASK_ID", "1"), ("JOB_COMPLETION_INDEX", "2"))));

    [Theory]
    [InlineData("3")]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("a/4")]
    [InlineData("1/0")]
    [InlineData("/4")]
    public void Parse_Invalid_FormatException(string text) => Assert.Throws<FormatException>(() => ShardSpec.Parse(text, Environment()));

    [Fact]
    public void Parse_DisagreesWithEnvironment_FormatException() =>
        Assert.Throws<FormatException>(() => ShardSpec.Parse("2/4", Environment(("SLURM_ARRAY_TASK_ID", "1"))));

    [Fact]
    public void Owns_EveryBatchBelongsToExactlyOneShard()
    {
        for (int p = 0; p < 5; p++)
        {
            for (int b = 0; b < 9; b++)
            {
                int owners = 0;
                for (int i = 0; i < 4; i++)
                {
                    owners += new ShardSpec(i, 4).Owns(p, b) ? 1 : 0;
                }

                Assert.Equal(1, owners);
            }
        }
    }
}
