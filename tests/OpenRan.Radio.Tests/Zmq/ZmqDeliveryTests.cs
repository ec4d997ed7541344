using System;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Zmq;

namespace OpenRan.Radio.Tests.Zmq;

/// <summary>
/// Issue 13 §6, on real sockets on 127.0.0.1: the transmit stream counts what the peer actually got, an unsent tail is
/// Dropped, stalls are events. Timeouts are generous (seconds) and only bound waits for events that must happen, so the
/// tests do not depend on machine load.
/// </summary>
public class ZmqDeliveryTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private static IRadio Open(string arguments) => new ZmqRadioDriver().Open(RadioArguments.Parse(arguments));

    private static RadioConfiguration TxOnly(double streamTimeoutSeconds) => ZmqRadioTests.Config() with
    {
        RxChannelCount = 0,
        TxChannelCount = 1,
        StreamTimeout = TimeSpan.FromSeconds(streamTimeoutSeconds),
    };

    private static RadioConfiguration RxOnly(double streamTimeoutSeconds) => ZmqRadioTests.Config() with
    {
        RxChannelCount = 1,
        TxChannelCount = 0,
        StreamTimeout = TimeSpan.FromSeconds(streamTimeoutSeconds),
    };

    private static void WaitFor(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < s_patience, $"timed out waiting for {what}");
            Thread.Sleep(10);
        }
    }

    [Fact]
    public void Transmit_NoReceiver_NothingDeliveredTailDroppedAndStallReported()
    {
        // Found: radio replay --driver zmq with no receiver reported 20 000 samples sent, clean.
        using IRadio tx = Open($"tx_port=tcp://127.0.0.1:{TestPorts.Next()}");
        tx.Configure(TxOnly(1));
        tx.Start();
        var samples = new ComplexF32[20_000];
        ZmqRadioTests.FillPattern(samples, 0, 0);
        long ts = 0;
        Assert.Equal(20_000, tx.Tx.Write(samples, ref ts)); // queued, not sent
        WaitFor(() => tx.Events.Count(RadioEventKind.Stalled) > 0, "a transmit stall (nobody asks for the queued samples)");
        tx.Stop();
        Assert.Equal(0, tx.Tx.DeliveredSampleCount);
        Assert.Equal(20_000, tx.Events.SampleCount(RadioEventKind.Dropped));
        Assert.False(tx.Events.Snapshot().IsClean);
    }

    [Fact]
    public void Transmit_ReceiverStopsEarly_DeliveredIsWhatItGotAndTheRestIsDropped()
    {
        // Found: against a receiver that stopped, all 3 000 000 samples were reported sent, clean.
        int port = TestPorts.Next();
        using IRadio tx = Open($"tx_port=tcp://127.0.0.1:{port},max_samples=4096");
        using IRadio rx = Open($"rx_port=tcp://127.0.0.1:{port},max_samples=4096");
        tx.Configure(TxOnly(2));
        rx.Configure(RxOnly(10));
        tx.Start();
        rx.Start();
        const int total = 400_000;
        long received = 0;
        var reader = new Thread(() =>
        {
            var buffer = new ComplexF32[4096];
            long t = 0;
            while (received < 100_000)
            {
                int n = rx.Rx.Read(buffer, ref t);
                if (n == 0)
                {
                    return;
                }

                received += n;
            }

            rx.Stop();
        });
        reader.Start();
        var block = new ComplexF32[4096];
        long ts = 0;
        long attempted = 0;
        while (attempted < total)
        {
            ZmqRadioTests.FillPattern(block, 0, ts);
            int want = (int)Math.Min(block.Length, total - attempted);
            int n = tx.Tx.Write(block.AsSpan(0, want), ref ts);
            attempted += want;
            if (n < want)
            {
                break; // the ring stayed full for the stream timeout (the receiver is gone): the rest is Dropped
            }
        }

        Assert.True(reader.Join(s_patience));
        tx.Stop();
        long delivered = tx.Tx.DeliveredSampleCount;
        // At least what the reader got (the sender may give up earlier when a busy machine starves the reader for the
        // 2 s stream timeout: the counts must still add up).
        Assert.True(delivered >= received, $"delivered {delivered}, received {received}");
        Assert.True(delivered < total, $"delivered {delivered} of {total} to a receiver that stopped after {received}");
        Assert.Equal(attempted, delivered + tx.Events.SampleCount(RadioEventKind.Dropped));
        Assert.True(tx.Events.Count(RadioEventKind.Stalled) >= 1, tx.Events.Snapshot().Describe());
        Assert.False(tx.Events.Snapshot().IsClean);
    }

    [Fact]
    public void Transmit_LiveReceiver_EverySampleDeliveredAndClean()
    {
        // Timeouts of 30 s: a reply in flight is lost when the receiver gives up its request (timeout_ms), so a short one
        // would turn a peer starved by a busy machine into lost samples.
        int port = TestPorts.Next();
        using IRadio tx = Open($"tx_port=tcp://127.0.0.1:{port},timeout_ms=30000");
        using IRadio rx = Open($"rx_port=tcp://127.0.0.1:{port},timeout_ms=30000");
        tx.Configure(TxOnly(30));
        rx.Configure(RxOnly(30));
        tx.Start();
        rx.Start();
        const int total = 200_000;
        long received = 0;
        var reader = new Thread(() =>
        {
            var buffer = new ComplexF32[4096];
            long t = 0;
            while (received < total)
            {
                int n = rx.Rx.Read(buffer, ref t);
                if (n == 0)
                {
                    return;
                }

                received += n;
            }
        });
        reader.Start();
        var samples = new ComplexF32[total];
        ZmqRadioTests.FillPattern(samples, 0, 0);
        long ts = 0;
        Assert.Equal(total, tx.Tx.Write(samples, ref ts));
        Assert.True(reader.Join(s_patience));
        WaitFor(() => tx.Tx.DeliveredSampleCount == total, "every sample delivered");
        tx.Stop();
        rx.Stop();
        Assert.Equal(total, received);
        Assert.Equal(total, tx.Tx.DeliveredSampleCount);
        Assert.True(tx.Events.Snapshot().IsClean, tx.Events.Snapshot().Describe());
    }

    [Fact]
    public void Receive_NoPeer_ReadTimesOutAsAStallEvent()
    {
        // Found: a 25 s stall ended with 0 samples and isClean: true.
        using IRadio rx = Open($"rx_port=tcp://127.0.0.1:{TestPorts.Next()}");
        rx.Configure(RxOnly(1));
        rx.Start();
        var buffer = new ComplexF32[1024];
        long ts = 0;
        Assert.Equal(0, rx.Rx.Read(buffer, ref ts));
        Assert.Equal(1, rx.Events.Count(RadioEventKind.Stalled));
        Assert.True(rx.Events.TryRead(out RadioEvent e));
        Assert.Equal((RadioEventKind.Stalled, StreamDirection.Receive), (e.Kind, e.Direction));
        Assert.False(rx.Events.Snapshot().IsClean);
    }
}
