using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// Every real capture in <c>srsran_4g/iq</c> that has an srsRAN decode in <c>srsran_4g/expected/expected.json</c> (AGPL data
/// read from the vector root, never copied; README §2.2-2.4) is run through the UE downlink receiver that
/// <c>openran decode</c> uses, configured only with what the capture's entry gives srsRAN on its command line: sample rate,
/// centre frequency, SS/PBCH block frequency and subcarrier spacing. The receiver must find the cell srsRAN found (PCI), the
/// MIB srsRAN decoded (24-bit payload and fields, block index, half frame) and, when srsRAN decoded a PDSCH, the SI-RNTI DCI
/// 1_0 (aggregation level, CCE, FDRA, TDRA, MCS, RV) and the transport block byte for byte with its CRC passing.
/// </summary>
public sealed class SrsranCaptureCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "srsran-capture";

    /// <inheritdoc />
    public string Description => "real gNB captures through the UE downlink receiver (openran decode): cell search, MIB, CORESET#0, SI-RNTI DCI, SIB1 bytes vs srsRAN";

    /// <inheritdoc />
    public string RelativeFolder => "srsran_4g/iq";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder)
    {
        string expectedPath = SrsranCaptureData.ExpectedPath(Path.Combine(folder, "x"));
        if (!File.Exists(expectedPath))
        {
            return [];
        }

        using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        var names = expected.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("sample_rate_hz", out _)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return ConformanceRunner.FilesIn(folder, "*").Where(f => names.Contains(Path.GetFileName(f))).ToArray();
    }

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string expectedPath = SrsranCaptureData.ExpectedPath(caseId);
        if (!File.Exists(expectedPath))
        {
            return CaseResult.Skip($"{expectedPath} not found");
        }

        using JsonDocument expectedJson = JsonDocument.Parse(File.ReadAllBytes(expectedPath));
        string name = Path.GetFileName(caseId);
        JsonElement entry = expectedJson.RootElement.GetProperty(name);
        JsonElement ssbEntry = expectedJson.RootElement.TryGetProperty(name + " (SSB part)", out JsonElement part) ? part : entry;
        double sampleRateHz = entry.GetProperty("sample_rate_hz").GetDouble();
        double centreHz = Number(ssbEntry, "center_freq_hz") ?? NrArfcn.FrequencyHz(entry.GetProperty("dl_arfcn_center").GetInt32());
        double ssbHz = Number(ssbEntry, "ssb_center_freq_hz") ?? NrArfcn.FrequencyHz(entry.GetProperty("ssb_arfcn").GetInt32());
        int? ssbScs = ssbEntry.TryGetProperty("ssb_scs_khz", out JsonElement s) ? s.GetInt32() : null;
        int expectedPci = ssbEntry.GetProperty("pci").GetInt32();

        ComplexF32[] samples = SrsranCaptureData.ReadSamples(caseId);
        var items = new List<UeDownlinkItem>();
        UeDownlinkSummary summary = new UeDownlinkReceiver(new UeDownlinkConfiguration
        {
            SampleRateHz = sampleRateHz,
            CenterFrequencyHz = centreHz,
            SsbFrequencyHz = ssbHz,
            SsbSubcarrierSpacingKhz = ssbScs,
        }).Decode(samples, items.Add);
        if (!summary.CellFound || summary.Pci != expectedPci)
        {
            return CaseResult.Fail($"cell {summary.Pci} (expected PCI {expectedPci}): {summary.Problem}");
        }

        UeDownlinkItem? mibItem = items.FirstOrDefault(i => i.Kind == UeDownlinkItemKind.Mib);
        if (mibItem?.Mib is not Mib mib)
        {
            return CaseResult.Fail($"PCI {summary.Pci} but no MIB decoded");
        }

        if (ssbEntry.TryGetProperty("mib", out _))
        {
            var pbch = new PbchReceiveResult(true, mib, mibItem.HalfFrame, mibItem.SsbIndex, 0, 0, 0, 0);
            string? mismatch = SrsranCaptureData.MibDifference(ssbEntry, mib, pbch);
            if (mismatch is not null)
            {
                return CaseResult.Fail($"MIB differs from srsRAN's: {mismatch}");
            }
        }

        string cell = FormattableString.Invariant($"PCI {summary.Pci}, SFN {mib.SystemFrameNumber}, k_SSB {mib.SsbSubcarrierOffset}, block {mibItem.SsbIndex}, CFO {mibItem.FrequencyOffsetHz:F0} Hz");
        if (!entry.TryGetProperty("payload_hex", out JsonElement payloadHex))
        {
            return CaseResult.Pass(cell);
        }

        UeDownlinkItem? dciItem = items.FirstOrDefault(i => i.Kind == UeDownlinkItemKind.Dci && i.RntiType == DciRntiType.SiRnti);
        if (dciItem?.Dci is not Dci1_0 dci)
        {
            return CaseResult.Fail($"{cell}; no SI-RNTI DCI in CORESET#0");
        }

        if (entry.TryGetProperty("dci", out JsonElement dciExpected))
        {
            int[] expected =
            [
                1 << Int(dciExpected, "L"),
                Int(dciExpected, "cce"),
                Convert.ToInt32(dciExpected.GetProperty("f_alloc").GetString(), 16),
                Convert.ToInt32(dciExpected.GetProperty("t_alloc").GetString(), 16),
                Int(dciExpected, "mcs"),
                Int(dciExpected, "rv"),
            ];
            int[] actual = [dciItem.AggregationLevel, dciItem.Cce, dci.FrequencyDomainAssignment, dci.TimeDomainAssignment, dci.Mcs, dci.RedundancyVersion];
            string? dciDiff = Compare.FirstDifference<int>(actual, expected, "DCI [L, CCE, FDRA, TDRA, MCS, RV]");
            if (dciDiff is not null)
            {
                return CaseResult.Fail(dciDiff);
            }
        }

        UeDownlinkItem? pdsch = items.FirstOrDefault(i => i.Kind == UeDownlinkItemKind.Pdsch && i.RntiType == DciRntiType.SiRnti);
        if (pdsch?.CrcPassed != true || pdsch.Payload is not byte[] payload)
        {
            return CaseResult.Fail($"{cell}; SI-RNTI PDSCH not decoded ({pdsch?.Detail ?? "CRC failed"})");
        }

        string hex = Convert.ToHexString(payload);
        return string.Equals(hex, payloadHex.GetString(), StringComparison.OrdinalIgnoreCase)
            ? CaseResult.Pass(FormattableString.Invariant($"{cell}; DCI 1_0 SI-RNTI L {dciItem.AggregationLevel} CCE {dciItem.Cce}; PDSCH TBS {pdsch.TransportBlockSize} CRC ok, {payload.Length} bytes equal srsRAN's"))
            : CaseResult.Fail($"{cell}; PDSCH CRC passed but the payload differs from srsRAN's: {hex}");
    }

    private static double? Number(JsonElement element, string name) => element.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int Int(JsonElement element, string name) => int.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
