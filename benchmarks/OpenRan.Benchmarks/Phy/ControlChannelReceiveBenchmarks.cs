using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;

using OpenRan.Simulation.Workloads;

namespace OpenRan.Benchmarks.Phy;

/// <summary>PBCH decode of one SS/PBCH block from a noisy grid (0 dB per RE): DM-RS hypothesis search, channel estimation, LLRs, BCH CA-SCL-8. Budget ≤ 30 µs.</summary>
[BenchmarkCategory(Categories.Chain, Categories.Pbch)]
public class PbchReceiveBenchmarks
{
    private ResourceGrid _grid = null!;
    private PbchReceiver _receiver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _grid = ControlChannelWorkloads.SsbGrid(0);
        _receiver = new PbchReceiver();
        _receiver.Receive(_grid, 0, 2, 96, 500, 8);
    }

    [Benchmark]
    public bool DecodePbch() => _receiver.Receive(_grid, 0, 2, 96, 500, 8).CrcPassed;
}

/// <summary>
/// Full blind search of one UE-specific search space ({6, 6, 2, 2, 1} candidates at L = 1..16) in a 48-PRB, 2-symbol
/// CORESET with one DCI at 10 dB per RE, decoding one DCI size (40 bits) for one RNTI with CA-SCL-8. With the default DM-RS
/// gate only candidates carrying energy are decoded; <see cref="DecodeEveryCandidate"/> disables the gate (worst case).
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Pdcch)]
public class PdcchBlindSearchBenchmarks
{
    private ResourceGrid _grid = null!;
    private PdcchSearchRequest _request = null!;
    private PdcchReceiver _receiver = null!;
    private PdcchDetection[] _results = [];
    private readonly ushort[] _rntis = [0x4601];
    private readonly int[] _sizes = [40];

    [Params(false, true)]
    public bool DecodeEveryCandidate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_grid, _request) = ControlChannelWorkloads.PdcchSlot(10);
        _receiver = new PdcchReceiver { DmrsMetricThreshold = DecodeEveryCandidate ? 0f : null };
        _results = [new PdcchDetection(), new PdcchDetection(), new PdcchDetection(), new PdcchDetection()];
        _receiver.Search(_grid, 0, _request, _sizes, _rntis, 1, _results);
    }

    [Benchmark]
    public int BlindSearch() => _receiver.Search(_grid, 0, _request, _sizes, _rntis, 1, _results);
}
