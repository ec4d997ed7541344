using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using OpenRan.Engine.Capture;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Tests.Capture;

public sealed class MacNrPcapWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("openran-pcap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_DownlinkDataPdu_HasThePcapAndMacNrFramingOfWiresharksDissector()
    {
        string path = Path.Combine(_directory, "dl.pcap");
        var pdu = new byte[64];
        MacPdu.WriteDownlinkData(pdu, 33, 7);
        using (var writer = new MacNrPcapWriter(File.Create(path), tdd: false))
        {
            writer.Write(1_700_000_000_000_000, MacNrDirection.Downlink, RntiType.CRnti, 0x4601, 5, 321, 7, pdu);
        }

        byte[] file = File.ReadAllBytes(path);
        Assert.Equal(0xA1B2C3D4u, BinaryPrimitives.ReadUInt32LittleEndian(file));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20)));
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24 + 8));
        Assert.Equal(file.Length - 40, length);
        ReadOnlySpan<byte> udpPayload = file.AsSpan(40 + 14 + 20 + 8);
        Assert.True(udpPayload.StartsWith("mac-nr"u8));
        // radio type FDD, downlink, C-RNTI; RNTI tag; HARQ tag; SFN/slot tag; payload tag.
        Assert.Equal(new byte[] { 1, 1, 3, 0x02, 0x46, 0x01, 0x06, 5, 0x07, 0x01, 0x41, 0x00, 0x07, 0x01 }, udpPayload.Slice(6, 14).ToArray());
        Assert.Equal(pdu, udpPayload[20..].ToArray());
    }

    [Fact]
    public void Write_ReadByTshark_DecodesTheRntiTheTimingAdvanceCommandAndTheSdu()
    {
        string? tshark = FindTshark();
        Assert.SkipWhen(tshark is null, "tshark is not installed (Debian package tshark, listed in .ci/apt-packages)");
        string path = Path.Combine(_directory, "ta.pcap");
        var pdu = new byte[64];
        MacPdu.WriteDownlinkData(pdu, 33, 7);
        using (var writer = new MacNrPcapWriter(File.Create(path), tdd: true))
        {
            writer.Write(1_700_000_000_000_000, MacNrDirection.Downlink, RntiType.CRnti, 0x4601, 5, 321, 7, pdu);
        }

        string output = Run(tshark!, $"-r {path} --enable-heuristic mac_nr_udp -V");
        Assert.Contains("RNTI: 0x4601", output, StringComparison.Ordinal);
        Assert.Contains("Timing Advance", output, StringComparison.Ordinal);
        Assert.Contains("LCID: 4", output, StringComparison.Ordinal);
        Assert.Contains("321", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Malformed", output, StringComparison.Ordinal);
    }

    internal static string? FindTshark()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            string candidate = Path.Combine(dir, "tshark");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    internal static string Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
