using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Simulation.Tests.Configuration;

public class LinkConfigurationTests
{
    private static LinkOptionAssignment Cli(string name, params string[] values) =>
        new(LinkOptionCatalog.Find(name)!, values, "--" + name);

    [Fact]
    public void Build_YamlWithPresetAndOverrides_CombinedInPrecedenceOrder()
    {
        const string Yaml = """
            # A TS 38.104 test: G-FR1-A3-10 on TDLB100-400 with 2 Rx antennas.
            preset: G-FR1-A3-10
            propagation: TDLB100-400
            rx-antennas: 2
            snr-db: [-6, -5.5, "-5:1:-3"]
            harq-max-transmissions: 2
            channel-estimation: estimated
            requirement: true
            """;
        IReadOnlyList<LinkOptionAssignment> file = LinkConfiguration.ReadYaml(Yaml, "test.yaml");
        LinkSimulationOptions o = LinkConfiguration.Build(LinkKind.Pusch, file, [Cli("max-slots", "200"), Cli("harq-max-transmissions", "3")]);
        Assert.Equal("G-FR1-A3-10", o.Preset);
        Assert.Equal(15, o.SubcarrierSpacingKhz);
        Assert.Equal(106, o.AllocatedPrbs);
        Assert.Equal(ModulationScheme.Qpsk, o.Modulation);
        Assert.Equal(193 / 1024.0, o.TargetCodeRate);
        Assert.Equal([-6, -5.5, -5, -4, -3], o.SnrDb);
        Assert.Equal(3, o.HarqMaxTransmissions); // the command line wins over the file
        Assert.Equal(200, o.MaxSlots);
        Assert.True(o.Requirement);
        PuschRequirement? requirement = o.FindRequirement();
        Assert.NotNull(requirement);
        Assert.Equal(-2.1, requirement.SnrDb);
    }

    [Fact]
    public void Build_ExplicitValuesInFileAfterPreset_OverrideThePreset()
    {
        IReadOnlyList<LinkOptionAssignment> file = LinkConfiguration.ReadYaml("modulation: 16qam\npreset: G-FR1-A3-10\ntarget-rate: 658/1024\n", "x.yaml");
        LinkSimulationOptions o = LinkConfiguration.Build(LinkKind.Pusch, file, []);
        Assert.Equal(ModulationScheme.Qam16, o.Modulation);
        Assert.Equal(658 / 1024.0, o.TargetCodeRate);
    }

    [Fact]
    public void ReadYaml_UnknownKey_ErrorWithLineAndColumn()
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYaml("snr-db: 3\n  \nrx-antenas: 2\n", "a.yaml"));
        Assert.StartsWith("a.yaml:3:1:", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'rx-antenas'", e.Message, StringComparison.Ordinal);
        Assert.Contains("rx-antennas", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadValue_ErrorWithTheValuesLine()
    {
        IReadOnlyList<LinkOptionAssignment> file = LinkConfiguration.ReadYaml("seed: 4\nlayers: two\n", "b.yaml");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.Build(LinkKind.Pusch, file, []));
        Assert.StartsWith("b.yaml:2:9:", e.Message, StringComparison.Ordinal);
        Assert.Contains("'two' is not an integer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_OutOfRangeValue_ErrorWithTheValuesLineAndValidRange()
    {
        IReadOnlyList<LinkOptionAssignment> file = LinkConfiguration.ReadYaml("modulation: qpsk\ntarget-rate: 0.5\nrx-antennas: 3\n", "c.yaml");
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.Build(LinkKind.Pusch, file, []));
        Assert.StartsWith("c.yaml:3:14:", e.Message, StringComparison.Ordinal);
        Assert.Contains("1, 2, 4 or 8", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("snr-db: {start: 1}\n", "c.yaml:1:9:", "not a mapping")]
    [InlineData("rx-antennas: [1, 2]\n", "c.yaml:1:14:", "single value")]
    [InlineData("seed: 1\nseed: 2\n", "c.yaml:2:1:", "duplicate key 'seed'")]
    [InlineData("- a\n- b\n", "c.yaml:1:1:", "must be a mapping")]
    [InlineData("seed: [1\n", "c.yaml:", "not valid YAML")]
    public void ReadYaml_WrongShape_Error(string yaml, string location, string message)
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYaml(yaml, "c.yaml"));
        Assert.StartsWith(location, e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BadPropagationOnCommandLine_ErrorNamesTheOption()
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() =>
            LinkConfiguration.Build(LinkKind.Pusch, [], [Cli("mcs", "5"), Cli("propagation", "TDLX30-10")]));
        Assert.StartsWith("--propagation:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_McsAndExplicitModulation_McsWinsWhenLast()
    {
        LinkSimulationOptions o = LinkConfiguration.Build(LinkKind.Pusch, [], [Cli("modulation", "64qam"), Cli("target-rate", "0.5"), Cli("mcs", "9")]);
        Assert.Equal(9, o.Mcs);
        Assert.Null(o.Modulation);
    }

    [Fact]
    public void Build_Defaults_AreValidWithAnMcs()
    {
        LinkSimulationOptions o = LinkConfiguration.Build(LinkKind.Pdsch, [], [Cli("mcs", "4")]);
        Assert.Equal(LinkKind.Pdsch, o.Link);
        Assert.Equal(ChannelKnowledge.Estimated, o.ChannelEstimation);
        Assert.Equal([0, 2, 3, 1], o.RvSequence);
    }

    [Fact]
    public void Build_NoMcsNorModulation_ErrorSaysWhatToSet()
    {
        ConfigurationException e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.Build(LinkKind.Pusch, [], []));
        Assert.Contains("set mcs, or modulation together with target-rate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_EveryOptionHasHelpAndAKebabCaseName()
    {
        var names = new HashSet<string>();
        foreach (LinkOptionSpec spec in LinkOptionCatalog.All)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", spec.Name);
            Assert.False(string.IsNullOrWhiteSpace(spec.Description));
            Assert.True(names.Add(spec.Name));
        }
    }

    [Theory]
    [InlineData("channel-estimation", "perfect", "ChannelEstimation", ChannelKnowledge.Perfect)]
    [InlineData("mcs-table", "qam64-low-se", "McsTable", McsTable.Qam64LowSe)]
    [InlineData("correlation", "medium", "Correlation", MimoCorrelationLevel.Medium)]
    public void Catalog_EnumValues_ParseKebabCase(string option, string value, string property, object expected)
    {
        var o = new LinkSimulationOptions();
        LinkOptionCatalog.Find(option)!.Apply(o, [value]);
        Assert.Equal(expected, typeof(LinkSimulationOptions).GetProperty(property)!.GetValue(o));
    }

    [Fact]
    public void PropagationConditions_CorrelationOptionOverridesTheNameSuffix()
    {
        var o = new LinkSimulationOptions { Propagation = "TDLA30-10-high", Correlation = MimoCorrelationLevel.Low, CfoHz = 100 };
        PropagationConditions c = o.PropagationConditions();
        Assert.Equal(MimoCorrelationLevel.Low, c.Correlation);
        Assert.Equal(100, c.FrequencyOffsetHz);
    }
}
