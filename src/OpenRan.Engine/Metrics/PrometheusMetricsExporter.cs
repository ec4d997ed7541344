using System;
using Prometheus;

namespace OpenRan.Engine.Metrics;

/// <summary>
/// <c>--metrics-port N</c>: serves the latest snapshot in the Prometheus text format at <c>http://*:N/metrics</c>
/// (prometheus-net's stand-alone HttpListener server, on a registry of its own) for Grafana.
/// </summary>
public sealed class PrometheusMetricsExporter : IMetricsSink, IDisposable
{
    private readonly MetricServer _server;
    private readonly Gauge _throughput;
    private readonly Gauge _bler;
    private readonly Gauge _sinr;
    private readonly Gauge _evm;
    private readonly Gauge _timing;
    private readonly Gauge _processing;
    private readonly Gauge _late;
    private readonly Gauge _radio;
    private readonly Gauge _slots;
    private readonly Gauge _gc;
    private readonly Gauge _randomAccess;
    private readonly Gauge _harq;

    /// <summary>Starts serving on <paramref name="port"/>.</summary>
    public PrometheusMetricsExporter(int port, string hostname = "+")
    {
        CollectorRegistry registry = Prometheus.Metrics.NewCustomRegistry();
        MetricFactory f = Prometheus.Metrics.WithCustomRegistry(registry);
        _throughput = f.CreateGauge("openran_throughput_mbps", "Throughput of new transport blocks over the last interval.", "direction");
        _bler = f.CreateGauge("openran_bler", "Block error rate over the last interval.", "direction");
        _sinr = f.CreateGauge("openran_ul_sinr_db", "Mean PUSCH SINR over the last interval.");
        _evm = f.CreateGauge("openran_ul_evm_percent", "Mean PUSCH EVM over the last interval.");
        _timing = f.CreateGauge("openran_ul_timing_offset_us", "Mean PUSCH timing offset over the last interval.");
        _processing = f.CreateGauge("openran_slot_processing_us", "Per-slot processing time over the last interval.", "pipeline", "quantile");
        _late = f.CreateGauge("openran_late_total", "Late work since start.", "kind");
        _radio = f.CreateGauge("openran_radio_events_total", "Radio events since start.", "kind");
        _slots = f.CreateGauge("openran_slots_total", "Slots run since start.");
        _gc = f.CreateGauge("openran_gc_pause_ms_total", "Total GC pause since start.");
        _randomAccess = f.CreateGauge("openran_random_access_total", "Random-access events since start.", "kind");
        _harq = f.CreateGauge("openran_dl_harq_feedback_total", "Downlink HARQ-ACK on PUCCH since start.", "kind");
        _server = new MetricServer(hostname, port, "metrics/", registry);
        _server.Start();
    }

    /// <inheritdoc />
    public void Write(MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _throughput.WithLabels("dl").Set(snapshot.DownlinkMbps);
        _throughput.WithLabels("ul").Set(snapshot.UplinkMbps);
        _bler.WithLabels("dl").Set(snapshot.DownlinkBler);
        _bler.WithLabels("ul").Set(snapshot.UplinkBler);
        _sinr.Set(snapshot.UplinkSinrDb);
        _evm.Set(snapshot.UplinkEvmPercent);
        _timing.Set(snapshot.UplinkTimingMicroseconds);
        Set("dl", snapshot.Downlink);
        Set("ul", snapshot.Uplink);
        Set("overhead", snapshot.Overhead);
        _late.WithLabels("dl").Set(snapshot.DownlinkLate);
        _late.WithLabels("ul").Set(snapshot.UplinkLate);
        _late.WithLabels("shed").Set(snapshot.ShedSlots);
        _radio.WithLabels("late").Set(snapshot.Radio.Late);
        _radio.WithLabels("underflow").Set(snapshot.Radio.Underflow);
        _radio.WithLabels("overflow").Set(snapshot.Radio.Overflow);
        _radio.WithLabels("dropped").Set(snapshot.Radio.Dropped);
        _radio.WithLabels("disconnected").Set(snapshot.Radio.Disconnected);
        _slots.Set(snapshot.Slots);
        _gc.Set(snapshot.GcPauseMilliseconds);
        _randomAccess.WithLabels("rar").Set(snapshot.RandomAccessResponses);
        _randomAccess.WithLabels("msg3_ok").Set(snapshot.Msg3Decoded);
        _randomAccess.WithLabels("msg3_failed").Set(snapshot.Msg3Failed);
        _randomAccess.WithLabels("msg4_acked").Set(snapshot.ContentionResolutions);
        _harq.WithLabels("ack").Set(snapshot.HarqAcks);
        _harq.WithLabels("nack").Set(snapshot.HarqNacks);
        _harq.WithLabels("dtx").Set(snapshot.PucchDtx);
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    private void Set(string pipeline, LatencySummary s)
    {
        _processing.WithLabels(pipeline, "0.5").Set(s.P50Microseconds);
        _processing.WithLabels(pipeline, "0.99").Set(s.P99Microseconds);
        _processing.WithLabels(pipeline, "1").Set(s.MaxMicroseconds);
    }
}
