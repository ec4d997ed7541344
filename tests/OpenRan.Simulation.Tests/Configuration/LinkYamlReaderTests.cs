using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Simulation.Tests.Configuration;

// The YAML loading layer (issue 13 §3): malformed YAML, duplicate keys and wrong node kinds are errors at file:line:column.
public sealed class LinkYamlReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-yaml").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Error(string yaml) => Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYaml(yaml, "c.yaml")).Message;

    [Fact]
    public void ReadYaml_DuplicateKey_NamesBothPlaces()
    {
        Assert.Equal("c.yaml:3:1: duplicate key 'seed'; it is already set at c.yaml:1:1.", Error("seed: 1\nmax-slots: 10\nseed: 2\n"));
    }

    [Theory]
    [InlineData("seed: [1\n", "c.yaml:2:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("seed: 1\n\tmax-slots: 2\n", "c.yaml:1:7: not valid YAML")]
    [InlineData("seed: \"open\n", "c.yaml:1:7: not valid YAML")]
    [InlineData("seed: 1\n---\nseed: 2\n", "c.yaml:2:1: only one YAML document is allowed.")]
    [InlineData("- a\n- b\n", "c.yaml:1:1: the document must be a mapping")]
    [InlineData("just text\n", "c.yaml:1:1: the document must be a mapping")]
    [InlineData("? [seed]\n: 1\n", "c.yaml:1:3: keys must be plain option names.")]
    [InlineData("? {a: 1}\n: 1\n", "c.yaml:1:3: keys must be plain option names.")]
    [InlineData("\"\": 1\n", "c.yaml:1:1: keys must be plain option names.")]
    [InlineData("snr-db: [[1, 2]]\n", "c.yaml:1:10: 'snr-db' takes a list of plain values.")]
    [InlineData("snr-db: [{a: 1}]\n", "c.yaml:1:10: 'snr-db' takes a list of plain values.")]
    [InlineData("snr-db:\n  - 1\n  - - 2\n", "c.yaml:3:5: 'snr-db' takes a list of plain values.")]
    [InlineData("seed: {a: 1}\n", "c.yaml:1:7: 'seed' takes a single value, not a mapping.")]
    [InlineData("seed: [1, 2]\n", "c.yaml:1:7: 'seed' takes a single value, not a list.")]
    [InlineData("seed: *nowhere\n", "c.yaml:1:7: 'seed' refers to anchor '&nowhere', which is not defined before it as a value.")]
    [InlineData("snr-db: &list [1, 2]\nseed: *list\n", "c.yaml:2:7: 'seed' takes a single value, not a list.")]
    [InlineData("snr-db: &a [1, *a]\n", "c.yaml:1:16: 'snr-db' takes a list of plain values.")]
    public void ReadYaml_MalformedOrWrongKind_ErrorAtFileLineColumn(string yaml, string expected)
    {
        Assert.StartsWith(expected, Error(yaml), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed: !<%> 1\n")]
    [InlineData("seed: !!%zz 1\n")]
    public void ReadYaml_InputsTheYamlLibraryRejectsWithoutAYamlException_AreSyntaxErrors(string yaml)
    {
        // Found by fuzzing (fuzz/regressions/yaml): YamlDotNet throws ArgumentException or InvalidOperationException for
        // some malformed input instead of a YamlException.
        Assert.StartsWith("c.yaml:1:", Error(yaml), StringComparison.Ordinal);
        Assert.Contains("not valid YAML", Error(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadYaml_DeeplyNestedList_FailsAtTheFirstNestingWithoutRecursing()
    {
        string yaml = "snr-db: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        Assert.StartsWith("c.yaml:1:10: 'snr-db' takes a list of plain values.", Error(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadYaml_AliasesToScalarsAndLists_AreResolved()
    {
        IReadOnlyList<LinkOptionAssignment> a = LinkConfiguration.ReadYaml("seed: &s 5\nmax-slots: *s\nsnr-db: &l [1, *s]\nrv-sequence: *l\n", "a.yaml");
        Assert.Equal(["5"], a.Single(x => x.Option.Name == "max-slots").Values);
        Assert.Equal(["1", "5"], a.Single(x => x.Option.Name == "snr-db").Values);
        Assert.Equal(["1", "5"], a.Single(x => x.Option.Name == "rv-sequence").Values);
        Assert.Equal("a.yaml:2:12", a.Single(x => x.Option.Name == "max-slots").Source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("--- # empty\n...\n")]
    public void ReadYaml_EmptyDocument_NoAssignments(string yaml)
    {
        Assert.Empty(LinkConfiguration.ReadYaml(yaml, "e.yaml"));
    }

    [Fact]
    public void ReadYamlFile_Directory_SaysSo()
    {
        string path = Path.Combine(_dir, "sim.yaml");
        Directory.CreateDirectory(path);
        var e = Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYamlFile(path));
        Assert.Equal($"{path}: the configuration path is a directory, not a file.", e.Message);
    }

    [Fact]
    public void ReadYamlFile_TooLargeOrNotUtf8_RejectedWithReason()
    {
        string big = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(big, "# " + new string('x', (int)LinkConfiguration.MaxConfigurationFileBytes) + "\n");
        Assert.Contains("more than the limit", Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYamlFile(big)).Message, StringComparison.Ordinal);

        string latin1 = Path.Combine(_dir, "latin1.yaml");
        File.WriteAllBytes(latin1, [(byte)'s', (byte)'e', (byte)'e', (byte)'d', (byte)':', (byte)' ', 0xE9, (byte)'\n']);
        Assert.Contains("not UTF-8", Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYamlFile(latin1)).Message, StringComparison.Ordinal);

        string missing = Path.Combine(_dir, "absent.yaml");
        Assert.StartsWith($"{missing}: cannot read the configuration file", Assert.Throws<ConfigurationException>(() => LinkConfiguration.ReadYamlFile(missing)).Message, StringComparison.Ordinal);
    }
}
