using BenchmarkDotNet.Attributes;
using OpenRan.Simulation.Workloads;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// PRACH detection of one occasion from time-domain samples (<see cref="OpenRan.Phy.Upper.Channels.Prach.PrachDetector"/>),
/// srsRAN <c>prach_detector_benchmark</c> conditions where they apply: formats 0 and B4 (30 kHz), 1/2/4 receive antennas,
/// zeroCorrelationZoneConfig 0/1 (format 0: N_CS 0 → 64 roots, N_CS 13 → 1 root) and 0/14 (B4: 64 roots, N_CS 46 → 3 roots).
/// Our figure includes the N_RA-point FFT of each antenna's samples (srsRAN starts from the demodulated PRACH buffer).
/// </summary>
[BenchmarkCategory(Categories.Chain, "Prach")]
public class PrachDetectorBenchmarks
{
    private PrachDetectionWorkload _workload = null!;

    [Params("0", "B4")]
    public string Format { get; set; } = "0";

    [Params(1, 2, 4)]
    public int RxAntennas { get; set; } = 1;

    [Params(0, 1)]
    public int ZoneIndex { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int zcz = Format == "0" ? (ZoneIndex == 0 ? 0 : 1) : (ZoneIndex == 0 ? 0 : 14);
        _workload = PrachWorkloads.Detection(Format, RxAntennas, zcz);
        _workload.Detect();
    }

    [Benchmark]
    public int Detect() => _workload.Detect();
}
