using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// <see cref="UeDownlinkReceiver.DecodeStream"/> (live input): the engine's n3 cell with its test UE, delivered in blocks of
/// random sizes, gives exactly the items of decoding the whole recording; the stream's buffer is fixed (about 30 ms) and a
/// stream ten times longer allocates about as much (memory does not grow with the stream's length).
/// </summary>
public sealed class UeDownlinkStreamTests
{
    [Fact]
    public void DecodeStream_RandomBlocks_SameItemsAsTheRecordingAndBoundedMemory()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, new PhyTestScheduler(cell), 45, new Random(17), 2_300.0, (_, _) => { }, snrDb: 40);
        var configuration = new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Dedicated = UeDedicatedDownlink.FromGnbConfiguration(TestConfigs.Load("gnb-n3-20mhz-fdd.yaml")),
        };

        var offline = new List<string>();
        UeDownlinkSummary whole = new UeDownlinkReceiver(configuration).Decode(x, i => offline.Add(Describe(i)));
        var receiver = new UeDownlinkReceiver(configuration);
        var streamed = new List<string>();
        var random = new Random(3);
        int position = 0;
        int largest = 0;
        UeDownlinkSummary live = receiver.DecodeStream(
            destination =>
            {
                largest = Math.Max(largest, destination.Length);
                int n = Math.Min(Math.Min(destination.Length, random.Next(1, 9000)), x.Length - position);
                x.AsSpan(position, n).CopyTo(destination);
                position += n;
                return n;
            },
            i => streamed.Add(Describe(i)));

        Assert.True(live.CellFound, live.Problem);
        Assert.Equal(x.Length, position);
        Assert.True(offline.Count(l => l.StartsWith("Pdsch", StringComparison.Ordinal)) >= 10, string.Join("\n", offline));
        Assert.Equal(offline, streamed);
        Assert.Equal((whole.MibCount, whole.PdschDecoded, whole.PdschFailed), (live.MibCount, live.PdschDecoded, live.PdschFailed));
        Assert.InRange(receiver.StreamBufferSamples, 1, (int)(cell.SampleRateHz * 0.031));
        Assert.InRange(largest, 1, receiver.StreamBufferSamples);

        // The same cell followed by 30 ms or 300 ms of silence: the longer stream allocates about the same.
        long shortBytes = StreamAllocatedBytes(configuration, x, (int)(cell.SampleRateHz * 0.03));
        long longBytes = StreamAllocatedBytes(configuration, x, (int)(cell.SampleRateHz * 0.3));
        long silenceBytes = (long)(cell.SampleRateHz * 0.27) * 8;
        Assert.True(longBytes - shortBytes < silenceBytes / 8, $"{shortBytes} B for 30 ms of silence, {longBytes} B for 300 ms ({silenceBytes} B of samples)");
    }

    private static long StreamAllocatedBytes(UeDownlinkConfiguration configuration, ComplexF32[] cell, int silence)
    {
        var receiver = new UeDownlinkReceiver(configuration);
        int position = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        receiver.DecodeStream(
            destination =>
            {
                int n = Math.Min(Math.Min(destination.Length, 4096), cell.Length + silence - position);
                for (int i = 0; i < n; i++)
                {
                    destination[i] = position + i < cell.Length ? cell[position + i] : default;
                }

                position += n;
                return n;
            },
            _ => { });
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Describe(UeDownlinkItem i) =>
        $"{i.Kind} {i.Sfn}/{i.Slot} pci {i.Pci} sample {i.SampleIndex} rnti {i.Rnti} crc {i.CrcPassed} tbs {i.TransportBlockSize} {(i.Payload is null ? "" : Convert.ToHexString(i.Payload))} {i.Detail}";
}
