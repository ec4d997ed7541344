using BenchmarkDotNet.Attributes;
using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Benchmarks.Simulation;

/// <summary>
/// One simulated slot of the TS 38.104 G-FR1-A3-10 test (20 MHz, 15 kHz, 106 PRBs, QPSK R = 193/1024, 1 Tx × 2 Rx,
/// TDLB100-400, estimated channel) and of G-FR1-A5-10 on TDLA30-10: UL-SCH encoding, PUSCH modulation, OFDM, channel,
/// OFDM demodulation, channel estimation, equalization, demapping and LDPC decoding. Inverse of the time = slots per
/// second per core. Must allocate nothing.
/// </summary>
[BenchmarkCategory(Categories.Chain, Categories.Simulation)]
public class LinkSlotBenchmarks
{
    private SharedChannelLinkSimulator _simulator = null!;
    private int _slot;

    [Params("G-FR1-A3-10", "G-FR1-A5-10")]
    public string Preset { get; set; } = "G-FR1-A3-10";

    [GlobalSetup]
    public void Setup()
    {
        var options = new LinkSimulationOptions { RxAntennas = 2, Threads = 1 };
        options.ApplyPreset(Ts38104AnnexA.Find(Preset));
        options.Propagation = Preset == "G-FR1-A3-10" ? "TDLB100-400" : "TDLA30-10";
        options.SnrDb = [Preset == "G-FR1-A3-10" ? -2.1 : 12.4];
        var setup = LinkSetup.Create(options);
        _simulator = new SharedChannelLinkSimulator(setup);
        _simulator.Run(new WorkUnit(0, options.SnrDb[0], 0, 2, 1));
    }

    [Benchmark]
    public bool Slot()
    {
        _slot++;
        return _simulator.Transmit(_slot, _slot % 16, 0, newData: true);
    }
}
