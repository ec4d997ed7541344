using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;

namespace OpenRan.Benchmarks.Simulation;

/// <summary>
/// The propagation channel applied to one slot at 20 MHz / 15 kHz (FFT 2048, 30.72 Msps: 30 720 samples), 1 Tx × 2 Rx,
/// for the three TS 38.104 profiles of the PUSCH requirements, plus AWGN alone. Real-time budget: 1 ms per slot.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Simulation)]
public class PropagationChannelBenchmarks
{
    private const double SampleRateHz = 30.72e6;
    private const int SlotSamples = 30_720;
    private LinkChannel _channel = null!;
    private ComplexF32[] _transmitted = [];
    private ComplexF32[] _received = [];

    [Params("AWGN", "TDLA30-10", "TDLB100-400", "TDLC300-100")]
    public string Propagation { get; set; } = "AWGN";

    [GlobalSetup]
    public void Setup()
    {
        _channel = new LinkChannel(PropagationConditions.Parse(Propagation), SampleRateHz, 1, 2, LinkDirection.Uplink) { NoiseVariance = 0.01 };
        _channel.Reset(1, 2);
        _transmitted = new ComplexF32[SlotSamples];
        _received = new ComplexF32[2 * SlotSamples];
        new ComplexGaussianSource(3).Generate(_transmitted, 1);
    }

    [Benchmark]
    public ComplexF32 Slot()
    {
        _channel.Process(_transmitted, _received, SlotSamples);
        return _received[0];
    }
}
