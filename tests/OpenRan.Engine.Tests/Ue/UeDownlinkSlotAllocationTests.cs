using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.TestSupport;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// The receiver's per-slot path (mix and OFDM-demodulate CORESET#0's band, blind PDCCH search) allocates nothing once
/// warm: a slot of the engine's n3 downlink searched for a C-RNTI that is not there.
/// </summary>
public sealed class UeDownlinkSlotAllocationTests
{
    [Fact]
    public void FollowSlot_SlotWithoutDci_AllocatesNothing()
    {
        CellSetup cell = TestConfigs.Cell("gnb-n3-20mhz-fdd.yaml");
        ComplexF32[] x = UeDownlinkRoundTripTests.Record(cell, new PhyTestScheduler(cell), 25 * cell.Numerology.SlotsPerSubframe, new Random(3), 1_000.0, (_, _) => { });
        var receiver = new UeDownlinkReceiver(new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(0x1234, DciRntiType.CRnti)],
        });
        UeDownlinkReceiver.FollowState state = receiver.StartFollowing(x) ?? throw new InvalidOperationException("no cell found");
        Assert.NotNull(state.Slots);
        long frameLength = state.Cell.SamplesPerFrame;
        long frame = (long)Math.Floor(-state.Cell.FrameStart / (double)frameLength) + 1;
        int reported = 0;
        Action<UeDownlinkItem> report = _ => reported++;

        AllocationAssert.SteadyStateAllocatesNothing(() => receiver.FollowSlot(x, state, frame, 3, report));

        Assert.Equal(0, reported);
        Assert.True(state.Counts.Slots > 0);
    }
}
