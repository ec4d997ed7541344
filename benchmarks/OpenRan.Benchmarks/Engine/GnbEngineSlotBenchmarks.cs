using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Processing;
using OpenRan.Engine.Runtime;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Radio.Streaming;

namespace OpenRan.Benchmarks.Engine;

/// <summary>
/// The engine's cost per slot against the channel processors it drives, for the n3 example cell (20 MHz FDD, 15 kHz,
/// full-buffer test UE: DL 106 PRB 256QAM MCS 27, UL 106 PRB 64QAM MCS 27 decoded from the emulated UE), everything on
/// one thread (no workers). <c>EngineSlot</c> is one whole slot of <see cref="GnbEngine"/> on a single-threaded memory
/// radio (receive, schedule, process, transmit, deliver results, metrics); <c>ProcessorsOnly</c> runs the same downlink
/// and uplink slot processors on the same plans without the engine. Their difference is the engine overhead (the target
/// is ≤ 5 % of the slot's processing time). Must show 0 B allocated.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Engine)]
[MedianColumn]
public class GnbEngineSlotBenchmarks : IUplinkPlanner
{
    private const int Cycle = 20;
    private GnbEngine? _engine;
    private MemoryRadio? _radio;
    private DownlinkSlotProcessor? _downlink;
    private UplinkSlotProcessor? _uplinkProcessor;
    private DownlinkSlotPlan[] _dlPlans = [];
    private UplinkSlotPlan[] _ulPlans = [];
    private SampleBlock<ComplexF32>[] _ulSamples = [];
    private SampleBlock<ComplexF32>? _dlSamples;
    private UplinkSlotResults? _results;
    private int _next;

    [GlobalSetup(Target = nameof(EngineSlot))]
    public void SetupEngine()
    {
        CellSetup cell = Cell();
        var scheduler = new PhyTestScheduler(cell);
        _radio = new MemoryRadio(new TestUeUplinkChannel(cell, 0), cell.Timing.SamplesPerFrame * 2);
        _radio.Configure(RadioSetup.Create(cell, new OpenRan.Radio.RadioFactory(OpenRan.Radio.RadioFactory.SoftwareDrivers())).Configuration);
        var options = new EngineRunOptions { Deadlines = DeadlineMode.VirtualTime, WarmUpRounds = 1, WarmUpScheduler = new PhyTestScheduler(cell) };
        _engine = new GnbEngine(cell, _radio, scheduler, options, scheduler.MaxTransportBlockBytes);
        _engine.Begin();
    }

    [GlobalCleanup(Target = nameof(EngineSlot))]
    public void CleanupEngine()
    {
        _engine!.End();
        _engine.Dispose();
        _radio!.Dispose();
    }

    [GlobalSetup(Target = nameof(ProcessorsOnly))]
    public void SetupProcessors()
    {
        CellSetup cell = Cell();
        var scheduler = new PhyTestScheduler(cell);
        _downlink = new DownlinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        _uplinkProcessor = new UplinkSlotProcessor(cell, scheduler.MaxTransportBlockBytes);
        _dlSamples = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount);
        _results = new UplinkSlotResults(2, scheduler.MaxTransportBlockBytes);
        var ue = new TestUeUplinkChannel(cell, 0);
        var clock = new SlotClock(cell.Timing);
        _ulPlans = new UplinkSlotPlan[Cycle + 8];
        for (int i = 0; i < _ulPlans.Length; i++)
        {
            _ulPlans[i] = new UplinkSlotPlan(2, 2);
            _ulPlans[i].Reset(SlotPoint.FromIndex(i, cell.SlotsPerFrame, 0));
        }

        _dlPlans = new DownlinkSlotPlan[Cycle];
        _ulSamples = new SampleBlock<ComplexF32>[Cycle];
        var zeros = new ComplexF32[cell.Timing.MaxSlotSampleCount];
        for (int s = 0; s < Cycle; s++)
        {
            _dlPlans[s] = new DownlinkSlotPlan(4, 2, scheduler.MaxTransportBlockBytes);
            _dlPlans[s].Reset(SlotPoint.FromIndex(s, cell.SlotsPerFrame, 0));
            scheduler.ScheduleDownlink(_dlPlans[s].Slot, _dlPlans[s], this);
        }

        for (int s = 0; s < Cycle; s++)
        {
            _ulSamples[s] = new SampleBlock<ComplexF32>(1, cell.Timing.MaxSlotSampleCount) { Count = clock.SlotLength(s) };
            ue.Apply(zeros.AsSpan(0, clock.SlotLength(s)), _ulSamples[s][0], clock.SlotStart(s));
        }
    }

    /// <summary>Hands the scheduler the uplink plans of the cycle.</summary>
    public UplinkSlotPlan PlanFor(long slotIndex) => _ulPlans[slotIndex];

    [Benchmark]
    public long EngineSlot()
    {
        _engine!.Step();
        return _engine.Metrics.Slots;
    }

    [Benchmark(Baseline = true)]
    public int ProcessorsOnly()
    {
        int s = _next;
        _next = (s + 1) % Cycle;
        _downlink!.Process(_dlPlans[s], _dlSamples!);
        UplinkSlotPlan ul = _ulPlans[s];
        if (!ul.IsEmpty)
        {
            // Every uplink transport block is new (the emulated UE sends redundancy version 0 of a fresh block).
            foreach (PuschPdu pdu in ul.Pusch)
            {
                pdu.NewData = true;
            }

            _uplinkProcessor!.Process(ul, _ulSamples[s], _results!);
        }

        return _results!.PuschCount;
    }

    internal static CellSetup Cell()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "configs", "gnb-n3-20mhz-fdd.yaml")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        if (dir is null)
        {
            throw new FileNotFoundException("configs/gnb-n3-20mhz-fdd.yaml not found above " + AppContext.BaseDirectory);
        }

        GnbConfiguration options = GnbConfigurationReader.ReadFile(Path.Combine(dir, "configs", "gnb-n3-20mhz-fdd.yaml"));
        return CellSetup.Derive(options with { Engine = options.Engine with { Workers = 0 } });
    }
}
