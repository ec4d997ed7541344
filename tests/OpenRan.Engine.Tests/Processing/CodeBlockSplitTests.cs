using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Engine.Processing;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

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
}
