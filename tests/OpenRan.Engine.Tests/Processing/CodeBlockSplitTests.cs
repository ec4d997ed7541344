using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Engine.Processing;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Engine.Tests.Processing;

/// <summary>Code blocks of one transport block decoded by two threads give exactly the single-decoder result, with 0 B.</summary>
public sealed class CodeBlockSplitTests
{
    [Fact]
    public void Decode_TwoThreads_EqualsOneDecoderBitForBitAndAllocatesNothing()
    {
        // The n3 example's PUSCH: 106 PRBs, 64QAM MCS 27 (several code blocks).
        var pusch = new Engine.Scheduling.PhyTestScheduler(TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml")).UePusch;
        var layout = pusch.BuildLayout();
        SharedChannelCodingParameters p = pusch.CodingParameters(layout);
        int g = pusch.CodewordLength(layout);
        Assert.True(p.Segmentation.CodeBlockCount >= 4);
        var encoder = new SharedChannelEncoder();
        var single = new SharedChannelDecoder(LdpcDecoderFactory.Create("auto", LdpcDecoderOptions.Default));
        var owner = new SharedChannelDecoder(LdpcDecoderFactory.Create("auto", LdpcDecoderOptions.Default));
        var helper = new SharedChannelDecoder(LdpcDecoderFactory.Create("auto", LdpcDecoderOptions.Default));
        var softSingle = new SharedChannelSoftBuffer(p.Segmentation.CodeBlockCount, p.CircularBufferLength);
        var softSplit = new SharedChannelSoftBuffer(p.Segmentation.CodeBlockCount, p.CircularBufferLength);
        var split = new CodeBlockSplit();
        var random = new Random(7);
        var block = new byte[p.TransportBlockSize];
        var coded = new byte[g];
        var llrs = new sbyte[g];
        var expected = new byte[p.TransportBlockSize];
        var actual = new byte[p.TransportBlockSize];
        int helped = 0;
        bool stop = false;
        var thread = new Thread(() =>
        {
            var spin = default(SpinWait);
            while (!Volatile.Read(ref stop))
            {
                if (split.TryHelp(helper))
                {
                    helped++;
                }
                else
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        });
        thread.Start();
        long allocated = 0;
        int decodedCount = 0;
        try
        {
            for (int trial = 0; trial < 24; trial++)
            {
                // A new block at rv 0 through a noisy channel, then its rv 2 combined (every third with heavy noise: some fail).
                bool newData = trial % 2 == 0;
                int rv = newData ? 0 : 2;
                if (newData)
                {
                    for (int i = 0; i < block.Length; i++)
                    {
                        block[i] = (byte)random.Next(2);
                    }
                }

                encoder.Encode(block, p, rv, coded);
                int noise = trial % 6 < 2 ? 150 : 30;
                for (int i = 0; i < g; i++)
                {
                    int v = (coded[i] == 0 ? 40 : -40) + random.Next(-noise, noise + 1);
                    llrs[i] = (sbyte)Math.Clamp(v, -LogLikelihoodRatio.Max, LogLikelihoodRatio.Max);
                }

                SharedChannelDecodeResult reference = single.Decode(llrs, p, rv, softSingle, newData, expected);
                long before = GC.GetAllocatedBytesForCurrentThread();
                SharedChannelDecodeResult result = split.Decode(owner, llrs, g, p, rv, softSplit, newData, actual);
                allocated += trial >= 4 ? GC.GetAllocatedBytesForCurrentThread() - before : 0;
                Assert.Equal(reference, result);
                Assert.True(expected.AsSpan().SequenceEqual(actual), $"trial {trial}: bits differ");
                decodedCount += result.Decoded ? 1 : 0;
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            thread.Join();
        }

        Assert.InRange(decodedCount, 1, 23);
        Assert.Equal(0, allocated);
        TestContext.Current.SendDiagnosticMessage($"helper decoded {helped} second halves, owner {split.OwnerCompleted}");
    }

    [Fact]
    public void ReceiveUci_UlschSplitAcrossTwoDecoders_EqualsTheOneCallReceiveBitForBit()
    {
        // The n3 PUSCH with 3 HARQ-ACK bits multiplexed (TS 38.212 §6.3.2): the one-call receive against the UCI half plus
        // the UL-SCH code blocks shared by two decoders (the helper runs inline here: the owner finds the half unclaimed
        // and decodes it itself, as a helper thread would: the same code blocks with the same LLRs).
        var scheduler = new Engine.Scheduling.PhyTestScheduler(TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml"));
        PuschConfiguration pusch = scheduler.UePusch with { Uci = new PuschUciConfiguration { HarqAckBitCount = 3, BetaOffsetHarqAckIndex = 9 } };
        var transmitter = new SharedChannelTransmitter(1);
        var oneCall = new SharedChannelReceiver(1, 1);
        var halves = new SharedChannelReceiver(1, 1);
        SharedChannelCodingParameters p = oneCall.CodingParameters(pusch);
        Assert.True(p.Segmentation.CodeBlockCount >= 4);
        var grid = new ResourceGrid(1, 14, pusch.NSizeGrid * 12);
        var block = new byte[p.TransportBlockSize];
        var expected = new byte[p.TransportBlockSize];
        var actual = new byte[p.TransportBlockSize];
        var llrs = new sbyte[SharedChannelDataMapper.MaxCodewordLength(1)];
        var softOne = oneCall.CreateSoftBuffer(pusch);
        var softSplit = halves.CreateSoftBuffer(pusch);
        var uciOne = new PuschUciMessage();
        var uciSplit = new PuschUciMessage();
        var split = new CodeBlockSplit();
        var random = new Random(11);
        byte[] ack = [1, 0, 1];
        int decoded = 0;
        for (int trial = 0; trial < 6; trial++)
        {
            bool newData = trial % 2 == 0;
            int rv = newData ? 0 : 2;
            if (newData)
            {
                for (int i = 0; i < block.Length; i++)
                {
                    block[i] = (byte)random.Next(2);
                }
            }

            transmitter.Process(pusch, block, new PuschUciPayload(ack), rv, 3, grid);
            float sigma = trial < 2 ? 0.35f : 0.12f;
            Span<ComplexF32> re = grid.Port(0);
            for (int i = 0; i < re.Length; i++)
            {
                re[i] += new ComplexF32(sigma * ((float)random.NextDouble() - 0.5f), sigma * ((float)random.NextDouble() - 0.5f));
            }

            SharedChannelReceiveResult reference = oneCall.Receive(pusch, grid, 3, rv, softOne, newData, expected, uciOne);
            SharedChannelMeasurements m = halves.ReceiveUci(pusch, grid, 3, uciSplit, llrs, out PuschUciResult uci, out int g);
            SharedChannelDecodeResult result = split.Decode(halves.TransportBlockDecoder, llrs, g, p, rv, softSplit, newData, actual);
            Assert.Equal(reference.Decoding, result);
            Assert.Equal(reference.Uci, uci);
            Assert.Equal(reference.Measurements.SinrDb, m.SinrDb);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"trial {trial}: bits differ");
            Assert.True(uciOne.HarqAck.SequenceEqual(uciSplit.HarqAck));
            decoded += result.Decoded ? 1 : 0;
        }

        Assert.InRange(decoded, 1, 6);
        Assert.Equal(ack, uciSplit.HarqAck.ToArray());
    }
}
