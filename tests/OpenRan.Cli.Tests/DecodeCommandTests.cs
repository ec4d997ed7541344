using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.TestSupport;

namespace OpenRan.Cli.Tests;

/// <summary><c>openran decode</c> on srsRAN's band-n3 capture (AGPL data read from ../shared; skipped when absent) and on bad input.</summary>
public sealed class DecodeCommandTests : IDisposable
{
    private const string N3Capture = "srsran_4g/iq/ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat";
    private const string Sib1Hex = "74810170104004020000c8002468a038050100401a0000066c6d9221f37040200000808000410680a0909c2008551940000033a1c6d9224010001eb89463c00928c41b8a36e15b1c3a013c5b4614000000000000";
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-decode-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Decode_N3Capture_Json_GivesSrsranSib1()
    {
        string capture = VectorCases.RequireFile(N3Capture);
        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("decode", capture, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", "--json");

        Assert.True(exitCode == 0, stderr);
        JsonElement[] lines = [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        JsonElement mib = Assert.Single(lines, l => l.GetProperty("type").GetString() == "mib");
        Assert.Equal(784, mib.GetProperty("sfn").GetInt32());
        Assert.Equal(500, mib.GetProperty("pci").GetInt32());
        JsonElement pdsch = Assert.Single(lines, l => l.GetProperty("type").GetString() == "pdsch");
        Assert.Equal("0xffff", pdsch.GetProperty("rnti").GetString());
        Assert.Equal("si", pdsch.GetProperty("rntiType").GetString());
        Assert.True(pdsch.GetProperty("crc").GetBoolean());
        Assert.Equal(672, pdsch.GetProperty("tbs").GetInt32());
        Assert.Equal(Sib1Hex, pdsch.GetProperty("payloadHex").GetString());
        Assert.Single(lines, l => l.GetProperty("type").GetString() == "sib1");
    }

    [Fact]
    public void Decode_N3Capture_CellDescription_Table()
    {
        string capture = VectorCases.RequireFile(N3Capture);
        (int exitCode, string output) = CliRunner.Run("decode", capture, "--format", "cf32", "--sample-rate", "15.36e6", "--pci", "500", "--prb", "52", "--scs-khz", "15", "--slot", "0", "--dl-arfcn", "368500", "--ssb-arfcn", "368410", "--coreset0-index", "6");

        Assert.True(exitCode == 0, output);
        Assert.Contains("CRC ok", output, StringComparison.Ordinal);
        Assert.Contains(Sib1Hex, output, StringComparison.Ordinal);
        Assert.Contains("PLMN 001-01 TAC 100 cellIdentity 0x001234501", output, StringComparison.Ordinal);
        Assert.Contains("RACH prach-ConfigurationIndex 16", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_N3Capture_CellYaml_SameAsTheOptions()
    {
        string capture = VectorCases.RequireFile(N3Capture);
        string cell = Path.Combine(_directory, "cell.yaml");
        File.WriteAllText(cell, "cell:\n  pci: 500\n  prb: 52\n  scs-khz: 15\n  slot: 0\n  dl-arfcn: 368500\n  ssb-arfcn: 368410\n  coreset0-index: 6\nsearch-space: common0\nrntis:\n  - { rnti: 0x4601, type: c }\n");
        (int exitCode, string output) = CliRunner.Run("decode", capture, "--format", "cf32", "--sample-rate", "15.36e6", "--cell", cell);

        Assert.True(exitCode == 0, output);
        Assert.Contains(Sib1Hex, output, StringComparison.Ordinal);
        Assert.Contains("PLMN 001-01 TAC 100 cellIdentity 0x001234501", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cell:\n  pci: 2000\n", "cell.yaml:2:8: cell.pci: '2000' is not valid; valid: an integer 0..1007.")]
    [InlineData("cell:\n  pci: 500\n  bandwidth: 52\n", "cell.yaml:3:3: cell.bandwidth: unknown key")]
    [InlineData("rntis:\n  - { rnti: 0x4601, type: x }\n", "cell.yaml:2:27: rntis[0].type: 'x' is not valid; valid: c | tc | ra | p | si.")]
    [InlineData("search-space: ue\n", "cell.yaml:1:15: search-space: 'ue' needs a coreset")]
    [InlineData("coreset:\n  rb-count: 7\n", "coreset.rb-count: 7 is not valid; valid: a multiple of 6, 6..270")]
    [InlineData("coreset:\n  rb-count: 12\n  interleaved: true\n  reg-bundle: 3\n", "coreset.reg-bundle: 3 is not valid for duration 1; valid: 2 | 6")]
    [InlineData("coreset: { rb-count: 12, width: 3 }\n", "coreset.width: unknown key")]
    [InlineData("coreset: { rb-count: 12 }\nsearch-space: common0\n", "search-space: 'common0' is CORESET#0's Type0-PDCCH CSS; valid with a coreset: common1 | common3 | ue.")]
    public void Decode_CellYamlError_NamesFileLineColumnAndKey(string yaml, string expected)
    {
        string recording = Path.Combine(_directory, "noise.cf32");
        File.WriteAllBytes(recording, new byte[8 * 15_360]);
        string cell = Path.Combine(_directory, "cell.yaml");
        File.WriteAllText(cell, yaml);

        (int exitCode, string output) = CliRunner.Run("decode", recording, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", "--cell", cell);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output.Replace(_directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GnbRecording_GnbConfig_DecodesTheTestUePdschAsTheGnbPcapHasThem()
    {
        string config = Commands.GnbCommandTests.Config("gnb-n3-20mhz-fdd.yaml");
        string recording = Path.Combine(_directory, "cell");
        string gnbPcap = Path.Combine(_directory, "gnb.pcap");
        (int gnbExit, string gnbOutput) = CliRunner.Run("gnb", "--config", config, "--driver", "file", "--args", $"tx={recording}", "--seconds", "0.03", "--pcap", gnbPcap);
        Assert.True(gnbExit == 0, gnbOutput);

        (int exitCode, string stdout, string stderr) = CliRunner.RunSplit("decode", recording + ".sigmf-meta", "--gnb-config", config, "--json");

        Assert.True(exitCode == 0, stderr);
        JsonElement[] lines = [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        JsonElement[] dci = [.. lines.Where(l => l.GetProperty("type").GetString() == "dci" && l.GetProperty("format").GetString() == "1_1")];
        JsonElement[] pdsch = [.. lines.Where(l => l.GetProperty("type").GetString() == "pdsch" && l.GetProperty("rntiType").GetString() == "c")];
        Assert.True(pdsch.Length >= 10, $"{pdsch.Length} C-RNTI PDSCH");
        Assert.Equal(dci.Length, pdsch.Length);
        Assert.All(pdsch, p => Assert.True(p.GetProperty("crc").GetBoolean()));
        Assert.All(pdsch, p => Assert.Equal("0x4601", p.GetProperty("rnti").GetString()));
        byte[] captured = File.ReadAllBytes(gnbPcap);
        Assert.All(pdsch, p => Assert.True(Contains(captured, Convert.FromHexString(p.GetProperty("payloadHex").GetString()!)), "a decoded PDSCH is not among the gNB's transport blocks"));
    }

    /// <summary>
    /// Live radio input: the gNB's downlink recorded through the file radio is replayed through the file radio into
    /// <c>openran decode --driver file</c>, which must give the same items as decoding the recording itself, and the speed
    /// line (slots per second).
    /// </summary>
    [Fact]
    public void Decode_FileRadioDriver_GivesTheSameItemsAsTheRecording()
    {
        string config = Commands.GnbCommandTests.Config("gnb-n3-20mhz-fdd.yaml");
        string recording = Path.Combine(_directory, "cell");
        (int gnbExit, string gnbOutput) = CliRunner.Run("gnb", "--config", config, "--driver", "file", "--args", $"tx={recording}", "--seconds", "0.03");
        Assert.True(gnbExit == 0, gnbOutput);

        (int fileExit, string fromFile, string fileErr) = CliRunner.RunSplit("decode", recording + ".sigmf-meta", "--gnb-config", config, "--json");
        (int radioExit, string fromRadio, string radioErr) = CliRunner.RunSplit("decode", "--driver", "file", "--args", $"rx={recording}", "--seconds", "1", "--gnb-config", config, "--json");
        (int tableExit, string table) = CliRunner.Run("decode", "--driver", "file", "--args", $"rx={recording}", "--seconds", "0.02", "--gnb-config", config);

        Assert.True(fileExit == 0, fileErr);
        Assert.True(radioExit == 0, radioErr);
        Assert.Contains("the replayed recording ended", radioErr, StringComparison.Ordinal);
        string[] expected = [.. fromFile.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
        Assert.True(expected.Count(l => l.Contains("\"type\":\"pdsch\"", StringComparison.Ordinal)) >= 10, fromFile);
        Assert.Equal(expected, fromRadio.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(tableExit == 0, table);
        Assert.Matches(@"speed: 20\.0 ms of signal decoded in [0-9.]+ s \([0-9.]+× real time\); [0-9]+ slot\(s\) followed, [0-9]+ slots/s", table);
    }

    /// <summary>
    /// <c>--cell</c> with <c>dedicated:</c> instead of <c>--gnb-config</c>: the gNB's recording gives the same PDSCH lines
    /// (the test UE's DCI 1_1 downlink) as with the gNB configuration, and the two together are a usage error.
    /// </summary>
    [Fact]
    public void Decode_CellFileDedicated_SamePdschAsTheGnbConfiguration()
    {
        string config = Commands.GnbCommandTests.Config("gnb-n3-20mhz-fdd.yaml");
        string recording = Path.Combine(_directory, "cell");
        (int gnbExit, string gnbOutput) = CliRunner.Run("gnb", "--config", config, "--driver", "file", "--args", $"tx={recording}", "--seconds", "0.03");
        Assert.True(gnbExit == 0, gnbOutput);
        string cellFile = Path.Combine(_directory, "cell.yaml");
        File.WriteAllText(cellFile, "cell: { pci: 1, prb: 106, scs-khz: 15, dl-arfcn: 368500 }\ndedicated: { rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, ssb-period-ms: 10, ssb-positions-in-burst: \"1000\", mcs-table: qam256 }\n");

        (int gnbConfigExit, string withConfig, string configErr) = CliRunner.RunSplit("decode", recording + ".sigmf-meta", "--gnb-config", config, "--json");
        (int cellExit, string withCell, string cellErr) = CliRunner.RunSplit("decode", recording + ".sigmf-meta", "--cell", cellFile, "--json");
        (int bothExit, string both) = CliRunner.Run("decode", recording + ".sigmf-meta", "--cell", cellFile, "--gnb-config", config);

        Assert.True(gnbConfigExit == 0, configErr);
        Assert.True(cellExit == 0, cellErr);
        string[] expected = [.. withConfig.Split('\n').Where(l => l.Contains("\"type\":\"pdsch\"", StringComparison.Ordinal))];
        Assert.True(expected.Length >= 10, withConfig);
        Assert.Equal(expected, withCell.Split('\n').Where(l => l.Contains("\"type\":\"pdsch\"", StringComparison.Ordinal)));
        Assert.Equal(2, bothExit);
        Assert.Contains("--gnb-config: the --cell file describes the UE's dedicated downlink already", both, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--driver loopback needs --sample-rate", "--driver", "loopback")]
    [InlineData("--driver: give either INPUT (a recording) or --driver (a radio), not both.", "INPUT", "--driver", "file")]
    [InlineData("give INPUT (a SigMF or raw recording) or --driver (a radio)")]
    [InlineData("--args and --seconds are for --driver", "INPUT", "--format", "cf32", "--sample-rate", "15.36e6", "--seconds", "1")]
    public void Decode_RadioOptionError_ExitsTwoNamingTheOption(string expected, params string[] options)
    {
        string recording = Path.Combine(_directory, "noise.cf32");
        File.WriteAllBytes(recording, new byte[8 * 15_360]);
        (int exitCode, string output) = CliRunner.Run(["decode", .. options.Select(o => o == "INPUT" ? recording : o)]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public void RarItem_JsonAndTable_CarryTheMacRarFields()
    {
        var item = new UeDownlinkItem
        {
            Kind = UeDownlinkItemKind.Rar,
            Sfn = 12,
            Slot = 4,
            Pci = 1,
            Rnti = 15,
            RntiType = DciRntiType.RaRnti,
            CrcPassed = true,
            Rar = new MacRar(17, 11, new RarUplinkGrant(false, 106, 0, 2, 3, false), 0x4602),
        };

        JsonElement json = JsonDocument.Parse(OpenRan.Cli.Commands.DecodeCommand.JsonLine(item)).RootElement;

        Assert.Equal(("rar", "0x000f", "ra", 17, 11, "0x4602"), (json.GetProperty("type").GetString(), json.GetProperty("rnti").GetString(), json.GetProperty("rntiType").GetString(), json.GetProperty("rapid").GetInt32(), json.GetProperty("timingAdvance").GetInt32(), json.GetProperty("tcRnti").GetString()));
        JsonElement grant = json.GetProperty("ulGrant");
        Assert.Equal((false, 106, 0, 2, 3, false), (grant.GetProperty("frequencyHopping").GetBoolean(), grant.GetProperty("frequencyAllocation").GetInt32(), grant.GetProperty("timeAllocation").GetInt32(), grant.GetProperty("mcs").GetInt32(), grant.GetProperty("tpc").GetInt32(), grant.GetProperty("csiRequest").GetBoolean()));
        Assert.Contains("RAR RA-RNTI 0x000f: RAPID 17 TA 11 TC-RNTI 0x4602", OpenRan.Cli.Commands.DecodeCommand.TableLine(item), StringComparison.Ordinal);
    }

    [Fact]
    public void PdschItem_K0InterleavedTbScaling_JsonAndTableSayThem()
    {
        var item = new UeDownlinkItem
        {
            Kind = UeDownlinkItemKind.Pdsch,
            Sfn = 3,
            Slot = 7,
            Pci = 1,
            Rnti = 0xFFFE,
            RntiType = DciRntiType.PRnti,
            CrcPassed = true,
            TransportBlockSize = 88,
            Allocation = new UeDownlinkAllocation(0, 4, 1, 13, true, 2, 4, 0.3) { K0 = 1, InterleavedOverRbs = 48, TbScaling = 0.5 },
        };

        JsonElement json = JsonDocument.Parse(OpenRan.Cli.Commands.DecodeCommand.JsonLine(item)).RootElement;

        Assert.Equal((1, true, 0.5), (json.GetProperty("k0").GetInt32(), json.GetProperty("interleaved").GetBoolean(), json.GetProperty("tbScaling").GetDouble()));
        Assert.Contains("PRB 0+4 interleaved sym 1+13 K0 1 Qm 2 MCS 4 S 0.5 ", OpenRan.Cli.Commands.DecodeCommand.TableLine(item), StringComparison.Ordinal);
        JsonElement plain = JsonDocument.Parse(OpenRan.Cli.Commands.DecodeCommand.JsonLine(item with { Allocation = new UeDownlinkAllocation(0, 4, 1, 13, true, 2, 4, 0.3) })).RootElement;
        Assert.False(plain.TryGetProperty("k0", out _) || plain.TryGetProperty("interleaved", out _) || plain.TryGetProperty("tbScaling", out _));
    }

    [Fact]
    public void Decode_N3Capture_ContradictingCoreset0_NamesOption()
    {
        string capture = VectorCases.RequireFile(N3Capture);
        (int exitCode, string output) = CliRunner.Run("decode", capture, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", "--ssb-arfcn", "368410", "--coreset0-index", "7");

        Assert.Equal(1, exitCode);
        Assert.Contains("--coreset0-index 7 contradicts", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Pcap_TsharkFindsSib1AsBcchDlSch()
    {
        string capture = VectorCases.RequireFile(N3Capture);
        string pcap = Path.Combine(_directory, "sib1.pcap");
        (int exitCode, string output) = CliRunner.Run("decode", capture, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", "--pcap", pcap);
        Assert.True(exitCode == 0, output);
        Assert.True(new FileInfo(pcap).Length > 84);

        string? tshark = new[] { "/usr/bin/tshark", "/usr/local/bin/tshark" }.FirstOrDefault(File.Exists);
        if (tshark is null)
        {
            Assert.Skip("tshark is not installed (Debian package tshark); the pcap was written but not dissected.");
        }

        var start = new ProcessStartInfo(tshark, ["-r", pcap, "--enable-heuristic", "mac_nr_udp", "-V"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.Contains("BCCH-DL-SCH-Message", text, StringComparison.Ordinal);
        Assert.Contains("trackingAreaCode: 000064", text, StringComparison.Ordinal);
        Assert.Contains("mcc: 3 items", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--coreset rb-count: 7 is not valid; valid: a multiple of 6, 6..270", "--coreset", "rb-count=7", "--rnti", "0x4601")]
    [InlineData("--coreset duration: 4 is not valid; valid: 1..3", "--coreset", "rb-start=0,rb-count=12,duration=4", "--rnti", "0x4601")]
    [InlineData("--coreset shift: 300 is not valid; valid: 0..274", "--coreset", "rb-count=12,interleaved=true,reg-bundle=6,interleaver-size=2,shift=300", "--rnti", "0x4601")]
    [InlineData("--search-space ue needs --coreset", "--search-space", "ue", "--rnti", "0x4601")]
    [InlineData("--coreset: give the RNTIs to search on it with --rnti", "--coreset", "rb-count=12")]
    [InlineData("--coreset needs the carrier its RBs count in: give --dl-arfcn and --prb", "--coreset", "rb-count=12", "--rnti", "0x4601")]
    public void Decode_CoresetOrSearchSpaceError_ExitsTwoNamingTheKeyAndRange(string expected, params string[] options)
    {
        string recording = Path.Combine(_directory, "noise.cf32");
        File.WriteAllBytes(recording, new byte[8 * 15_360]);
        (int exitCode, string output) = CliRunner.Run(["decode", recording, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", .. options]);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongSampleRate_ExitsTwoNamingOption()
    {
        string file = Path.Combine(_directory, "x.cf32");
        File.WriteAllBytes(file, new byte[8 * 20000]);
        (int exitCode, string output) = CliRunner.Run("decode", file, "--format", "cf32", "--sample-rate", "15e6", "--center-frequency", "1842.5e6");
        Assert.Equal(2, exitCode);
        Assert.Contains("--sample-rate", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TooShort_ExitsTwoSayingSsbPeriod()
    {
        string file = Path.Combine(_directory, "short.cf32");
        File.WriteAllBytes(file, new byte[8 * 1000]);
        (int exitCode, string output) = CliRunner.Run("decode", file, "--format", "cf32", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6");
        Assert.Equal(2, exitCode);
        Assert.Contains("SSB period", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Silence_ExitsOneNoCell()
    {
        string file = Path.Combine(_directory, "silence.cs8");
        File.WriteAllBytes(file, new byte[2 * 15360 * 3]);
        (int exitCode, string output) = CliRunner.Run("decode", file, "--format", "cs8", "--sample-rate", "15.36e6", "--center-frequency", "1842.5e6", "--ssb-frequency", "1842.05e6");
        Assert.Equal(1, exitCode);
        Assert.Contains("no SS/PBCH block", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RawWithoutFormat_ExitsTwo()
    {
        string file = Path.Combine(_directory, "y.bin");
        File.WriteAllBytes(file, new byte[64]);
        (int exitCode, string output) = CliRunner.Run("decode", file);
        Assert.Equal(2, exitCode);
        Assert.Contains("--format", output, StringComparison.Ordinal);
    }
}
