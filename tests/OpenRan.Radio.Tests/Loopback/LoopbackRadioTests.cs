using System;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio.Channels;
using OpenRan.Radio.Loopback;

namespace OpenRan.Radio.Tests.Loopback;

public class LoopbackRadioTests
{
    private static RadioConfiguration Config => new() { SampleRateHz = 1e6, BlockSampleCount = 1024, RingBlockCount = 16 };

    [Fact]
    public void Loopback_IdealChannel_ReceivesTransmitAtSameTimestamps()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Parse("model=ideal"));
        radio.Configure(Config);
        radio.Start();
        var tx = new ComplexF32[5000];
        for (int i = 0; i < tx.Length; i++)
        {
            tx[i] = new ComplexF32(i, -i);
        }

        long txTs = 3000;
        Assert.Equal(5000, radio.Tx.Write(tx, ref txTs));
        var rx = new ComplexF32[8000];
        long ts = 0;
        Assert.Equal(8000, radio.Rx.Read(rx, ref ts));
        Assert.Equal(0, ts);
        Assert.True(rx.AsSpan(0, 3000).IndexOfAnyExcept(ComplexF32.Zero) < 0);
        Assert.Equal(tx, rx.AsSpan(3000).ToArray());
        Assert.True(radio.Events.Snapshot().IsClean, radio.Events.Snapshot().ToString());
    }

    [Fact]
    public void Loopback_DelayAndGain_AppliedExactly()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Parse("delay=37,gain_db=-6.0205999132796239"));
        radio.Configure(Config);
        radio.Start();
        var tx = new ComplexF32[2000];
        for (int i = 0; i < tx.Length; i++)
        {
            tx[i] = new ComplexF32(1 + i, 0.5f);
        }

        long txTs = 0;
        radio.Tx.Write(tx, ref txTs);
        var rx = new ComplexF32[2037];
        long ts = 0;
        Assert.Equal(2037, radio.Rx.Read(rx, ref ts));
        Assert.True(rx.AsSpan(0, 37).IndexOfAnyExcept(ComplexF32.Zero) < 0);
        for (int i = 0; i < tx.Length; i++)
        {
            Assert.Equal(tx[i].Re * 0.5f, rx[37 + i].Re, 1e-5f * tx[i].Re);
            Assert.Equal(0.25f, rx[37 + i].Im, 1e-6f);
        }
    }

    [Fact]
    public void ImpairmentChannel_Awgn_SeededPowerAndDeterminism()
    {
        var a = new ImpairmentChannel(0, 0, -10, 42);
        var b = new ImpairmentChannel(0, 0, -10, 42);
        var zeros = new ComplexF32[200_000];
        var na = new ComplexF32[zeros.Length];
        var nb = new ComplexF32[zeros.Length];
        a.Apply(zeros, na, 0);
        b.Apply(zeros, nb, 0);
        Assert.Equal(na, nb);
        double power = 0;
        foreach (ComplexF32 x in na)
        {
            power += x.MagnitudeSquared;
        }

        // Expected power 0.1; the estimate over 200,000 samples has a relative standard deviation of 1/sqrt(200000) ≈ 0.22 %.
        Assert.InRange(power / na.Length, 0.1 * 0.99, 0.1 * 1.01);
        a.Reset();
        var again = new ComplexF32[10];
        a.Apply(zeros.AsSpan(0, 10), again, 0);
        Assert.Equal(na.AsSpan(0, 10).ToArray(), again);
    }

    [Fact]
    public void Loopback_CustomChannelModel_IsPluggedIn()
    {
        var model = new ConjugatingChannel();
        using var radio = new LoopbackRadio(1, (_, _, _) => model, realTime: false);
        radio.Configure(Config);
        radio.Start();
        long txTs = 0;
        radio.Tx.Write([new ComplexF32(1, 2), new ComplexF32(3, 4)], ref txTs);
        var rx = new ComplexF32[2];
        long ts = 0;
        Assert.Equal(2, radio.Rx.Read(rx, ref ts));
        Assert.Equal(new ComplexF32(1, -2), rx[0]);
        Assert.Equal(new ComplexF32(3, -4), rx[1]);
        Assert.Same(model, radio.Channels[0]);
    }

    [Fact]
    public void Loopback_RealTimeWithoutReader_ReportsOverflowNotException()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Parse("realtime=true"));
        radio.Configure(Config with { SampleRateHz = 10e6, RingBlockCount = 2 });
        radio.Start();
        // Waits for the overflow (within 20 ms of real time at 10 Msps with 2 blocks) however slow the machine is.
        Assert.True(SpinWait.SpinUntil(() => radio.Events.Count(RadioEventKind.Overflow) > 0, TimeSpan.FromSeconds(60)), "no overflow within 60 s");
        radio.Stop();
        Assert.True(radio.Events.Count(RadioEventKind.Overflow) > 0);
        Assert.True(radio.Events.TryRead(out RadioEvent e));
        Assert.Equal(RadioEventKind.Overflow, e.Kind);
    }

    [Fact]
    public void Write_LateBlock_CountedAsLateNotThrown()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Parse("model=ideal"));
        radio.Configure(Config);
        radio.Start();
        var rx = new ComplexF32[4096];
        long ts = 0;
        radio.Rx.Read(rx, ref ts);
        long late = 100;
        radio.Tx.Write(new ComplexF32[50], ref late);
        radio.Rx.Read(rx, ref ts);
        Assert.Equal(1, radio.Events.Count(RadioEventKind.Late));
    }

    [Fact]
    public void Configure_OutOfRange_NamesFieldAndRange()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Empty);
        var ex = Assert.ThrowsAny<ArgumentException>(() => radio.Configure(Config with { RxChannelCount = 3 }));
        Assert.Contains("RxChannelCount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0..1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => radio.Start());
    }

    [Fact]
    public void Lifecycle_StartStopRestartDispose_StatesFollow()
    {
        IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Empty);
        Assert.Equal(RadioState.Opened, radio.State);
        radio.Configure(Config);
        Assert.Equal(RadioState.Configured, radio.State);
        radio.Start();
        Assert.Equal(RadioState.Streaming, radio.State);
        Assert.Throws<InvalidOperationException>(() => radio.Management.SetSampleRate(2e6));
        radio.Management.SetCenterFrequency(StreamDirection.Receive, 3.5e9);
        radio.Stop();
        radio.Management.SetTimeAlignment(1e6, 12);
        Assert.Equal(12, radio.Management.Configuration.TimeAlignmentOffsetSamples);
        radio.Start();
        radio.Stop();
        radio.Dispose();
        Assert.Equal(RadioState.Disposed, radio.State);
        Assert.Throws<ObjectDisposedException>(() => radio.Start());
    }

    [Fact]
    public void TimeAlignment_AdvancesTransmitOnTheAir()
    {
        using IRadio radio = new LoopbackRadioDriver().Open(RadioArguments.Parse("model=ideal"));
        radio.Configure(Config with { TimeAlignment = [new TimeAlignmentOffset(1e6, 10)] });
        radio.Start();
        long txTs = 100;
        radio.Tx.Write([ComplexF32.One], ref txTs);
        var rx = new ComplexF32[200];
        long ts = 0;
        radio.Rx.Read(rx, ref ts);
        Assert.Equal(ComplexF32.One, rx[90]);
        Assert.Equal(1, rx.AsSpan().IndexOfAnyExcept(ComplexF32.Zero) == 90 ? 1 : 0);
    }

    private sealed class ConjugatingChannel : ISampleChannel
    {
        public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
        {
            for (int i = 0; i < tx.Length; i++)
            {
                rx[i] = tx[i].Conjugate;
            }
        }

        public void Reset()
        {
        }
    }
}
