using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Tests.Upper.Channels.Pusch;

/// <summary>
/// UCI on PUSCH (TS 38.212 §6.2.7, §6.3.2) through <see cref="SharedChannelTransmitter"/> and <see cref="SharedChannelReceiver"/>:
/// round trips with and without UL-SCH, with the ≤ 2-bit HARQ-ACK puncturing UL-SCH or CSI part 2, with transform
/// precoding; reception at a stated SNR through <see cref="SyntheticChannel"/>; erasures never reported valid; configuration
/// errors naming the field and its range; 0 B per slot.
/// </summary>
public class PuschUciTests
{
    private static PuschConfiguration Base(PuschUciConfiguration uci, int prbs = 24, ModulationScheme modulation = ModulationScheme.Qpsk) => new()
    {
        Numerology = 1,
        NSizeGrid = 51,
        NSizeBwp = 51,
        NIdCell = 17,
        NId = 17,
        NRnti = 0x4601,
        PrbSet = [.. Enumerable.Range(3, prbs)],
        StartSymbol = 0,
        SymbolCount = 14,
        Modulation = modulation,
        TargetCodeRate = 0.5,
        Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0], ScramblingId0 = 17, ScramblingId1 = 17 },
        Uci = uci,
    };

    public static TheoryData<string, PuschConfiguration> Configurations() => new()
    {
        { "1-bit HARQ-ACK punctures UL-SCH", Base(new PuschUciConfiguration { HarqAckBitCount = 1, BetaOffsetHarqAckIndex = 8 }) },
        { "2-bit HARQ-ACK + CSI 1/2, UL-SCH", Base(new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 7, CsiPart2BitCount = 30, BetaOffsetHarqAckIndex = 9, BetaOffsetCsiPart1Index = 10, BetaOffsetCsiPart2Index = 10, Scaling = 0.65 }, modulation: ModulationScheme.Qam16) },
        { "no HARQ-ACK, reserved elements free, UL-SCH", Base(new PuschUciConfiguration { CsiPart1BitCount = 40, BetaOffsetCsiPart1Index = 5, Scaling = 0.8 }) },
        { "2-bit HARQ-ACK punctures CSI part 2, no UL-SCH", Base(new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 12, CsiPart2BitCount = 60, BetaOffsetHarqAckIndex = 12, BetaOffsetCsiPart1Index = 4, UlschPresent = false }, prbs: 6) },
        { "20-bit HARQ-ACK (polar) + 5-bit CSI, UL-SCH", Base(new PuschUciConfiguration { HarqAckBitCount = 20, CsiPart1BitCount = 5, BetaOffsetHarqAckIndex = 6, BetaOffsetCsiPart1Index = 6, Scaling = 0.5 }) },
        { "transform precoding, π/2-BPSK, 1-bit HARQ-ACK + CSI", Base(new PuschUciConfiguration { HarqAckBitCount = 1, CsiPart1BitCount = 3, CsiPart2BitCount = 2, BetaOffsetHarqAckIndex = 10, BetaOffsetCsiPart1Index = 12, BetaOffsetCsiPart2Index = 12 }, prbs: 12, modulation: ModulationScheme.Pi2Bpsk) with { TransformPrecoding = true, Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0], CdmGroupsWithoutData = 2 }, TargetCodeRate = 0.3 } },
        { "HARQ-ACK only, no UL-SCH, 2 layers", Base(new PuschUciConfiguration { HarqAckBitCount = 6, BetaOffsetHarqAckIndex = 3, UlschPresent = false }) with { LayerCount = 2, AntennaPortCount = 2, Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0, 1], ScramblingId0 = 17, ScramblingId1 = 17 } } },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Receive_NoiselessLoopback_ReturnsEveryPartValid(string name, PuschConfiguration configuration)
    {
        Assert.Empty(configuration.Validate());
        RoundTrip(configuration, snrDb: double.PositiveInfinity, name);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Receive_MultipathAt15Db_ReturnsEveryPartValid(string name, PuschConfiguration configuration) =>
        RoundTrip(configuration, snrDb: 15, name);

    [Fact]
    public void Multiplex_TwoBitHarqAckWithUlsch_PuncturesUlschOnReservedElements()
    {
        PuschConfiguration configuration = Base(new PuschUciConfiguration { HarqAckBitCount = 2, BetaOffsetHarqAckIndex = 8 });
        var transmitter = new SharedChannelTransmitter(1);
        PuschUciMultiplexingPlan plan = transmitter.UciPlan(configuration);
        PuschUciLengths lengths = plan.Lengths;
        Assert.Equal(lengths.HarqAckReserved, lengths.HarqAck); // O_ACK = 2 reserves exactly its own elements
        Assert.Equal(plan.CodewordLength, lengths.Ulsch); // UL-SCH is rate-matched over the reserved elements too
        int punctured = plan.Runs.ToArray().Where(r => r.Punctured == PuschCodewordField.Ulsch).Sum(r => r.BitCount);
        Assert.Equal(lengths.HarqAck, punctured);
        Assert.Equal(plan.CodewordLength, plan.Runs.ToArray().Sum(r => r.BitCount));
    }

    [Fact]
    public void Receive_EmptyGrid_ReportsNoPartValid()
    {
        PuschConfiguration configuration = Base(new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 6, CsiPart2BitCount = 40, BetaOffsetCsiPart1Index = 8, BetaOffsetCsiPart2Index = 8 });
        var receiver = new SharedChannelReceiver(1, 1);
        var message = new PuschUciMessage();
        var decoded = new byte[receiver.TransportBlockSize(configuration)];
        var grid = new ResourceGrid(1, 14, 51 * 12);
        SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 0, 0, receiver.CreateSoftBuffer(configuration), true, decoded, message);
        Assert.Equal(new PuschUciResult(UciPartStatus.Invalid, UciPartStatus.Invalid, UciPartStatus.Invalid), result.Uci);
        Assert.False(result.CrcPassed);
    }

    [Fact]
    public void Receive_NoiseOnly_PartsWithoutCrcAreDtxNotDecoded()
    {
        // Parts without a CRC (A ≤ 11) decide any input; only the DM-RS DTX test (false-alarm target 1e-3 per slot) keeps
        // noise from being reported as UCI. 2000 noise-only slots: at most a handful may pass, never the erased/invalid ones.
        const int Trials = 2000;
        PuschConfiguration configuration = Base(new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 6, BetaOffsetCsiPart1Index = 8, UlschPresent = false }, prbs: 6);
        var receiver = new SharedChannelReceiver(1, 1);
        var message = new PuschUciMessage();
        var grid = new ResourceGrid(1, 14, 51 * 12);
        var noise = new ComplexGaussianSource(21);
        int dtx = 0, valid = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            for (int symbol = 0; symbol < 14; symbol++)
            {
                noise.Generate(grid.Symbol(0, symbol), 1.0);
            }

            SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 0, 0, receiver.CreateSoftBuffer(configuration), true, [], message);
            dtx += result.Uci.HarqAck == UciPartStatus.Dtx ? 1 : 0;
            valid += result.Uci.HarqAck == UciPartStatus.Valid || result.Uci.CsiPart1 == UciPartStatus.Valid ? 1 : 0;
            Assert.False(result.Uci.AllValid && result.Uci.HarqAck == UciPartStatus.Dtx);
        }

        Assert.True(valid <= 10, $"{valid} of {Trials} noise-only slots reported a UCI part valid (DTX target 1e-3 per slot).");
        // The rest are Invalid (the decision was not unique); without the DTX gate most of them would be reported Valid.
        Assert.True(dtx >= Trials / 2, $"only {dtx} of {Trials} noise-only slots reported the HARQ-ACK as DTX.");
    }

    [Theory]
    [InlineData("BetaOffsetHarqAckIndex", "Uci.BetaOffsetHarqAckIndex = 16; valid: 0..15")]
    [InlineData("BetaOffsetCsiPart1Index", "Uci.BetaOffsetCsiPart1Index = 19; valid: 0..18")]
    [InlineData("BetaOffsetCsiPart2Index", "Uci.BetaOffsetCsiPart2Index = -1; valid: 0..18")]
    [InlineData("Scaling", "Uci.Scaling = 0.7; valid: 0.5, 0.65, 0.8, 1")]
    [InlineData("HarqAckBitCount", "Uci.HarqAckBitCount = 1707; valid: 0..1706")]
    public void Validate_OutOfRangeField_NamesFieldAndRange(string field, string expected)
    {
        var uci = new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 10, CsiPart2BitCount = 10 };
        uci = field switch
        {
            "BetaOffsetHarqAckIndex" => uci with { BetaOffsetHarqAckIndex = 16 },
            "BetaOffsetCsiPart1Index" => uci with { BetaOffsetCsiPart1Index = 19 },
            "BetaOffsetCsiPart2Index" => uci with { BetaOffsetCsiPart2Index = -1 },
            "Scaling" => uci with { Scaling = 0.7 },
            _ => uci with { HarqAckBitCount = 1707 },
        };
        IReadOnlyList<string> problems = Base(uci).Validate();
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => new SharedChannelTransmitter(1).Process(Base(uci), new byte[8], default, 0, 0, new ResourceGrid(1, 14, 51 * 12)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UciTooLargeForResource_NamesFieldAndRange()
    {
        // 600 CSI bits on one PRB: the polar code block (K_r = 611) cannot fit the E_UCI the PUSCH gives it.
        PuschConfiguration configuration = Base(new PuschUciConfiguration { CsiPart1BitCount = 600, BetaOffsetCsiPart1Index = 18 }, prbs: 1);
        string problem = Assert.Single(configuration.Validate(), p => p.Contains("Uci.CsiPart1BitCount = 600", StringComparison.Ordinal));
        Assert.Contains("too large for the resource", problem, StringComparison.Ordinal);
        Assert.Contains("polar coding needs", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UciLeavesNoRoomForUlsch_IsReported()
    {
        // A large HARQ-ACK with the largest β and α = 1 takes every UCI element; the UL-SCH keeps the DM-RS symbols only if
        // CDM groups leave data there, which type A with 2 CDM groups does not.
        PuschConfiguration configuration = Base(new PuschUciConfiguration { HarqAckBitCount = 300, CsiPart1BitCount = 300, BetaOffsetHarqAckIndex = 15, BetaOffsetCsiPart1Index = 18 }, prbs: 2);
        Assert.Contains(configuration.Validate(), p => p.Contains("G_UL-SCH", StringComparison.Ordinal) || p.Contains("too large for the resource", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_And_Receive_SteadyState_AllocateNothing()
    {
        PuschConfiguration configuration = Base(new PuschUciConfiguration { HarqAckBitCount = 2, CsiPart1BitCount = 20, CsiPart2BitCount = 9, BetaOffsetCsiPart1Index = 8, BetaOffsetCsiPart2Index = 8 });
        var transmitter = new SharedChannelTransmitter(1);
        var receiver = new SharedChannelReceiver(1, 1);
        var message = new PuschUciMessage();
        byte[] tb = Bits(transmitter.TransportBlockSize(configuration), 1);
        byte[] ack = [1, 0], csi1 = Bits(20, 2), csi2 = Bits(9, 3);
        var decoded = new byte[tb.Length];
        var grid = new ResourceGrid(1, 14, 51 * 12);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        for (int warm = 0; warm < 2; warm++)
        {
            transmitter.Process(configuration, tb, new PuschUciPayload(ack, csi1, csi2), 0, 1, grid);
            receiver.Receive(configuration, grid, 1, 0, buffer, true, decoded, message);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        transmitter.Process(configuration, tb, new PuschUciPayload(ack, csi1, csi2), 0, 1, grid);
        SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 1, 0, buffer, true, decoded, message);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(result.Uci.AllValid && result.CrcPassed);
    }

    private static void RoundTrip(PuschConfiguration configuration, double snrDb, string name)
    {
        PuschUciConfiguration uci = configuration.Uci!;
        int rx = Math.Max(2, configuration.AntennaPortCount);
        var transmitter = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount);
        byte[] tb = uci.UlschPresent ? Bits(transmitter.TransportBlockSize(configuration), 5) : [];
        byte[] ack = Bits(uci.HarqAckBitCount, 6), csi1 = Bits(uci.CsiPart1BitCount, 7), csi2 = Bits(uci.CsiPart2BitCount, 8);
        var grid = new ResourceGrid(configuration.AntennaPortCount, 14, 51 * 12);
        transmitter.Process(configuration, tb, new PuschUciPayload(ack, csi1, csi2), 0, 4, grid);
        var received = new ResourceGrid(rx, 14, 51 * 12);
        SyntheticChannel channel = SyntheticChannel.Benign(rx, configuration.AntennaPortCount, seed: 9);
        channel.Apply(grid, received, 30e3, double.IsPositiveInfinity(snrDb) ? 0 : Math.Pow(10, -snrDb / 10), seed: 4);
        var message = new PuschUciMessage();
        var decoded = new byte[tb.Length];
        SharedChannelReceiveResult result = receiver.Receive(configuration, received, 4, 0, receiver.CreateSoftBuffer(configuration), true, decoded, message);
        Assert.True(result.Uci.AllValid, $"{name}: {result.Uci} ({result.Measurements})");
        Assert.Equal(ack, message.HarqAck.ToArray());
        Assert.Equal(csi1, message.CsiPart1.ToArray());
        Assert.Equal(csi2, message.CsiPart2.ToArray());
        Assert.Equal(uci.HarqAckBitCount > 0 ? UciPartStatus.Valid : UciPartStatus.Absent, result.Uci.HarqAck);
        if (uci.UlschPresent)
        {
            Assert.True(result.CrcPassed, $"{name}: UL-SCH CRC failed ({result.Measurements})");
            Assert.Equal(tb, decoded);
        }
        else
        {
            Assert.Equal(0, result.Decoding.CodeBlockCount);
        }
    }

    private static byte[] Bits(int count, int seed)
    {
        var random = new Random(seed);
        var bits = new byte[count];
        for (int i = 0; i < count; i++)
        {
            bits[i] = (byte)random.Next(2);
        }

        return bits;
    }
}
