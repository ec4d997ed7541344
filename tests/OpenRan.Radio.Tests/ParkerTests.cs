using System;
using System.Diagnostics;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Streaming;

namespace OpenRan.Radio.Tests;

public class ParkerTests
{
    // Long enough that only a signal (never the poll) can end the waits below within the test's deadline.
    private static readonly TimeSpan s_noPoll = TimeSpan.FromMinutes(10);

    [Fact]
    public void WaitUntil_ConditionNeverTrue_ReturnsFalseAtTheDeadline()
    {
        using var parker = new Parker();
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (Stopwatch.Frequency / 50);
        Assert.False(parker.WaitUntil(static _ => false, 0, s_noPoll, deadline));
        Assert.True(Stopwatch.GetTimestamp() >= deadline);
    }

    [Fact]
    public void WaitUntil_SignalledByAnotherThread_WakesWithoutPolling()
    {
        using var parker = new Parker();
        var flag = new StrongBox();
        var signaller = new Thread(() =>
        {
            Thread.Sleep(50);
            Volatile.Write(ref flag.Value, 1);
            parker.Signal();
        });
        signaller.Start();
        long deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        Assert.True(parker.WaitUntil(static f => Volatile.Read(ref f.Value) == 1, flag, s_noPoll, deadline));
        Assert.True(Stopwatch.GetTimestamp() < deadline);
        signaller.Join();
    }

    [Fact]
    public void SampleRing_ConsumerAsleepOnAnEmptyRing_WakesOnCommit_ProducerAsleepOnAFullRing_WakesOnRelease()
    {
        var ring = new SampleRing<ComplexF32>(1, 16, 2);
        var producer = new Thread(() =>
        {
            Thread.Sleep(30);
            for (int i = 0; i < 3; i++)
            {
                // The third block waits, asleep, until the consumer releases one.
                ring.Producer.WaitUntil(static r => r.HasFreeBlock, ring, s_noPoll);
                Assert.True(ring.TryAcquire(out int slot));
                ring.Commit(slot, 16, i * 16, BurstFlags.None);
            }
        });
        producer.Start();
        long deadline = Stopwatch.GetTimestamp() + (30 * Stopwatch.Frequency);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(ring.Consumer.WaitUntil(static r => r.HasFilledBlock, ring, s_noPoll, deadline));
            Assert.True(ring.TryPeek(out _, out int count, out long timestamp, out _));
            Assert.Equal((16, i * 16L), (count, timestamp));
            Thread.Sleep(10);
            ring.Release();
        }

        producer.Join();
        Assert.False(ring.HasFilledBlock);
    }

    private sealed class StrongBox
    {
        public int Value;
    }
}
