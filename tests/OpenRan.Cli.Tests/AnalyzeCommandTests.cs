using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using OpenRan.Conformance;
using OpenRan.Conformance.Formats;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Measurement;

namespace OpenRan.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-analyze-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void GeneratedRecording_AnalyzesWithoutOptions_EvmZero_AndWritesThePlot()
    {
        string recording = PathOf("tm31a");
        (int exitCode, string text) = CliRunner.Run("generate", "tm", "--model", "TM3.1a", "--bandwidth-mhz", "10", "--scs-khz", "30", "--duplex", "tdd", "--frames", "2",
            "--frequency-mhz", "3500", "--format", "ci16", "-o", recording);
        Assert.True(exitCode == 0, text);
        string png = PathOf("tm31a.png");
        (exitCode, text) = CliRunner.Run("analyze", recording, "--json", "--plot", png, "--check");
        Assert.True(exitCode == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement r = doc.RootElement;
        Assert.Equal(0, r.GetProperty("frameStartSample").GetInt64());
        Assert.InRange(Math.Abs(r.GetProperty("frequencyErrorHz").GetDouble()), 0, 0.5);
        // ci16 at −15 dBFS: quantisation alone, far below the 3.5 % 256QAM limit.
        Assert.InRange(r.GetProperty("evmPercent").GetDouble(), 0, 0.1);
        JsonElement evm = Assert.Single(r.GetProperty("evm").EnumerateArray());
        Assert.Equal("256QAM", evm.GetProperty("modulation").GetString());
        Assert.Equal(24, r.GetProperty("evmPerRbPercent").GetArrayLength());
        Assert.True(new FileInfo(png).Length > 10_000);
    }

    [Fact]
    public void RawImpairedRecording_EvmMatchesTheSnr_AndFrequencyErrorTheCfo()
    {
        DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(NrTestModel.Tm3_2, 10, 15, DuplexMode.Fdd);
        var source = new Simulation.Waveforms.DownlinkWaveformSource(tm);
        var x = new System.Collections.Generic.List<ComplexF32>();
        for (int s = 0; s < 10; s++)
        {
            x.AddRange(source.NextSlot()[0].ToArray());
        }

        ComplexF32[] samples = [.. x];
        const double SnrDb = 28;
        new CarrierFrequencyOffset(-321.25, source.SampleRateHz).Apply(samples, 1, 0);
        new AdditiveWhiteGaussianNoise(seed: 5) { NoiseVariance = Math.Pow(10, -SnrDb / 10) / tm.Carrier.Timing().FftSize }.Apply(samples);
        string raw = PathOf("capture.cf32");
        File.WriteAllBytes(raw, MemoryMarshal.AsBytes(samples.AsSpan()).ToArray());

        (int exitCode, string text) = CliRunner.Run("analyze", raw, "--format", "cf32", "--sample-rate", source.SampleRateHz.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--model", "NR-FR1-TM3.2", "--bandwidth-mhz", "10", "--scs-khz", "15", "--json");
        Assert.True(exitCode == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement r = doc.RootElement;
        Assert.InRange(r.GetProperty("frequencyErrorHz").GetDouble(), -323.25, -319.25);
        // TM3.2: 16QAM target PRBs at −3 dB and QPSK balance at +x dB; the EVM of each relative to its own power is
        // 1/√SNR_RE scaled by the de-boost (×√2 for the −3 dB 16QAM, less for the boosted QPSK).
        double expected = 100 * Math.Pow(10, -SnrDb / 20);
        foreach (JsonElement e in r.GetProperty("evm").EnumerateArray())
        {
            double scale = e.GetProperty("bitsPerSymbol").GetInt32() == 4 ? Math.Sqrt(2) : 1;
            Assert.InRange(e.GetProperty("evmPercent").GetDouble(), 0.85 * expected * (scale == 1 ? 0.8 : scale), 1.1 * expected * scale);
        }
    }

    /// <summary>The README's lab workflow with the file radio: generate to a radio, capture, analyze.</summary>
    [Fact]
    public void LabWorkflow_GenerateToRadio_Capture_Analyze()
    {
        string air = PathOf("air");
        (int exitCode, string text) = CliRunner.Run("generate", "tm", "--model", "NR-FR1-TM3.1", "--bandwidth-mhz", "5", "--scs-khz", "15", "--frames", "2",
            "--frequency-mhz", "3500", "--format", "ci16", "--driver", "file", "--args", $"tx={air},datatype=ci16_le");
        Assert.True(exitCode == 0, text);
        string capture = PathOf("cap");
        (exitCode, text) = CliRunner.Run("radio", "capture", "--driver", "file", "--args", $"rx={air}", "--freq", "3.5e9", "--samples", "100000",
            "--datatype", "ci16_le", "-o", capture);
        Assert.True(exitCode == 0, text);
        (exitCode, text) = CliRunner.Run("analyze", capture, "--model", "TM3.1", "--bandwidth-mhz", "5", "--scs-khz", "15", "--check", "--json");
        Assert.True(exitCode == 0, text);
        using JsonDocument doc = JsonDocument.Parse(text);
        Assert.InRange(doc.RootElement.GetProperty("evmPercent").GetDouble(), 0, 0.1);
        // The capture's core:frequency (3.5 GHz) is f0 of the phase compensation, as generate used it, and the ppm base.
        Assert.InRange(doc.RootElement.GetProperty("frequencyErrorPpm").GetDouble(), -1e-3, 1e-3);
    }

    [Fact]
    public void BadOptions_ExitTwoNamingThem()
    {
        (int exitCode, string output) = CliRunner.Run("analyze", PathOf("missing.cf32"), "--format", "cf32");
        Assert.Equal(2, exitCode);
        Assert.Contains("--sample-rate", output, StringComparison.Ordinal);
        (exitCode, output) = CliRunner.Run("analyze", PathOf("missing"), "--model", "TM3.1", "--scs-khz", "45");
        Assert.Equal(2, exitCode);
        Assert.Contains("--scs-khz", output, StringComparison.Ordinal);
        File.WriteAllBytes(PathOf("raw.cf32"), new byte[8 * 100_000]);
        (exitCode, output) = CliRunner.Run("analyze", PathOf("raw.cf32"), "--format", "cf32", "--sample-rate", "15.36e6");
        Assert.Equal(2, exitCode);
        Assert.Contains("--model", output, StringComparison.Ordinal);
    }

    /// <summary>MATLAB's test-model grids (hNRReferenceWaveformGenerator), OFDM-modulated, analysed against our model: EVM ~ 0.</summary>
    [Fact]
    public void MatlabTestModelGrids_AnalyzeWithEvmZero()
    {
        string? folder = VectorRoot.Resolve().FindFolder("py5gphy_matlab/test_models/nr_fr1_tm");
        if (folder is null)
        {
            Assert.Skip("py5gphy_matlab/test_models/nr_fr1_tm is not in the vector root");
        }

        int analysed = 0;
        foreach (string file in Directory.EnumerateFiles(folder, "*.mat").Order())
        {
            MatFile mat = MatFile.Load(file);
            int bw = mat.Numeric("BW").ScalarInt32;
            if (bw > 40)
            {
                continue; // keep the test fast: the wide carriers are checked grid by grid in the test-models conformance category
            }

            DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(
                NrTestModels.Parse(((MatCharArray)mat["dlnrref"]).Text), bw, mat.Numeric("Scs").ScalarInt32,
                ((MatCharArray)mat["dm"]).Text.Equals("TDD", StringComparison.OrdinalIgnoreCase) ? DuplexMode.Tdd : DuplexMode.Fdd,
                mat.Numeric("ncellid").ScalarInt32, NrTestModelData.MatlabPattern);
            Complex[] grid = mat.Numeric("fd_slot_data").ToComplexArray();
            OfdmTiming timing = tm.Carrier.Timing();
            var modulator = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = tm.Carrier.NSizeGrid });
            var slotGrid = new ResourceGrid(1, 14, tm.Carrier.SubcarrierCount);
            slotGrid.Configure(1, 14, tm.Carrier.NSizeGrid, 0);
            int perSlot = 14 * tm.Carrier.SubcarrierCount;
            var waveform = new System.Collections.Generic.List<ComplexF32>();
            for (int s = 0; s * perSlot < grid.Length; s++)
            {
                Span<ComplexF32> port = slotGrid.Port(0);
                for (int i = 0; i < perSlot; i++)
                {
                    Complex v = grid[(s * perSlot) + i];
                    port[i] = new ComplexF32((float)v.Real, (float)v.Imaginary);
                }

                var samples = new ComplexF32[timing.SlotSampleCount(s % tm.Carrier.SlotsPerFrame)];
                modulator.Modulate(slotGrid, 0, s % tm.Carrier.SlotsPerFrame, samples);
                waveform.AddRange(samples);
            }

            DownlinkEvmResult r = new DownlinkEvmAnalyzer(tm, timing.SampleRateHz).Analyze(waveform.ToArray());
            Assert.True(r.EvmPercent < 0.01, $"{Path.GetFileName(file)}: EVM {r.EvmPercent} %");
            Assert.True(Math.Abs(r.FrequencyErrorHz) < 0.5, $"{Path.GetFileName(file)}: frequency error {r.FrequencyErrorHz} Hz");
            Assert.Equal(0, r.FrameStartSample);
            analysed++;
        }

        Assert.True(analysed >= 5, $"{analysed} files analysed");
    }
}
