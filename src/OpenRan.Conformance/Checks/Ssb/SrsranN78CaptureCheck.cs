using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// Cell search on a real over-the-air capture with unknown timing (<c>srsran_4g/iq/n78.fo35028.fs4608M.data</c>, AGPL data
/// read from the vector root, never copied; README §2.2): 10 ms at 46.08 Msps centred at 3502.8 MHz from a band n78 TDD
/// cell whose SS/PBCH block (30 kHz, case C, L_max = 8, TS 38.213 §4.1) is centred at 3512.64 MHz. <see cref="SsbTimeSearch"/>
/// mixes the block to DC, finds the PSS in time (TS 38.211 §7.4.2.2) and demodulates the block with an FFT of 1536 points;
/// then SSS → PCI (§7.4.2.3) and PBCH → MIB (TS 38.212 §7.1). Everything must agree with srsRAN's <c>ssb_file_test</c>
/// decode in <c>srsran_4g/expected/expected.json</c>: PCI, the PSS useful part within ±2 samples of srsRAN's block start
/// plus N_CP (108 samples), PBCH CRC, the 24-bit MIB payload and its fields, block index and half frame.
/// </summary>
public sealed class SrsranN78CaptureCheck : IConformanceCheck
{
    private const string FileName = "n78.fo35028.fs4608M.data";
    private const int TimingToleranceSamples = 2;

    /// <inheritdoc />
    public string Category => "srsran-capture-n78";

    /// <inheritdoc />
    public string Description => "real band n78 capture, timing unknown: time-domain PSS search, SSB demodulation at FFT 1536, SSS/PCI, PBCH/MIB vs srsRAN";

    /// <inheritdoc />
    public string RelativeFolder => "srsran_4g/iq";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, FileName);

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string expectedPath = SrsranCaptureData.ExpectedPath(caseId);
        if (!File.Exists(expectedPath))
        {
            return CaseResult.Skip($"{expectedPath} not found");
        }

        using JsonDocument expectedJson = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        JsonElement expected = expectedJson.RootElement.GetProperty(Path.GetFileName(caseId));
        double sampleRateHz = expected.GetProperty("sample_rate_hz").GetDouble();
        double ssbCenterHz = expected.GetProperty("ssb_center_freq_hz").GetDouble();
        SsbCase ssbCase = Enum.Parse<SsbCase>(expected.GetProperty("ssb_pattern").GetString()!);
        int lMax = SsbBlockPattern.MaxBlockCount(ssbCase, ssbCenterHz, pairedSpectrum: expected.GetProperty("duplex").GetString() == "FDD");
        int expectedPci = expected.GetProperty("pci").GetInt32();

        ComplexF32[] samples = SrsranCaptureData.ReadSamples(caseId);
        if (samples.Length != expected.GetProperty("num_samples").GetInt32())
        {
            return CaseResult.Fail($"{samples.Length} samples in the file, expected.json says {expected.GetProperty("num_samples").GetInt32()}");
        }

        var stopwatch = Stopwatch.StartNew();
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration
        {
            SampleRateHz = sampleRateHz,
            SubcarrierSpacingKhz = expected.GetProperty("ssb_scs_khz").GetInt32(),
            SsbFrequencyOffsetHz = ssbCenterHz - expected.GetProperty("center_freq_hz").GetDouble(),
            SsbCenterFrequencyHz = ssbCenterHz,
        });
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        SsbTimeSearchResult found = search.Search(samples, grid);
        CellIdentity cell = new CellIdentityDetector().Detect(grid, 0, 0, 0);
        PbchReceiveResult pbch = new PbchReceiver().Receive(grid, 0, 0, 0, cell.NIdCell, lMax);
        stopwatch.Stop();

        // srsRAN reports the block start including the PSS symbol's cyclic prefix.
        int expectedUsefulStart = expected.GetProperty("t_offset_samples").GetInt32() + found.CyclicPrefixSamples;
        string where = FormattableString.Invariant($"PSS N_ID^(2) {found.NId2} at sample {found.PssUsefulPartStartSample} (srsRAN {expectedUsefulStart}), metric {found.PssMetric:F3}");
        if (!found.Detected || Math.Abs(found.PssUsefulPartStartSample - expectedUsefulStart) > TimingToleranceSamples)
        {
            return CaseResult.Fail($"{where}: {(found.Detected ? "timing off by more than ±2 samples" : "below the detection threshold")}");
        }

        if (cell.NIdCell != expectedPci || found.NId2 != expectedPci % 3 || !pbch.CrcPassed || pbch.Mib is not Mib mib)
        {
            return CaseResult.Fail(FormattableString.Invariant($"{where}; cell {cell.NIdCell} (PSS {cell.PssMetric:F2}, SSS {cell.SssMetric:F2}), expected {expectedPci}; PBCH CRC {pbch.CrcPassed}"));
        }

        string? mismatch = SrsranCaptureData.MibDifference(expected, mib, pbch);
        return mismatch is not null
            ? CaseResult.Fail($"MIB differs from srsRAN's: {mismatch}")
            : CaseResult.Pass(FormattableString.Invariant(
                $"PCI {cell.NIdCell}, {where}, residual CFO {found.ResidualFrequencyOffsetHz:F0} Hz; SFN {mib.SystemFrameNumber}, k_SSB {mib.SsbSubcarrierOffset}, block {pbch.SsbIndex}; search and decode {stopwatch.Elapsed.TotalMilliseconds:F0} ms"));
    }
}
