using System;
using System.Text.Json;

namespace OpenRan.Cli.Tests.Commands;

public class FreqCommandTests
{
    [Fact]
    public void Freq_N3Carrier_PrintsPlanWithKssb()
    {
        (int exitCode, string output) = CliRunner.Run("freq", "--band", "n3", "--arfcn", "368500", "--bandwidth-mhz", "10", "--scs-khz", "15", "--ssb-arfcn", "368410", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(6, doc.RootElement.GetProperty("kSsb").GetInt32());
        Assert.Equal(13, doc.RootElement.GetProperty("offsetToPointA").GetInt32());
        Assert.Equal(367564, doc.RootElement.GetProperty("pointAArfcn").GetInt32());
    }

    [Fact]
    public void Freq_N78OddRbCount_RasterPointIsTheCarrierCentre()
    {
        // TS 38.104 Table 5.4.2.2-1: 273 RB is odd, so NR-ARFCN 632628 (3489.420 MHz) is k = 6 of PRB 136, the carrier centre.
        (int exitCode, string output) = CliRunner.Run("freq", "--band", "n78", "--arfcn", "632628", "--bandwidth-mhz", "100", "--scs-khz", "30", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        Assert.Equal(3489.42e6, root.GetProperty("downlinkFrequencyHz").GetDouble(), 1e-3);
        Assert.Equal(3489.42e6, root.GetProperty("ofdmCenterFrequencyHz").GetDouble(), 1e-3);
        Assert.Equal(3489.42e6 - (1638 * 30e3), root.GetProperty("pointAFrequencyHz").GetDouble(), 1e-3);
        Assert.Equal(136, root.GetProperty("rasterResourceBlock").GetInt32());
        Assert.Equal(6, root.GetProperty("rasterSubcarrier").GetInt32());
    }

    [Fact]
    public void Freq_ArfcnOutsideBand_ExitsTwoWithReason()
    {
        (int exitCode, string output) = CliRunner.Run("freq", "--band", "n78", "--frequency-mhz", "3000", "--bandwidth-mhz", "100", "--scs-khz", "30");
        Assert.Equal(2, exitCode);
        Assert.Contains("outside band n78", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Freq_GscnOffRaster_ExitsTwoWithReason()
    {
        (int exitCode, string output) = CliRunner.Run("freq", "--band", "n78", "--arfcn", "632628", "--bandwidth-mhz", "100", "--scs-khz", "30", "--gscn", "7700");
        Assert.Equal(2, exitCode);
        Assert.Contains("synchronization raster", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Freq_BandOnly_PrintsRasters()
    {
        (int exitCode, string output) = CliRunner.Run("freq", "--band", "n78");
        Assert.Equal(0, exitCode);
        Assert.Contains("n78 (FR1, TDD)", output, StringComparison.Ordinal); // spec spelling, not enum names
        Assert.Contains("7711", output, StringComparison.Ordinal);
        Assert.Contains("620000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Freq_GscnOnly_PrintsSsRef()
    {
        (int exitCode, string output) = CliRunner.Run("freq", "--gscn", "7855");
        Assert.Equal(0, exitCode);
        Assert.Contains("3512.640 MHz", output, StringComparison.Ordinal);
    }
}
