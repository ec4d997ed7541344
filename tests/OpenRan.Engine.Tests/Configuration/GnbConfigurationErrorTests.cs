using System;
using System.IO;
using System.Text;
using OpenRan.Engine.Configuration;

namespace OpenRan.Engine.Tests.Configuration;

/// <summary>
/// Every malformed cell configuration file is a <see cref="ConfigurationException"/> at <c>file:line:column</c> that names
/// the key and its valid values (issue 13 §3): broken YAML, a key given twice, a value of the wrong type or out of range,
/// a second document, and files that are not readable configuration text.
/// </summary>
public sealed class GnbConfigurationErrorTests
{
    private static ConfigurationException ReadError(string yaml) =>
        Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.Read(yaml, "gnb.yaml"));

    [Fact]
    public void Read_MalformedYaml_GivesFileLineAndWhatIsWrong()
    {
        ConfigurationException e = ReadError(TestConfigs.N3With(("  pci: 1\n", "  pci: [1, 2\n")));
        Assert.Equal("(syntax)", e.Key);
        Assert.Matches(@"^gnb\.yaml:(9|1\d):\d+$", e.Location);
        Assert.StartsWith("not valid YAML", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKey_NamesTheKeyAndBothLines()
    {
        ConfigurationException e = ReadError(TestConfigs.N3With(("  pci: 1\n", "  pci: 1\n  pci: 2\n")));
        Assert.Equal("cell.pci", e.Key);
        Assert.Equal("gnb.yaml:10:3", e.Location);
        Assert.Contains("appears twice", e.Reason, StringComparison.Ordinal);
        Assert.Contains("line 9", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateSection_NamesTheSection()
    {
        ConfigurationException e = ReadError(TestConfigs.N3With(("ssb:\n", "cell:\n  pci: 3\nssb:\n")));
        Assert.Equal("cell", e.Key);
        Assert.StartsWith("gnb.yaml:11:1", e.Location, StringComparison.Ordinal);
        Assert.Contains("first at line 4", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKeyInAListItem_NamesTheItem()
    {
        ConfigurationException e = ReadError("pucch:\n  - format: 1\n  - format: 1\n    format: 0\n");
        Assert.Equal("pucch[1].format", e.Key);
        Assert.Equal("gnb.yaml:4:5", e.Location);
    }

    [Theory]
    [InlineData("  pci: [1, 2]\n", "is a list; valid: an integer 0..1007.")]
    [InlineData("  pci: {a: 1}\n", "is a mapping; valid: an integer 0..1007.")]
    [InlineData("  pci: one\n", "'one' is not valid; valid: an integer 0..1007.")]
    [InlineData("  pci: 1.5\n", "'1.5' is not valid; valid: an integer 0..1007.")]
    [InlineData("  pci: 99999999999999\n", "'99999999999999' is not valid; valid: an integer 0..1007.")]
    [InlineData("  pci: -1\n", "'-1' is not valid; valid: an integer 0..1007.")]
    public void Read_WrongTypeOrOutOfRange_NamesTheKeyAndItsValidValues(string line, string reason)
    {
        ConfigurationException e = ReadError(TestConfigs.N3With(("  pci: 1\n", line)));
        Assert.Equal("cell.pci", e.Key);
        Assert.StartsWith("gnb.yaml:9:", e.Location, StringComparison.Ordinal);
        Assert.Equal(reason, e.Reason);
    }

    [Theory]
    [InlineData("  duplex: fdd\n", "  duplex: [fdd]\n", "cell.duplex", "is a list; valid: fdd | tdd.")]
    [InlineData("  duplex: fdd\n", "  duplex: half\n", "cell.duplex", "'half' is not valid; valid: fdd | tdd.")]
    [InlineData("  power-offset-db: 0\n", "  power-offset-db: {x: 1}\n", "ssb.power-offset-db", "is a mapping; valid: a number -20..20.")]
    [InlineData("  power-offset-db: 0\n", "  power-offset-db: 21\n", "ssb.power-offset-db", "'21' is not valid; valid: a number -20..20.")]
    [InlineData("  power-offset-db: 0\n", "  power-offset-db: .nan\n", "ssb.power-offset-db", "'.nan' is not valid; valid: a number -20..20.")]
    [InlineData("ssb:\n", "ssb: 5\nssbx:\n", "ssb", "must be a mapping of keys.")]
    public void Read_WrongValue_NamesTheKeyAndItsValidValues(string old, string replacement, string key, string reason)
    {
        ConfigurationException e = ReadError(TestConfigs.N3With((old, replacement)));
        Assert.Equal(key, e.Key);
        Assert.Matches(@"^gnb\.yaml:\d+:\d+$", e.Location);
        Assert.Equal(reason, e.Reason);
    }

    [Fact]
    public void Read_SecondDocument_IsRejectedWhereItStarts()
    {
        string yaml = TestConfigs.N3With(("  pci: 1\n", "  pci: 1\n")) + "---\ncell:\n  pci: 2\n";
        ConfigurationException e = ReadError(yaml);
        Assert.Equal("(document)", e.Key);
        Assert.Contains("only one YAML document", e.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"gnb.yaml:{yaml.Split('\n').Length - 3}:", e.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(": !!inn-Td-Se[lrv-sequence: : \n\n\u00ff\u007f!!?\n\u00ef\n! nt \n")] // fuzz/regressions/yaml/global-tag-not-a-uri
    [InlineData("--f: .\t\uFFFD\n:\u001D-B9\uFFFD:\r- 9\n:")] // fuzz/regressions/yaml/loader-unsupported-event-2
    [InlineData("cell:\n  pci: !<%zz> 1\n")]
    [InlineData("a: *undefined\n")]
    [InlineData("cell:\n  band: 'n3\n")]
    public void Read_InputsTheYamlLibraryRejectsOddly_AreSyntaxErrors(string yaml)
    {
        ConfigurationException e = ReadError(yaml);
        Assert.StartsWith("gnb.yaml", e.Location, StringComparison.Ordinal);
        Assert.Contains("YAML", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_DirectoryBinaryOrHugeFile_NamesTheFileAndTheFault()
    {
        string directory = Directory.CreateTempSubdirectory("openran-config-").FullName;
        try
        {
            string folder = Path.Combine(directory, "gnb.yaml");
            Directory.CreateDirectory(folder);
            Assert.Contains("is a directory", Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.ReadFile(folder)).Reason, StringComparison.Ordinal);

            string binary = Path.Combine(directory, "binary.yaml");
            File.WriteAllBytes(binary, [0x63, 0x65, 0x6C, 0x6C, 0x3A, 0x0A, 0xFF, 0xFE, 0x80]);
            ConfigurationException e = Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.ReadFile(binary));
            Assert.Equal(binary, e.Location);
            Assert.Contains("not UTF-8 text", e.Reason, StringComparison.Ordinal);

            string huge = Path.Combine(directory, "huge.yaml");
            File.WriteAllText(huge, new string('#', GnbConfigurationReader.MaxFileBytes + 1), Encoding.ASCII);
            Assert.Contains("more than the limit", Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.ReadFile(huge)).Reason, StringComparison.Ordinal);

            string missing = Path.Combine(directory, "missing.yaml");
            Assert.Equal(missing, Assert.Throws<ConfigurationException>(() => GnbConfigurationReader.ReadFile(missing)).Location);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
