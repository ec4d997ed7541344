using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.Tests;

public class RadioCoreTests
{
    [Fact]
    public void Parse_Arguments_KeepsOrderAndValidates()
    {
        RadioArguments a = RadioArguments.Parse(" tx_port = tcp://*:2000 , base_srate=23.04e6");
        Assert.Equal(["tx_port", "base_srate"], a.Keys);
        Assert.Equal(23.04e6, a.GetDouble("base_srate", 0, 1, 1e9));
        Assert.Throws<RadioArgumentException>(() => a.GetDouble("base_srate", 0, 1, 1e6));
        Assert.Throws<RadioArgumentException>(() => RadioArguments.Parse("a=1,a=2"));
        Assert.Throws<RadioArgumentException>(() => RadioArguments.Parse("novalue"));
    }

    [Fact]
    public void Factory_UnknownDriver_ListsKnownOnes()
    {
        var factory = new RadioFactory(RadioFactory.SoftwareDrivers());
        var ex = Assert.Throws<ArgumentException>(() => factory.Open("uhd", RadioArguments.Empty));
        Assert.Contains("zmq | file | loopback", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventLog_CountsExactly_RecordsBoundedAndDrained()
    {
        var log = new RadioEventLog(16);
        var threads = new Thread[4];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 1000; i++)
                {
                    log.Report(RadioEventKind.Late, StreamDirection.Transmit, 0, i, 1);
                }
            });
            threads[t].Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        RadioEventCounters counters = log.Snapshot();
        Assert.Equal(4000, counters.Late);
        Assert.Equal(4000 - 16, counters.LostRecords);
        int drained = 0;
        while (log.TryRead(out RadioEvent e))
        {
            Assert.Equal(RadioEventKind.Late, e.Kind);
            drained++;
        }

        Assert.Equal(16, drained);
    }

    [Fact]
    public void EventMonitor_DeliversEventsToObservers()
    {
        var log = new RadioEventLog();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<RadioEvent>();
        using (var monitor = new RadioEventMonitor(log, TimeSpan.FromMilliseconds(5)))
        using (monitor.Subscribe(new Observer(seen)))
        {
            log.Report(RadioEventKind.Disconnected, StreamDirection.Receive, 1, 99, 0);
            SpinWait.SpinUntil(() => !seen.IsEmpty, TimeSpan.FromSeconds(60));
        }

        Assert.True(seen.TryDequeue(out RadioEvent e));
        Assert.Equal((RadioEventKind.Disconnected, 1, 99L), (e.Kind, e.Channel, e.TimestampSamples));
    }

    [Fact]
    public void SampleRing_ProducerAndConsumerThreads_PreserveOrderAndTimestamps()
    {
        var ring = new SampleRing<ComplexF32>(1, 64, 4);
        const int blocks = 20_000;
        var producer = new Thread(() =>
        {
            for (int b = 0; b < blocks; b++)
            {
                int slot;
                while (!ring.TryAcquire(out slot))
                {
                    Thread.Yield();
                }

                int n = 1 + (b % 64);
                Span<ComplexF32> s = ring.GetSlot(slot, 0);
                for (int i = 0; i < n; i++)
                {
                    s[i] = new ComplexF32(b, i);
                }

                ring.Commit(slot, n, b * 100L, BurstFlags.None);
            }
        });
        producer.Start();
        var buffer = new ComplexF32[64];
        for (int b = 0; b < blocks; b++)
        {
            int slot;
            int n;
            long ts;
            while (!ring.TryPeek(out slot, out n, out ts, out _))
            {
                Thread.Yield();
            }

            Assert.Equal(1 + (b % 64), n);
            Assert.Equal(b * 100L, ts);
            ring.Read(slot, 0, 0, buffer.AsSpan(0, n));
            Assert.Equal(new ComplexF32(b, n - 1), buffer[n - 1]);
            ring.Release();
        }

        producer.Join();
    }

    [Fact]
    public void SampleConvert_F32ToI16AndBack_UsesFullScale32767()
    {
        ComplexF32[] f = [new(1, -1), new(0.5f, 2f)];
        var q = new ComplexI16[2];
        SampleConvert.Copy<ComplexF32, ComplexI16>(f, q);
        Assert.Equal(new ComplexI16(32767, -32767), q[0]);
        Assert.Equal(new ComplexI16(16384, 32767), q[1]);
        var back = new ComplexF32[2];
        SampleConvert.Copy<ComplexI16, ComplexF32>(q, back);
        Assert.Equal(1f, back[0].Re);
    }

    private sealed class Observer(System.Collections.Concurrent.ConcurrentQueue<RadioEvent> seen) : IObserver<RadioEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(RadioEvent value) => seen.Enqueue(value);
    }
}
