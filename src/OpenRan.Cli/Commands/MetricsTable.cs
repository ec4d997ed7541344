using System.Globalization;
using OpenRan.Engine.Metrics;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>The live per-second table of <c>openran gnb</c> (and its one-line form for logs).</summary>
internal static class MetricsTable
{
    public static Table Create()
    {
        var table = new Table().Title("openran gnb").AddColumn("metric").AddColumn("value");
        foreach (string row in new[] { "slot", "DL", "UL", "UL link", "PRACH / RAR / Msg3 / Msg4 / SIB1", "CPU per slot (p50/p99/max µs)", "late", "radio", "GC" })
        {
            table.AddRow(row, string.Empty);
        }

        return table;
    }

    public static void Update(Table table, MetricsSnapshot s)
    {
        string[] values = Values(s);
        for (int i = 0; i < values.Length; i++)
        {
            table.UpdateCell(i, 1, Markup.Escape(values[i]));
        }
    }

    public static string Line(MetricsSnapshot s) => string.Join(" | ", Values(s));

    private static string[] Values(MetricsSnapshot s) =>
    [
        F($"{s.Slot} ({s.Slots} slots)"),
        F($"{s.DownlinkMbps:F2} Mbit/s, MCS {s.DownlinkMcs}, BLER {s.DownlinkBler:P1}, retx {s.DownlinkRetransmissions}, ACK/NACK/DTX {s.HarqAcks}/{s.HarqNacks}/{s.PucchDtx}"),
        F($"{s.UplinkMbps:F2} Mbit/s, MCS {s.UplinkMcs}, BLER {s.UplinkBler:P1}, retx {s.UplinkRetransmissions}"),
        F($"SINR {s.UplinkSinrDb:F1} dB, EVM {s.UplinkEvmPercent:F1} %, TA offset {s.UplinkTimingMicroseconds:F2} µs"),
        F($"{s.PrachDetections} / {s.RandomAccessResponses} / {s.Msg3Decoded} ok {s.Msg3Failed} failed / {s.ContentionResolutions} acked / {s.Sib1Transmissions}"),
        F($"DL {s.Downlink.P50Microseconds:F0}/{s.Downlink.P99Microseconds:F0}/{s.Downlink.MaxMicroseconds:F0}, UL {s.Uplink.P50Microseconds:F0}/{s.Uplink.P99Microseconds:F0}/{s.Uplink.MaxMicroseconds:F0}, engine {s.Overhead.P50Microseconds:F0}/{s.Overhead.P99Microseconds:F0}/{s.Overhead.MaxMicroseconds:F0} of {s.SlotBudgetMicroseconds:F0}"),
        F($"DL {s.DownlinkLate}, UL {s.UplinkLate}, shed {s.ShedSlots}"),
        F($"late {s.Radio.Late}, underflow {s.Radio.Underflow}, overflow {s.Radio.Overflow}, dropped {s.Radio.Dropped}, disconnected {s.Radio.Disconnected}"),
        F($"{s.GcCollections} collections, {s.GcPauseMilliseconds:F1} ms pause, engine allocation {s.EngineAllocatedBytes} B"),
    ];

    private static string F(System.FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
