using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Radio.Streaming;

namespace OpenRan.Benchmarks.Engine;

/// <summary>
/// The UE downlink receiver (<c>openran decode</c>) on 30 ms of the engine's n3 example downlink (20 MHz FDD, 15 kHz,
/// 23.04 Msps): <c>CellSearch</c> finds the SS/PBCH block at the known SSB frequency (PSS over 20 ms with the integer
/// frequency offsets, SSS, PBCH) and prepares CORESET#0; <c>Slot</c> is the per-slot path in steady state (mix and
/// OFDM-demodulate CORESET#0's band, blind PDCCH search for one C-RNTI that is not there), which must show 0 B allocated.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Engine)]
[MedianColumn]
public class UeDownlinkReceiverBenchmarks
{
    private ComplexF32[] _samples = [];
    private UeDownlinkReceiver? _receiver;
    private UeDownlinkReceiver.FollowState? _state;
    private long _frame;
    private int _reported;
    private readonly Action<UeDownlinkItem> _report;

    /// <summary>Caches the report callback (a delegate per call would allocate).</summary>
    public UeDownlinkReceiverBenchmarks() => _report = _ => _reported++;

    [GlobalSetup]
    public void Setup()
    {
        CellSetup cell = GnbEngineSlotBenchmarks.Cell();
        var scheduler = new PhyTestScheduler(cell);
        var processor = new DownlinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        var plan = new DownlinkSlotPlan(4, 2, scheduler.MaxTransportBlockBytes);
        var block = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount);
        var uplink = new UplinkSlotPlanner();
        var samples = new List<ComplexF32>();
        for (long s = 0; s < 30 * cell.Numerology.SlotsPerSubframe; s++)
        {
            plan.Reset(SlotPoint.FromIndex(s, cell.SlotsPerFrame, 0));
            scheduler.ScheduleDownlink(plan.Slot, plan, uplink);
            processor.Process(plan, block);
            samples.AddRange(block[0].ToArray());
        }

        _samples = [.. samples];
        _receiver = new UeDownlinkReceiver(new UeDownlinkConfiguration
        {
            SampleRateHz = cell.SampleRateHz,
            CenterFrequencyHz = cell.DownlinkCenterHz,
            SsbFrequencyHz = cell.Plan.SsbFrequencyHz,
            Rntis = [new UeRnti(0x1234, DciRntiType.CRnti)],
        });
        _state = _receiver.StartFollowing(_samples) ?? throw new InvalidOperationException("no cell found in the engine's downlink");
        _frame = (long)Math.Floor(-_state.Cell.FrameStart / (double)_state.Cell.SamplesPerFrame) + 1;
    }

    [Benchmark]
    public bool CellSearch() => _receiver!.StartFollowing(_samples) is not null;

    [Benchmark]
    public int Slot()
    {
        _receiver!.FollowSlot(_samples, _state!, _frame, 3, _report);
        return _reported;
    }

    private sealed class UplinkSlotPlanner : IUplinkPlanner
    {
        private readonly UplinkSlotPlan _plan = new(2, 2);

        public UplinkSlotPlan PlanFor(long slotIndex)
        {
            _plan.Reset(SlotPoint.FromIndex(slotIndex, 10, 0));
            return _plan;
        }
    }
}
