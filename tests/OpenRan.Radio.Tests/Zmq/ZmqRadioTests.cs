using System;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Zmq;

namespace OpenRan.Radio.Tests.Zmq;

public class ZmqRadioTests
{
    private const double SampleRateHz = 1.92e6;
    private const int BlockSamples = 1920;

    /// <summary>The sample side <paramref name="side"/> transmits at timestamp <paramref name="t"/>: unique per timestamp and side.</summary>
    internal static ComplexF32 Pattern(int side, long t) => new((t % 65521) / 65521f, side + ((t / 65521) % 1024) / 2048f);

    internal static void FillPattern(Span<ComplexF32> samples, int side, long timestamp)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = Pattern(side, timestamp + i);
        }
    }

    internal static RadioConfiguration Config(SampleFormat format = SampleFormat.ComplexF32) => new()
    {
        SampleRateHz = SampleRateHz,
        RxChannelCount = 1,
        TxChannelCount = 1,
        StreamFormat = format,
        BlockSampleCount = 4096,
        RingBlockCount = 32,
        // Generous: a stream timeout only bounds a wait for samples that must come, so machine load cannot trip it.
        StreamTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// One side of a link: reads a block at t, checks every sample equals the peer's pattern (zeros before the peer's
    /// first write at 2·BlockSamples), and writes its own pattern two blocks ahead.
    /// </summary>
    internal static void RunSide(IRadio radio, int side, long totalSamples, string[] failure)
    {
        var rx = new ComplexF32[BlockSamples];
        var tx = new ComplexF32[BlockSamples];
        long expectedTs = 0;
        long txTs = 2 * BlockSamples;
        while (expectedTs < totalSamples)
        {
            long ts = 0;
            int n = radio.Rx.Read(rx, ref ts);
            if (n != BlockSamples || ts != expectedTs)
            {
                var z = (ZmqRadio)radio;
                failure[side] = $"side {side}: read {n} samples at {ts}, expected {BlockSamples} at {expectedTs}; received {z.ReceivedSampleCount}, sent {z.TransmittedSampleCount}, tx queued up to {txTs}, events {radio.Events.Snapshot()}";
                return;
            }

            for (int i = 0; i < n; i++)
            {
                long t = ts + i;
                ComplexF32 expected = t < 2 * BlockSamples ? ComplexF32.Zero : Pattern(1 - side, t);
                if (rx[i] != expected)
                {
                    failure[side] = $"side {side}: sample at timestamp {t} is {rx[i]}, expected {expected}";
                    return;
                }
            }

            expectedTs += n;
            FillPattern(tx, side, txTs);

            radio.Tx.Write(tx, ref txTs);
        }
    }

    /// <summary>
    /// Two radios wired to each other. <paramref name="timeoutMs"/> is the peer silence after which a receiver gives up its
    /// request (reporting Disconnected and losing the reply in flight): 30 s by default, so that a peer thread starved by
    /// a busy machine is never taken for a lost peer.
    /// </summary>
    internal static (IRadio Gnb, IRadio Ue) OpenPair(int portA, int portB, int timeoutMs = 30_000)
    {
        var driver = new ZmqRadioDriver();
        IRadio gnb = driver.Open(RadioArguments.Parse($"tx_port=tcp://127.0.0.1:{portA},rx_port=tcp://127.0.0.1:{portB},timeout_ms={timeoutMs}"));
        IRadio ue = driver.Open(RadioArguments.Parse($"tx_port=tcp://127.0.0.1:{portB},rx_port=tcp://127.0.0.1:{portA},timeout_ms={timeoutMs}"));
        return (gnb, ue);
    }

    [Fact]
    public void Exchange_TenSecondsBothWays_ExactTimestampsAndNoDrops()
    {
        // 10 s of sample timestamps at 1.92 Msps (19.2 M samples each way), free running: ZMQ radios are paced by each
        // other, not by a clock, so the test takes as long as the machine needs.
        long total = (long)(10 * SampleRateHz);
        (IRadio gnb, IRadio ue) = OpenPair(TestPorts.Next(), TestPorts.Next());
        using (gnb)
        using (ue)
        {
            gnb.Configure(Config());
            ue.Configure(Config());
            gnb.Start();
            ue.Start();
            var failure = new string[2];
            var t0 = new Thread(() => RunSide(gnb, 0, total, failure));
            var t1 = new Thread(() => RunSide(ue, 1, total, failure));
            t0.Start();
            t1.Start();
            Assert.True(t0.Join(TimeSpan.FromSeconds(600)) && t1.Join(TimeSpan.FromSeconds(600)), "exchange did not finish within 600 s");
            Assert.True(failure[0] is null && failure[1] is null, $"{failure[0]} | {failure[1]}");
            Assert.True(gnb.Events.Snapshot().IsClean, $"gNB events: {gnb.Events.Snapshot()}");
            Assert.True(ue.Events.Snapshot().IsClean, $"UE events: {ue.Events.Snapshot()}");
            gnb.Stop();
            ue.Stop();
            Assert.True(((ZmqRadio)gnb).ReceivedSampleCount >= total);

            // Each side wrote two blocks ahead of what it read; the peer stopped asking, so at most those never left,
            // and stopping says so (Dropped) instead of losing them silently.
            foreach (IRadio radio in new[] { gnb, ue })
            {
                RadioEventCounters after = radio.Events.Snapshot();
                Assert.Equal(after.LostSamples, radio.Events.SampleCount(RadioEventKind.Dropped));
                Assert.InRange(after.LostSamples, 0, 2 * BlockSamples);
                Assert.Equal(total, radio.Tx.DeliveredSampleCount + after.LostSamples);
            }
        }
    }

    [Fact]
    public void Stream_SteadyState_AllocatesNothingOnCallerAndRadioThreads()
    {
        const int warmUpBlocks = 1000;
        const int measuredBlocks = 1000;
        (IRadio gnb, IRadio ue) = OpenPair(TestPorts.Next(), TestPorts.Next());
        using (gnb)
        using (ue)
        {
            gnb.Configure(Config());
            ue.Configure(Config());
            gnb.Start();
            ue.Start();
            var failure = new string[2];
            var peer = new Thread(() => RunSide(ue, 1, (warmUpBlocks + measuredBlocks) * BlockSamples, failure));
            peer.Start();

            // Warm up (JIT, NetMQ pools), then measure on this thread and on the radio's own threads.
            var rx = new ComplexF32[BlockSamples];
            var tx = new ComplexF32[BlockSamples];
            long txTs = 2 * BlockSamples;
            long ts = 0;
            long callerBefore = 0;
            long rxThreadBefore = 0;
            long txThreadBefore = 0;
            long repliesBefore = 0;
            bool allRead = true;
            var zmq = (ZmqRadio)gnb;
            for (int block = 0; block < warmUpBlocks + measuredBlocks; block++)
            {
                if (block == warmUpBlocks)
                {
                    callerBefore = GC.GetAllocatedBytesForCurrentThread();
                    rxThreadBefore = zmq.ReceiveThreadAllocatedBytes;
                    txThreadBefore = zmq.TransmitThreadAllocatedBytes;
                    repliesBefore = zmq.RepliesSent;
                }

                allRead &= gnb.Rx.Read(rx, ref ts) == BlockSamples;
                FillPattern(tx, 0, txTs);
                gnb.Tx.Write(tx, ref txTs);
            }

            long caller = GC.GetAllocatedBytesForCurrentThread() - callerBefore;
            long rxThread = zmq.ReceiveThreadAllocatedBytes - rxThreadBefore;
            long txThread = zmq.TransmitThreadAllocatedBytes - txThreadBefore;
            long replies = zmq.RepliesSent - repliesBefore;
            Assert.True(peer.Join(TimeSpan.FromSeconds(30)));
            Assert.True(allRead);
            string figures = $"allocated over {measuredBlocks} blocks ({replies} replies): caller {caller} B, receive thread {rxThread} B, transmit thread {txThread} B";
            TestContext.Current.SendDiagnosticMessage(figures);

            // Our stream path (the caller's Read/Write, the rings, the radio's loops) allocates nothing. NetMQ's REP
            // send path allocates a little per reply (its router keys each reply by peer identity), so the radio
            // threads are bounded per reply; the caller must be exactly zero.
            long bound = Math.Max(replies, 1) * 160;
            Assert.True(caller == 0 && rxThread < bound && txThread < bound, figures);
        }
    }

    [Fact]
    public void PeerDisappears_ReportsDisconnectedAndStopsCleanly()
    {
        // Load-independent: a 500 ms timeout failed on a busy machine (a slow peer start looked like a fault). The stream
        // timeout is 30 s (Config) and the peer silence that means "gone" is 3 s; the test waits for the Disconnected
        // event (reported by the radio's own threads, whether or not anyone reads) for up to 60 s, and nothing fails
        // if the machine is slow. (A read that times out is a Stalled event: ZmqDeliveryTests.Receive_NoPeer_….)
        (IRadio gnb, IRadio ue) = OpenPair(TestPorts.Next(), TestPorts.Next(), timeoutMs: 3000);
        using (gnb)
        {
            gnb.Configure(Config());
            ue.Configure(Config());
            gnb.Start();
            ue.Start();
            var failure = new string[2];
            var peer = new Thread(() => RunSide(ue, 1, 50 * BlockSamples, failure));
            peer.Start();
            var rx = new ComplexF32[BlockSamples];
            long ts = 0;
            long txTs = 2 * BlockSamples;
            for (int i = 0; i < 50; i++)
            {
                Assert.Equal(BlockSamples, gnb.Rx.Read(rx, ref ts));
                FillPattern(rx, 0, txTs);
                gnb.Tx.Write(rx, ref txTs);
            }

            Assert.True(peer.Join(TimeSpan.FromSeconds(30)));
            ue.Dispose();

            // The silence is reported as an event, never thrown.
            var watch = Stopwatch.StartNew();
            while (gnb.Events.Count(RadioEventKind.Disconnected) == 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(10);
            }

            Assert.True(gnb.Events.Count(RadioEventKind.Disconnected) >= 1, $"events: {gnb.Events.Snapshot()}");
            Assert.True(gnb.Events.TryRead(out RadioEvent first));
            watch.Restart();
            gnb.Stop();
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"stop took {watch.Elapsed}");
            Assert.Equal(RadioState.Stopped, gnb.State);
            Assert.True(first.Kind == RadioEventKind.Disconnected || gnb.Events.Count(RadioEventKind.Disconnected) > 0);
        }
    }

    [Fact]
    public void TwoChannels_EachChannelCarriesItsOwnSamplesInLockstep()
    {
        int a0 = TestPorts.Next(), a1 = TestPorts.Next(), b0 = TestPorts.Next(), b1 = TestPorts.Next();
        var driver = new ZmqRadioDriver();
        using IRadio gnb = driver.Open(RadioArguments.Parse($"tx_port0=tcp://127.0.0.1:{a0},tx_port1=tcp://127.0.0.1:{a1},rx_port0=tcp://127.0.0.1:{b0},rx_port1=tcp://127.0.0.1:{b1},timeout_ms=30000"));
        using IRadio ue = driver.Open(RadioArguments.Parse($"tx_port0=tcp://127.0.0.1:{b0},tx_port1=tcp://127.0.0.1:{b1},rx_port0=tcp://127.0.0.1:{a0},rx_port1=tcp://127.0.0.1:{a1},timeout_ms=30000"));
        RadioConfiguration two = Config() with { RxChannelCount = 2, TxChannelCount = 2 };
        gnb.Configure(two);
        ue.Configure(two with { TxChannelCount = 2 });
        gnb.Start();
        ue.Start();
        var txBlock = new Streaming.SampleBlock<ComplexF32>(2, 1000) { TimestampSamples = 0 };
        for (int i = 0; i < 1000; i++)
        {
            txBlock[0][i] = new ComplexF32(i, 0);
            txBlock[1][i] = new ComplexF32(0, i);
        }

        Assert.Equal(1000, gnb.Tx.Write(txBlock));
        var rxBlock = new Streaming.SampleBlock<ComplexI16>(2, 1000);
        var reader = new Thread(() =>
        {
            // The gNB must keep reading so that its own receive clock (and the UE's transmitter) keeps running.
            var scratch = new Streaming.SampleBlock<ComplexF32>(2, 1000);
            gnb.Rx.Read(scratch, 1000);
        });
        reader.Start();
        Assert.Equal(1000, ue.Rx.Read(rxBlock, 1000));
        reader.Join();
        Assert.Equal(0, rxBlock.TimestampSamples);
        for (int i = 0; i < 1000; i++)
        {
            Assert.Equal(SampleConversion.SaturateToInt16(i * Streaming.SampleConvert.I16FullScale), rxBlock[0][i].Re);
            Assert.Equal(SampleConversion.SaturateToInt16(i * Streaming.SampleConvert.I16FullScale), rxBlock[1][i].Im);
        }
    }

    [Theory]
    [InlineData("rx_port=tcp://x:1,rx_port0=tcp://x:2", "rx_port0")]
    [InlineData("tx_port1=tcp://*:1", "tx_port0")]
    [InlineData("tx_port=http://x", "tx_port")]
    [InlineData("timeout_ms=5,tx_port=tcp://*:1", "timeout_ms")]
    [InlineData("speed=3,tx_port=tcp://*:1", "speed")]
    [InlineData("", "tx_port")]
    public void Validate_BadArguments_NamesTheArgument(string args, string named)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ZmqRadioDriver().Validate(RadioArguments.Parse(args)));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }
}
