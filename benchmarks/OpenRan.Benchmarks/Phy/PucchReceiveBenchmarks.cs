using BenchmarkDotNet.Attributes;
using OpenRan.Simulation.Workloads;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// PUCCH reception of one occasion (<see cref="OpenRan.Phy.Upper.Channels.Pucch.PucchReceiver"/>) in a 273-PRB, 30 kHz grid
/// with 1, 2 and 4 receive antennas at 20 dB SNR per RE, the workload of <see cref="PucchWorkloads.Reception"/> (conditions
/// close to srsRAN's <c>pucch_processor_benchmark</c>): format 0 and 1 detection, format 2, 3 and 4 decoding. Steady state
/// allocates 0 B.
/// </summary>
[BenchmarkCategory(Categories.Chain, "Pucch")]
[MedianColumn]
public class PucchReceiveBenchmarks
{
    private PucchReceptionWorkload _workload = null!;

    [Params(0, 1, 2, 3, 4)]
    public int Format { get; set; }

    [Params(1, 2, 4)]
    public int RxAntennas { get; set; } = 1;

    [GlobalSetup]
    public void Setup() => _workload = PucchWorkloads.Reception(Format, RxAntennas);

    [Benchmark]
    public bool Receive() => _workload.Receive();
}
