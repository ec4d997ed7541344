using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

/// <summary>
/// Issue 13 for the composed PDSCH and PUSCH receive chains (<see cref="SharedChannelReceiver"/>): 10 000 seeded slots per
/// chain and input kind (all-zero, subnormal, noise only at levels 1e-30..1e4, and noise received alone as redundancy version
/// 1, 2 or 3, whose bit selection may skip the systematic bits), each also with NaN/±∞/±3e38 in 1..all REs, never decode
/// and never throw; silence is DTX and noise passes the DTX test at its false-alarm rate. Small grids (4 PRB) keep the
/// 10 000 trials fast. A transmitted slot with corrupt REs decodes to its own block or fails, and counts the erasures.
/// </summary>
public class SharedChannelReceiverIntegrityTests
{
    private const int Trials = 10_000;
    private const int Prbs = 4;

    public static TheoryData<string, HostileInputKind, bool, bool> Cases()
    {
        var data = new TheoryData<string, HostileInputKind, bool, bool>();
        foreach (string chain in new[] { "pdsch", "pusch-tp", "pusch-2x2" })
        {
            foreach (HostileInputKind kind in Enum.GetValues<HostileInputKind>())
            {
                foreach (bool corrupt in new[] { false, true })
                {
                    data.Add(chain, kind, corrupt, false);
                }
            }

            data.Add(chain, HostileInputKind.NoiseOnly, false, true);
            data.Add(chain, HostileInputKind.NoiseOnly, true, true);
        }

        return data;
    }

    /// <summary>A small configuration of each chain: PDSCH 1×1, PUSCH with transform precoding 1×1, PUSCH 2 layers on 2 antennas.</summary>
    internal static (SharedChannelConfiguration Configuration, int RxPorts) Chain(string chain) => chain switch
    {
        "pdsch" => (new PdschConfiguration
        {
            Numerology = 1, NSizeGrid = Prbs, NSizeBwp = Prbs, PrbSet = [.. Enumerable.Range(0, Prbs)], Modulation = ModulationScheme.Qpsk,
            TargetCodeRate = 0.3, NRnti = 0x4601, NId = 10, Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 10, ScramblingId1 = 10 },
        }, 1),
        "pusch-tp" => (new PuschConfiguration
        {
            Numerology = 1, NSizeGrid = Prbs, NSizeBwp = Prbs, PrbSet = [.. Enumerable.Range(0, Prbs)], Modulation = ModulationScheme.Qpsk,
            TargetCodeRate = 0.3, NRnti = 0x1234, NId = 3, TransformPrecoding = true, Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 3, ScramblingId1 = 3 },
        }, 1),
        _ => (new PuschConfiguration
        {
            Numerology = 1, NSizeGrid = Prbs, NSizeBwp = Prbs, PrbSet = [.. Enumerable.Range(0, Prbs)], Modulation = ModulationScheme.Qam16,
            TargetCodeRate = 0.4, NRnti = 0x77, NId = 5, AntennaPortCount = 2, LayerCount = 2,
            Dmrs = new DmrsConfiguration { Ports = [0, 1], AdditionalPosition = 1, ScramblingId0 = 5, ScramblingId1 = 5 },
        }, 2),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Receive_HostileGrid_NeverDecodes(string chain, HostileInputKind kind, bool corrupt, bool erasedSystematic)
    {
        (SharedChannelConfiguration configuration, int rx) = Chain(chain);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount, new SharedChannelReceiverOptions { Ldpc = new LdpcDecoderOptions(maxIterations: 6) });
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        var grid = new ResourceGrid(rx, 14, Prbs * 12);
        var block = new byte[receiver.TransportBlockSize(configuration)];
        var random = new Random((chain.Length * 100) + ((int)kind * 4) + (corrupt ? 2 : 0) + (erasedSystematic ? 1 : 0));
        int decoded = 0, detected = 0, tbCrc = 0;
        for (int trial = 0; trial < Trials; trial++)
        {
            double level = HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)];
            for (int r = 0; r < rx; r++)
            {
                HostileInput.Fill(grid.Port(r), kind, level, random);
                if (corrupt)
                {
                    HostileInput.Corrupt(grid.Port(r), 1 + random.Next(grid.Port(r).Length), random);
                }
            }

            int rv = erasedSystematic ? 1 + random.Next(3) : random.Next(4);
            SharedChannelReceiveResult result = receiver.Receive(configuration, grid, random.Next(20), rv, buffer, newData: true, block);
            decoded += result.CrcPassed ? 1 : 0;
            tbCrc += result.Decoding.TransportBlockCrcPassed ? 1 : 0;
            detected += result.Measurements.SignalDetected ? 1 : 0;
            Assert.True(float.IsFinite(result.Measurements.NoiseVariance) && float.IsFinite(result.Measurements.DtxMetric), result.ToString());
            Assert.NotEqual(SharedChannelReceiveOutcome.Decoded, result.Outcome);
            if (kind != HostileInputKind.NoiseOnly)
            {
                Assert.True(result.Outcome == SharedChannelReceiveOutcome.Dtx, $"trial {trial}: {kind} not reported as DTX: {result}");
            }
        }

        Assert.True(decoded == 0, $"{decoded} of {Trials} {kind} slots decoded on {chain} (corrupt: {corrupt}; TB CRC alone passed {tbCrc}; {detected} passed the DTX test)");
        if (kind == HostileInputKind.NoiseOnly)
        {
            // The DTX test lets DefaultDtxFalseAlarmProbability (1e-3) of noise-only slots through: binomial 5-sigma band.
            double expected = Trials * SharedChannelDemodulator.DefaultDtxFalseAlarmProbability;
            Assert.InRange(detected, 0, expected + (5 * Math.Sqrt(expected)));
        }
    }

    [Theory]
    [InlineData("pdsch")]
    [InlineData("pusch-tp")]
    [InlineData("pusch-2x2")]
    public void Receive_TransmittedSlotWithCorruptRes_DecodesItsOwnBlockOrFails(string chain)
    {
        (SharedChannelConfiguration configuration, int rx) = Chain(chain);
        var transmitter = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        int layers = configuration.LayerCount;
        var transmitted = new ResourceGrid(layers, 14, Prbs * 12);
        var grid = new ResourceGrid(rx, 14, Prbs * 12);
        var random = new Random(chain.Length);
        var block = new byte[transmitter.TransportBlockSize(configuration)];
        var decoded = new byte[block.Length];
        int decodes = 0;
        const int trials = 1000;
        for (int trial = 0; trial < trials; trial++)
        {
            for (int i = 0; i < block.Length; i++)
            {
                block[i] = (byte)random.Next(2);
            }

            int slot = random.Next(20);
            transmitter.Process(configuration, block, 0, slot, transmitted);

            // Identity channel (receive port r = layer r) plus a little noise, then 1 to all REs corrupt, more often few than many.
            for (int r = 0; r < rx; r++)
            {
                Span<ComplexF32> port = grid.Port(r);
                HostileInput.Fill(port, HostileInputKind.NoiseOnly, 0.05, random);
                ReadOnlySpan<ComplexF32> sent = transmitted.Port(r);
                for (int i = 0; i < port.Length; i++)
                {
                    port[i] += sent[i];
                }

                HostileInput.Corrupt(port, (int)Math.Pow(port.Length, random.NextDouble()), random);
            }

            SharedChannelReceiveResult result = receiver.Receive(configuration, grid, slot, 0, buffer, newData: true, decoded);
            if (result.CrcPassed)
            {
                decodes++;
                Assert.Equal(block, decoded);
                Assert.Equal(SharedChannelReceiveOutcome.Decoded, result.Outcome);
            }
        }

        Assert.True(decodes > trials / 4, $"only {decodes} of {trials} partly corrupt slots decoded on {chain}");
    }

    [Theory]
    [InlineData("pdsch")]
    [InlineData("pusch-tp")]
    [InlineData("pusch-2x2")]
    public void Receive_FewCorruptRes_AreCountedAsErasuresAndTheSlotDecodes(string chain)
    {
        (SharedChannelConfiguration configuration, int rx) = Chain(chain);
        var transmitter = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount);
        var grid = new ResourceGrid(rx, 14, Prbs * 12);
        byte[] block = SharedChannelLoopbackTests.RandomBits(transmitter.TransportBlockSize(configuration), 3);
        transmitter.Process(configuration, block, 0, 1, grid);
        float[] bad = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 3e38f, -2e10f];
        for (int i = 0; i < bad.Length; i++)
        {
            // Data REs of symbol 5 (no DM-RS there), distinct subcarriers, port 0.
            grid[0, 5, 7 * i] = new ComplexF32(1f, bad[i]);
        }

        grid[0, 6, 3] = new ComplexF32(1e-42f, -1e-40f); // subnormal: flushed, not counted
        var decoded = new byte[block.Length];
        SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 1, 0, receiver.CreateSoftBuffer(configuration), true, decoded);
        Assert.Equal(bad.Length, result.Measurements.ErasedResourceElements);
        Assert.True(result.Measurements.SignalDetected, result.ToString());
        Assert.Equal(SharedChannelReceiveOutcome.Decoded, result.Outcome);
        Assert.Equal(block, decoded);
        Assert.True(float.IsNaN(grid[0, 5, 0].Im), "the caller's grid must not be modified");
    }

    [Theory]
    [InlineData("pdsch")]
    [InlineData("pusch-tp")]
    [InlineData("pusch-2x2")]
    public void Receive_ExtremeButFiniteGrids_NeverThrow(string chain)
    {
        // Values up to the erasure limit (1e10) and every magnitude below it, in blocks, so products and energies are
        // stretched to their limits: no exception, no decode.
        (SharedChannelConfiguration configuration, int rx) = Chain(chain);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        var grid = new ResourceGrid(rx, 14, Prbs * 12);
        var block = new byte[receiver.TransportBlockSize(configuration)];
        var random = new Random(5);
        for (int trial = 0; trial < 1000; trial++)
        {
            for (int r = 0; r < rx; r++)
            {
                Span<ComplexF32> port = grid.Port(r);
                for (int i = 0; i < port.Length; i++)
                {
                    float magnitude = random.Next(4) == 0 ? 9.9e9f : (float)Math.Pow(10, -38 + (48 * random.NextDouble()));
                    port[i] = new ComplexF32(magnitude * (random.Next(2) * 2 - 1), magnitude * (float)(random.NextDouble() - 0.5));
                }
            }

            SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 0, random.Next(4), buffer, true, block);
            Assert.False(result.CrcPassed, $"trial {trial}: {result}");
        }
    }

    [Theory]
    [InlineData("pdsch")]
    [InlineData("pusch-tp")]
    [InlineData("pusch-2x2")]
    public void Receive_CleanSilentAndCorruptSlots_AllocateNothing(string chain)
    {
        // The screening copy, the DTX test (thresholds for new erasure counts included) and the nothing-to-equalize path
        // run on buffers sized at construction.
        (SharedChannelConfiguration configuration, int rx) = Chain(chain);
        var transmitter = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(rx, configuration.LayerCount);
        SharedChannelSoftBuffer buffer = receiver.CreateSoftBuffer(configuration);
        var clean = new ResourceGrid(rx, 14, Prbs * 12);
        var silent = new ResourceGrid(rx, 14, Prbs * 12);
        var corrupt = new ResourceGrid(rx, 14, Prbs * 12);
        byte[] block = SharedChannelLoopbackTests.RandomBits(transmitter.TransportBlockSize(configuration), 4);
        transmitter.Process(configuration, block, 0, 2, clean);
        var random = new Random(4);
        var decoded = new byte[block.Length];
        void ReceiveAll()
        {
            receiver.Receive(configuration, clean, 2, 0, buffer, true, decoded);
            receiver.Receive(configuration, silent, 2, 0, buffer, true, decoded);
            receiver.Receive(configuration, corrupt, 2, 0, buffer, true, decoded);
        }

        for (int r = 0; r < rx; r++)
        {
            clean.Port(r).CopyTo(corrupt.Port(r));
            HostileInput.Corrupt(corrupt.Port(r), 40, random);
        }

        // A one-off runtime allocation on the test thread (type loading) seen in one round of one chain is not the
        // receiver's: every round must allocate for the check to fail.
        AllocationAssert.SteadyStateAllocatesNothing(ReceiveAll, warmUpCalls: 1, rounds: 4, callsPerRound: 1);
    }

    [Fact]
    public void Receive_SignalAtLowSnr_IsDetectedAndFailsAsCrcFailureNotDtx()
    {
        // A real transmission far below its decoding threshold (64-QAM at rate 0.9, −3 dB SNR per RE): its DM-RS is still
        // detected, so the failure is reported as a CRC failure, not as DTX.
        (SharedChannelConfiguration configuration, int rx) = Chain("pdsch");
        configuration = ((PdschConfiguration)configuration) with { Modulation = ModulationScheme.Qam64, TargetCodeRate = 0.9 };
        var transmitter = new SharedChannelTransmitter(1);
        var receiver = new SharedChannelReceiver(rx, 1);
        var transmitted = new ResourceGrid(1, 14, Prbs * 12);
        var grid = new ResourceGrid(1, 14, Prbs * 12);
        byte[] block = SharedChannelLoopbackTests.RandomBits(transmitter.TransportBlockSize(configuration), 8);
        var decoded = new byte[block.Length];
        var random = new Random(8);
        int crcFailures = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            transmitter.Process(configuration, block, 0, 0, transmitted);
            HostileInput.Fill(grid.Port(0), HostileInputKind.NoiseOnly, Math.Sqrt(Math.Pow(10, 0.3)), random);
            for (int i = 0; i < grid.Port(0).Length; i++)
            {
                grid.Port(0)[i] += transmitted.Port(0)[i];
            }

            SharedChannelReceiveResult result = receiver.Receive(configuration, grid, 0, 0, receiver.CreateSoftBuffer(configuration), true, decoded);
            crcFailures += result.Outcome == SharedChannelReceiveOutcome.CrcFailed ? 1 : 0;
        }

        Assert.True(crcFailures >= 190, $"only {crcFailures} of 200 undecodable transmissions at −3 dB were reported as CRC failures (the rest as DTX)");
    }
}
