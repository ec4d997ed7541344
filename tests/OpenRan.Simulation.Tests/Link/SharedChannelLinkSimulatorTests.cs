using OpenRan.Simulation.Configuration;
using OpenRan.Simulation.Link;
using OpenRan.Simulation.Sweeps;
using OpenRan.TestSupport;

namespace OpenRan.Simulation.Tests.Link;

/// <summary>The sample-level PUSCH/PDSCH link: decoding, SNR calibration, HARQ, perfect CSI, determinism, zero allocation.</summary>
public class SharedChannelLinkSimulatorTests
{
    private static LinkSimulationOptions Options(LinkKind link, string propagation, int layers = 1, int rx = 2) => new()
    {
        Link = link,
        SubcarrierSpacingKhz = 30,
        GridPrbs = 24,
        Mcs = 9,
        Layers = layers,
        TxAntennas = layers,
        RxAntennas = rx,
        Propagation = propagation,
        SnrDb = [0],
        MaxSlots = 8,
        BatchSlots = 8,
        HarqProcesses = 4,
        Threads = 1,
    };

    private static LinkCounters RunOne(LinkSimulationOptions options, double snrDb, int slots = 8)
    {
        var setup = LinkSetup.Create(options);
        var simulator = new SharedChannelLinkSimulator(setup);
        return simulator.Run(new WorkUnit(0, snrDb, 0, slots, 12345));
    }

    [Theory]
    [InlineData(LinkKind.Pusch, 1)]
    [InlineData(LinkKind.Pdsch, 1)]
    [InlineData(LinkKind.Pusch, 2)]
    [InlineData(LinkKind.Pdsch, 2)]
    public void Run_HighSnrAwgn_EveryTransportBlockDecodes(LinkKind link, int layers)
    {
        LinkCounters c = RunOne(Options(link, "AWGN", layers), 25);
        Assert.Equal(8, c.Transmissions);
        Assert.Equal(0, c.TransmissionErrors);
        Assert.Equal(c.OfferedBits, c.DecodedBits);
    }

    [Fact]
    public void Run_VeryLowSnr_NothingDecodes()
    {
        LinkCounters c = RunOne(Options(LinkKind.Pusch, "AWGN"), -20);
        Assert.Equal(8, c.TransmissionErrors);
        Assert.Equal(0, c.DecodedBits);
    }

    [Fact]
    public void Run_Awgn10Db_ReceiverMeasuresTheConfiguredPerReSnr()
    {
        // The SNR definition end to end: E_RE on the grid over N_FFT·σ² per sample; the DM-RS estimator measures ≈ 10 dB.
        var setup = LinkSetup.Create(Options(LinkKind.Pusch, "AWGN", rx: 1));
        var simulator = new SharedChannelLinkSimulator(setup);
        simulator.Run(new WorkUnit(0, 10, 0, 4, 1));
        Assert.InRange(simulator.LastChannelEstimate.SnrDb, 9.3, 10.7);
    }

    [Fact]
    public void Run_SameUnitTwice_IdenticalCounts()
    {
        var setup = LinkSetup.Create(Options(LinkKind.Pusch, "TDLB100-400"));
        var simulator = new SharedChannelLinkSimulator(setup);
        var unit = new WorkUnit(0, 2, 3, 8, 77);
        Assert.Equal(simulator.Run(unit), simulator.Run(unit));
        Assert.Equal(simulator.Run(unit), new SharedChannelLinkSimulator(setup).Run(unit));
    }

    [Fact]
    public void Run_FadingHighSnr_PerfectAndEstimatedChannelDecode()
    {
        LinkSimulationOptions estimated = Options(LinkKind.Pusch, "TDLC300-100");
        LinkCounters e = RunOne(estimated, 30);
        estimated.ChannelEstimation = ChannelKnowledge.Perfect;
        LinkCounters p = RunOne(estimated, 30);
        Assert.Equal(0, e.TransmissionErrors);
        Assert.Equal(0, p.TransmissionErrors);
    }

    [Fact]
    public void Run_Harq_RetransmissionsRecoverBlocksThatFailOnce()
    {
        // At an SNR where first transmissions often fail, soft combining over 4 transmissions leaves few residual errors.
        LinkSimulationOptions o = Options(LinkKind.Pusch, "AWGN");
        o.HarqProcesses = 2;
        LinkCounters c = RunOne(o, -1, slots: 40);
        Assert.True(c.TransmissionErrors > 0, "the SNR should make some first transmissions fail");
        Assert.True(c.ResidualErrors < c.TransmissionErrors);
        Assert.True(c.DecodedBits > 0);
    }

    [Fact]
    public void Transmit_SteadyState_AllocatesNothing()
    {
        LinkSimulationOptions o = Options(LinkKind.Pusch, "TDLA30-10");
        o.ChannelEstimation = ChannelKnowledge.Perfect;
        var simulator = new SharedChannelLinkSimulator(LinkSetup.Create(o));
        simulator.Run(new WorkUnit(0, 10, 0, 4, 1));
        int slot = 4;
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            simulator.Transmit(slot, slot % 4, 0, true);
            slot++;
        });
    }

    [Fact]
    public void Setup_GFr1A3_10_TransportBlockAndCodewordFromTheSpecFormulas()
    {
        // 106 PRBs × 12 data symbols × 12 subcarriers (DM-RS symbols 2 and 11 carry no data with 2 CDM groups), QPSK,
        // R = 193/1024: N_RE = 15264, G = 30528, TBS by TS 38.214 §6.1.4.2 = 5768 (two code blocks, R ≤ 1/4).
        var o = new LinkSimulationOptions { Propagation = "TDLB100-400" };
        o.ApplyPreset(Ts38104AnnexA.Find("G-FR1-A3-10"));
        var setup = LinkSetup.Create(o);
        Assert.Equal(24, setup.DmrsResourceElementsPerPrb);
        Assert.Equal(30528, setup.CodewordLength);
        Assert.Equal(5768, setup.TransportBlockSize);
        Assert.Equal(2048, setup.Ofdm.Timing.FftSize);
        Assert.Equal(1.0, setup.ResourceElementEnergy, 3);
        Assert.Equal("-2.1", setup.Plan().Description[OpenRan.Simulation.Reporting.RequirementComparison.RequirementKey]);
    }
}
