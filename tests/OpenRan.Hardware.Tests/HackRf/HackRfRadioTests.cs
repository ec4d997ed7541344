using System;
using System.Diagnostics;
using OpenRan.Dsp;
using OpenRan.Hardware.HackRf;
using OpenRan.Radio;

namespace OpenRan.Hardware.Tests.HackRf;

public class HackRfRadioTests
{
    // 2 Msps with 1 s of ring (16384 × 128 samples): the simulated device is paced like real hardware, so a reader
    // starved by other test assemblies on a loaded CI machine must not overflow the ring and fail the "clean" checks.
    private static RadioConfiguration Receive => new()
    {
        SampleRateHz = 2e6,
        RxCenterFrequencyHz = 2_400_000_123,
        RxGainDb = 45,
        RxChannelCount = 1,
        TxChannelCount = 0,
        StreamFormat = SampleFormat.ComplexI16,
        BlockSampleCount = 16384,
        RingBlockCount = 128,
        StreamTimeout = TimeSpan.FromSeconds(30), // only bounds a wait for samples that must come: load cannot trip it
    };

    /// <summary>Reads <paramref name="count"/> samples and checks they continue the device's counter pattern from <paramref name="first"/>.</summary>
    private static long ReadAndCheck(IRadio radio, long first, int count)
    {
        var rx = new ComplexI16[count];
        long ts = 0;
        int n = radio.Rx.Read(rx, ref ts);
        Assert.Equal(count, n);
        Assert.Equal(first, ts);
        for (int i = 0; i < n; i++)
        {
            (sbyte iq, sbyte q) = SimulatedHackRf.SampleAt(ts + i);
            if (rx[i] != new ComplexI16((short)(iq * 256), (short)(q * 256)))
            {
                Assert.Fail($"sample {ts + i}: {rx[i]}, expected ({iq * 256},{q * 256})");
            }
        }

        return ts + n;
    }

    [Fact]
    public void Configure_SendsVendorRequestsTheFirmwareAccepts()
    {
        var usb = new SimulatedHackRf();
        using var radio = new HackRfRadio(usb, ampEnable: true);
        radio.Configure(Receive with { SampleRateHz = 10e6 / 3 });
        Assert.Equal((10_000_000u, 3u), usb.SampleRate);
        Assert.Equal(2_400_000_123UL, usb.FrequencyHz);
        Assert.Equal(2_500_000u, usb.FilterBandwidthHz); // 0.75 · 3.33 MHz rounded down to the MAX2837 table
        Assert.Equal((40, 4), (usb.LnaGainDb, usb.VgaGainDb));
        Assert.True(usb.AmpEnabled);
        Assert.Equal(HackRfTransceiverMode.Off, usb.Mode);
        Assert.Equal(2, radio.Device.ReadBoardId());
        Assert.Equal("2024.02.1", radio.Device.ReadVersionString());
        radio.Management.SetCenterFrequency(StreamDirection.Receive, 915e6);
        Assert.Equal(915_000_000UL, usb.FrequencyHz);
    }

    [Theory]
    [InlineData(20e6, 20_000_000u, 1u)]
    [InlineData(15.36e6, 15_360_000u, 1u)]
    [InlineData(10e6 / 3, 10_000_000u, 3u)]
    [InlineData(2.5e6 / 7, 2_500_000u, 7u)]
    public void SampleRateFraction_MatchesRateExactly(double rate, uint frequency, uint divider) =>
        Assert.Equal((frequency, divider), HackRfDevice.SampleRateFraction(rate));

    [Fact]
    public void Capabilities_DeclareHalfDuplexNoTimestamps20Msps()
    {
        using var radio = new HackRfRadio(new SimulatedHackRf(), false);
        Assert.False(radio.Capabilities.FullDuplex);
        Assert.False(radio.Capabilities.HardwareTimestamps);
        Assert.Equal(20e6, radio.Capabilities.SampleRateHz.Maximum);
        var ex = Assert.Throws<ArgumentException>(() => radio.Configure(Receive with { TxChannelCount = 1 }));
        Assert.Contains("half duplex", ex.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => radio.Configure(Receive with { SampleRateHz = 25e6 }));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => radio.Device.SetLnaGain(12));
    }

    [Fact]
    public void Receive_Streams8BitIqWithCountedTimestamps()
    {
        var usb = new SimulatedHackRf();
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive);
        radio.Start();
        Assert.Equal(HackRfTransceiverMode.Receive, usb.Mode);
        long next = ReadAndCheck(radio, 0, 500_000);
        ReadAndCheck(radio, next, 100_000);
        radio.Stop();
        Assert.Equal(HackRfTransceiverMode.Off, usb.Mode);
        Assert.True(radio.Events.Snapshot().IsClean, radio.Events.Snapshot().ToString());
    }

    [Fact]
    public void Receive_ShortTransfers_SamplesStayContiguous()
    {
        var usb = new SimulatedHackRf { ShortEvery = 2 };
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive);
        radio.Start();
        ReadAndCheck(radio, 0, 600_000);
        radio.Stop();
        Assert.True(radio.Events.Snapshot().IsClean, radio.Events.Snapshot().ToString());
    }

    [Fact]
    public void Receive_OddShortTransfer_DropsHalfSampleAndReportsIt()
    {
        var usb = new SimulatedHackRf { ShortEvery = 3, OddShort = true };
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive);
        radio.Start();
        ReadAndCheck(radio, 0, 400_000);
        radio.Stop();
        Assert.True(radio.Events.Count(RadioEventKind.Dropped) >= 1);
    }

    [Fact]
    public void Receive_StalledEndpoint_ReportsDroppedClearsHaltAndResumes()
    {
        var usb = new SimulatedHackRf { StallAfter = 3 };
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive);
        radio.Start();
        long next = ReadAndCheck(radio, 0, 3 * 131072);
        var rx = new ComplexI16[200_000];
        long ts = 0;
        Assert.Equal(rx.Length, radio.Rx.Read(rx, ref ts));
        Assert.Equal(next, ts);
        radio.Stop();
        Assert.True(usb.ClearHaltCount >= 1);
        Assert.True(radio.Events.Count(RadioEventKind.Dropped) >= 1, radio.Events.Snapshot().ToString());
        Assert.Equal(0, radio.Events.Count(RadioEventKind.Disconnected));
    }

    [Fact]
    public void Receive_UnpluggedMidStream_DisconnectedOnceAndCleanStop()
    {
        var usb = new SimulatedHackRf { UnplugAfter = 4 };
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive with { StreamTimeout = TimeSpan.FromMilliseconds(300) });
        radio.Start();
        var rx = new ComplexI16[1_000_000];
        long ts = 0;

        // Reads until the unplug is reported and a read gets nothing: a short stream timeout ends each read after the
        // unplug, and a transfer that a busy machine delays past it is simply read by the next call.
        int n = 0;
        var patience = Stopwatch.StartNew();
        while (n < rx.Length && patience.Elapsed < TimeSpan.FromSeconds(60))
        {
            int got = radio.Rx.Read(rx.AsSpan(n), ref ts);
            n += got;
            if (got == 0 && radio.Events.Count(RadioEventKind.Disconnected) > 0)
            {
                break;
            }
        }

        Assert.Equal(4 * 131072, n);
        var watch = Stopwatch.StartNew();
        radio.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"stop took {watch.Elapsed}");
        Assert.Equal(1, radio.Events.Count(RadioEventKind.Disconnected));
        Assert.Equal(RadioState.Stopped, radio.State);
    }

    [Fact]
    public void Transmit_SendsInt8IqAndZeroPadsWhenIdle()
    {
        var usb = new SimulatedHackRf();
        using var radio = new HackRfRadio(usb, false);
        radio.Configure(Receive with { RxChannelCount = 0, TxChannelCount = 1, TxCenterFrequencyHz = 433.92e6, TxGainDb = 20, StreamFormat = SampleFormat.ComplexF32 });
        Assert.Equal(20, usb.TxVgaGainDb);
        var tx = new ComplexF32[1000];
        for (int i = 0; i < tx.Length; i++)
        {
            tx[i] = new ComplexF32((i % 255 - 127) / 127f, -0.5f);
        }

        radio.Start();

        // The DAC runs from Start: transfers already filled carry zeros, so transmit a few transfers ahead.
        long ts = 5 * 131072;
        Assert.Equal(1000, radio.Tx.Write(tx, ref ts));
        Assert.True(System.Threading.SpinWait.SpinUntil(() => usb.Transmitted.Count >= 8, TimeSpan.FromSeconds(60)));
        radio.Stop();
        Assert.Equal(HackRfTransceiverMode.Off, usb.Mode);

        byte[] all = [.. System.Linq.Enumerable.SelectMany(usb.Transmitted, b => b)];
        int at = 2 * 5 * 131072;
        Assert.True(all.AsSpan(0, at).IndexOfAnyExcept((byte)0) < 0, "zeros expected before the transmit timestamp");
        for (int i = 0; i < tx.Length; i++)
        {
            Assert.Equal((sbyte)Math.Round(tx[i].Re * 127), (sbyte)all[at + (2 * i)]);
            Assert.Equal((sbyte)-64, (sbyte)all[at + (2 * i) + 1]);
        }

        Assert.Equal(0, all[at + 2000]);
    }
}
