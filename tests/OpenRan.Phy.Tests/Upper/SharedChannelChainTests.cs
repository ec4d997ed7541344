using System;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper;

/// <summary>Transport block → processor → synthetic channel → receiver → transport block.</summary>
public class SharedChannelChainTests
{
    private const double Scs = 30e3;

    private static readonly PdschConfiguration s_pdsch = new()
    {
        Numerology = 1,
        NSizeGrid = 51,
        NSizeBwp = 51,
        PrbSet = [.. Enumerable.Range(0, 51)],
        Modulation = ModulationScheme.Qam64,
        TargetCodeRate = 567.0 / 1024,
        LayerCount = 2,
        NRnti = 0x4601,
        NId = 10,
        Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0, 1], ScramblingId0 = 10, ScramblingId1 = 10 },
        LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSize.ForLimitedBufferRateMatching(4, 8, TransportBlockSize.LimitedBufferPrbCount(51))),
    };

    [Fact]
    public void TransportBlockSize_FollowsTs38214_FromTheAllocation()
    {
        // 52 PRB × 14 symbols, 3 DM-RS symbols of type 1 with 2 CDM groups without data: N'_RE = 168 − 36 = 132,
        // N_info = 6864 · 526/1024 · 2 = 7052.1, n = 7, N'_info = 128 · round(7028.1/128) = 7040, C = 1: TBS = 7040.
        var configuration = new PdschConfiguration { Dmrs = new DmrsConfiguration { Ports = [0] } };
        Assert.Equal(7040, new SharedChannelTransmitter(1).TransportBlockSize(configuration));
        Assert.Equal(1234, new SharedChannelTransmitter(1).TransportBlockSize(configuration with { TransportBlockSize = 1234 }));
    }

    [Theory]
    [InlineData(2, 2, 24)]
    [InlineData(1, 1, 20)]
    public void Pdsch_MultipathChannel_DecodesTheTransportBlock(int layers, int rx, double snrDb)
    {
        PdschConfiguration configuration = s_pdsch with { LayerCount = layers, Dmrs = s_pdsch.Dmrs with { Ports = [.. Enumerable.Range(0, layers)] } };
        var processor = new SharedChannelTransmitter();
        var receiver = new SharedChannelReceiver(rx, layers);
        byte[] block = SharedChannelLoopbackTests.RandomBits(processor.TransportBlockSize(configuration), 9);
        var grid = new ResourceGrid(layers, 14, 51 * 12);
        processor.Process(configuration, block, 0, 3, grid);
        var received = new ResourceGrid(rx, 14, 51 * 12);
        SyntheticChannel.Benign(rx, layers, seed: 4, timingOffsetSeconds: 0.1e-6).Apply(grid, received, Scs, Math.Pow(10, -snrDb / 10), seed: 5);
        var decoded = new byte[block.Length];
        SharedChannelReceiveResult result = receiver.Receive(configuration, received, 3, 0, receiver.CreateSoftBuffer(configuration), true, decoded);
        Assert.True(result.CrcPassed, result.ToString());
        Assert.Equal(block, decoded);
        Assert.InRange(result.MaxIterations, 1, LdpcDecoderOptions.Default.MaxIterations);
        Assert.InRange(result.Measurements.SinrDb, snrDb - 6, snrDb + 6);
    }

    [Fact]
    public void Pusch_Retransmission_CombinesInTheSoftBuffer()
    {
        var configuration = new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 24,
            NSizeBwp = 24,
            PrbSet = [.. Enumerable.Range(0, 24)],
            Modulation = ModulationScheme.Qam16,
            TargetCodeRate = 658.0 / 1024,
            AntennaPortCount = 2,
            LayerCount = 1,
            TransmissionScheme = PuschTransmissionScheme.Codebook,
            Tpmi = 2,
            Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 3, ScramblingId1 = 3 },
        };
        var processor = new SharedChannelTransmitter(1);
        var receiver = new SharedChannelReceiver(2, 1);
        byte[] block = SharedChannelLoopbackTests.RandomBits(processor.TransportBlockSize(configuration), 2);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        var grid = new ResourceGrid(2, 14, 24 * 12);
        var received = new ResourceGrid(2, 14, 24 * 12);
        var decoded = new byte[block.Length];
        SyntheticChannel channel = SyntheticChannel.Benign(2, 2, seed: 1);
        double noise = Math.Pow(10, -6.5 / 10);
        bool[] passed = new bool[2];
        int[] rvs = [0, 2];
        for (int t = 0; t < 2; t++)
        {
            processor.Process(configuration, block, rvs[t], t, grid);
            channel.Apply(grid, received, Scs, noise, seed: 20 + t);
            passed[t] = receiver.Receive(configuration, received, t, rvs[t], buffer, newData: t == 0, decoded).CrcPassed;
        }

        Assert.False(passed[0], "the first transmission alone should not decode at this SNR");
        Assert.True(passed[1], "rv 0 + rv 2 combined should decode");
        Assert.Equal(block, decoded);
    }

    [Fact]
    public void Process_WrongTransportBlockLength_Throws()
    {
        var processor = new SharedChannelTransmitter(2);
        int tbs = processor.TransportBlockSize(s_pdsch);
        Assert.Throws<ArgumentException>(() => processor.Process(s_pdsch, new byte[tbs - 8], 0, 0, new ResourceGrid(2, 14, 51 * 12)));
    }

    [Fact]
    public void Validate_BadCoding_NamesTheProblem()
    {
        Assert.Contains((s_pdsch with { TargetCodeRate = 1.2 }).Validate(), p => p.Contains("TargetCodeRate", StringComparison.Ordinal));
        Assert.Contains((s_pdsch with { OverheadPerPrb = 5 }).Validate(), p => p.Contains("OverheadPerPrb", StringComparison.Ordinal));
        Assert.Contains((s_pdsch with { TransportBlockSize = -1 }).Validate(), p => p.Contains("TransportBlockSize", StringComparison.Ordinal));
        Assert.Contains((s_pdsch with { PrbSet = [0], TransportBlockSize = 1_300_000 }).Validate(), p => p.Contains("code blocks", StringComparison.Ordinal));
        Assert.Contains(new SharedChannelReceiverOptions { LdpcImplementation = "fast" }.Validate(), p => p.Contains("LdpcImplementation", StringComparison.Ordinal));
    }

    [Fact]
    public void ProcessAndReceive_SteadyState_AllocateNothing()
    {
        PdschConfiguration pdsch = s_pdsch with
        {
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 273)],
            Modulation = ModulationScheme.Qam256,
            TargetCodeRate = 948.0 / 1024,
            LayerCount = 1,
            Dmrs = s_pdsch.Dmrs with { Ports = [0] },
        };
        var pusch = new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 273,
            NSizeBwp = 273,
            PrbSet = [.. Enumerable.Range(0, 273)],
            Modulation = ModulationScheme.Qam64,
            TargetCodeRate = 772.0 / 1024,
            Dmrs = new DmrsConfiguration { Ports = [0] },
        };
        var pdschProcessor = new SharedChannelTransmitter(1);
        var pdschReceiver = new SharedChannelReceiver(1, 1);
        var puschProcessor = new SharedChannelTransmitter(1);
        var puschReceiver = new SharedChannelReceiver(1, 1);
        byte[] pdschBlock = SharedChannelLoopbackTests.RandomBits(pdschProcessor.TransportBlockSize(pdsch), 1);
        byte[] puschBlock = SharedChannelLoopbackTests.RandomBits(puschProcessor.TransportBlockSize(pusch), 2);
        var pdschDecoded = new byte[pdschBlock.Length];
        var puschDecoded = new byte[puschBlock.Length];
        SharedChannelSoftBuffer pdschBuffer = pdschReceiver.CreateSoftBuffer(pdsch);
        SharedChannelSoftBuffer puschBuffer = puschReceiver.CreateSoftBuffer(pusch);
        var grid = new ResourceGrid(1, 14, 273 * 12);
        bool ok = true;
        void Slot()
        {
            pdschProcessor.Process(pdsch, pdschBlock, 0, 2, grid);
            ok &= pdschReceiver.Receive(pdsch, grid, 2, 0, pdschBuffer, true, pdschDecoded).CrcPassed;
            puschProcessor.Process(pusch, puschBlock, 0, 2, grid);
            ok &= puschReceiver.Receive(pusch, grid, 2, 0, puschBuffer, true, puschDecoded).CrcPassed;
        }

        AllocationAssert.SteadyStateAllocatesNothing(Slot, warmUpCalls: 2, rounds: 3, callsPerRound: 1);
        Assert.True(ok);
        Assert.Equal(pdschBlock, pdschDecoded);
        Assert.Equal(puschBlock, puschDecoded);
    }
}
