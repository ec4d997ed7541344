using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Emulation;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Radio;

namespace OpenRan.Engine.Ue.Runtime;

/// <summary>
/// The phy-test UE as its own runtime on a radio (<c>openran ue</c>, the peer of <c>openran gnb</c>): initial sync from
/// the received samples, then per slot the phy-test UE of <see cref="TestUeSlotProcessor"/>.
/// <list type="number">
/// <item>Initial sync: windows of one SS/PBCH period and a millisecond are searched for the cell's block at its SS_REF
/// with every integer carrier frequency offset hypothesis within ±<see cref="UeConfiguration.MaxCfoSubcarriers"/>
/// (<see cref="SsbBlockDecoder"/>: PSS with the fractional offset, SSS → PCI, PBCH → MIB); the PCI must be the configured
/// one. The frame boundary follows from the block's position, its index and half frame (TS 38.213 §4.1) and the MIB's SFN
/// numbers the frames, so the UE's slot n is the gNB's slot n (modulo 1024 frames).</item>
/// <item>Per downlink slot: the samples at the tracked timing, mixed by the negated frequency offset estimate (a
/// continuous oscillator on the receive clock), OFDM-demodulated and handed to the phy-test UE (DCI search with the
/// C-RNTI, PDSCH decode with 16 HARQ processes and soft combining, uplink grants).</item>
/// <item>Tracking: in each slot with an SS/PBCH block of the cell, the block is searched ±2 cyclic prefixes around where
/// it should be; its PSS position corrects the timing (a sample-rate error shows as a drift) and its residual frequency
/// offset the CFO estimate (half of it per block); its SSS gives RSRP and SNR. Blocks missed for
/// <see cref="UeConfiguration.LostSsbPeriods"/> periods start a new search (samples lost on the link move the blocks);
/// when that finds nothing within the sync timeout the cell is lost.</item>
/// <item>Uplink: after downlink slot n the UE makes uplink slot n + L (<see cref="UeConfiguration.UplinkLeadSlots"/>) and
/// writes it at the receive timestamp where downlink slot n + L starts, minus N_TA (the Timing Advance Commands of its
/// PDSCH, accumulated, each from uplink slot n + k + 1 after its PDSCH's slot n, TS 38.213 §4.2): the transmit and
/// receive clocks of one radio are aligned (srsRAN's ZMQ model, and hardware with a common time base), so the uplink
/// follows the drift the downlink tracking finds. Its carrier is pre-corrected by the tracked CFO scaled to the uplink
/// carrier (one oscillator makes both: TS 38.101-1 §6.4.1), so a UE whose clock is off by ±5 ppm is heard at the
/// gNB's frequency and time.</item>
/// </list>
/// Allocation-free per slot after the sync, except where the phy-test UE itself allocates once per kind of assignment.
/// </summary>
public sealed class UeEngine
{
    private const int SecondsRing = 256;
    private const double TrackingGain = 0.5;

    /// <summary>
    /// Consecutive tracked SS/PBCH blocks within a sample of where the timing put them before the UE transmits after a
    /// (re)sync: the acquisition's timing (from a PSS under a CFO of up to a subcarrier) may be off by a few samples, and
    /// a preamble early by half a correlation cell reads as a timing advance of a whole preamble at the gNB.
    /// </summary>
    private const int SettledBlocksBeforeUplink = 2;

    private readonly UeConfiguration _configuration;
    private readonly IRadio _radio;
    private readonly UeRunOptions _options;
    private readonly SlotClock _clock;
    private readonly SsbBlockDecoder[] _acquisition;
    private readonly CellSetup[] _acquisitionCells;
    private readonly SsbBlockDecoder[] _acquisitionTrackers;
    private readonly int[] _firstSymbols;
    private readonly OfdmDemodulator _ofdm;
    private readonly ResourceGrid _grid;
    private readonly ComplexF32[] _buffer;
    private readonly ComplexF32[] _slot;
    private readonly ComplexF32[] _window;
    private readonly ComplexF32[] _uplink;
    private readonly ComplexF32[] _impaired;
    private readonly UplinkTimingAdvance _timingAdvance;
    private readonly double _uplinkPerDownlink;
    private readonly int _acquisitionLength;
    private readonly int _margin;
    private readonly long _samplesPerFrame;
    private readonly long _samplesPerSecond;
    private readonly int _slotsPerSecond;
    private readonly UeSecond[] _seconds = new UeSecond[SecondsRing];
    private long _bufferStart;
    private int _bufferCount;
    private long _offset;
    private double _timing;
    private long _syncOffset;
    private double _cfoHz;
    private long _txNext = long.MinValue;
    private long _timingAdvanceBase;
    private CellSetup _cell;
    private CellSchedule _schedule;
    private TestUeSlotProcessor _ue;
    private SsbCandidate _candidate;
    private SsbBlockDecoder _tracker;
    private int _settledBlocks;
    private long _lastDetectedSlot;
    private volatile bool _stopping;
    private long _secondsCompleted;
    private UeSecond _previous;

    /// <summary>Prepares the UE of <paramref name="configuration"/> on a configured <paramref name="radio"/> (receive at the downlink centre, transmit at the uplink centre).</summary>
    public UeEngine(UeConfiguration configuration, IRadio radio, UeRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(radio);
        _configuration = configuration;
        _cell = configuration.Cell;
        _radio = radio;
        _options = options ?? new UeRunOptions();
        _clock = new SlotClock(_cell.Timing);
        _schedule = new CellSchedule(_cell);
        // A cell that attaches its test UE by random access (test-ue.attach: random-access) gets a preamble in the first
        // PRACH occasion after the UE synchronised; its traffic starts once the Msg4 resolved the contention.
        _ue = new TestUeSlotProcessor(_cell, _cell.Options.TestUe.AttachByRandomAccess ? 0 : -1);
        _candidate = CandidateOf(_cell);

        // The configured SS_REF, or with ue.gscn-scan every usable GSCN of the band inside the received band (the
        // configured one first); per place every integer CFO hypothesis 0, +1, −1, +2, −2, …
        IReadOnlyList<CellSetup> places = configuration.GscnScan ? GscnScan.Cells(_cell) : [_cell];
        int hypotheses = (2 * configuration.MaxCfoSubcarriers) + 1;
        _acquisition = new SsbBlockDecoder[places.Count * hypotheses];
        _acquisitionCells = new CellSetup[_acquisition.Length];
        _acquisitionTrackers = new SsbBlockDecoder[_acquisition.Length];
        for (int p = 0; p < places.Count; p++)
        {
            SsbCandidate candidate = CandidateOf(places[p]);
            for (int i = 0; i < hypotheses; i++)
            {
                int hypothesis = (i + 1) / 2 * (i % 2 == 1 ? 1 : -1);
                int index = (p * hypotheses) + i;
                _acquisition[index] = new SsbBlockDecoder(_cell.SampleRateHz, _cell.DownlinkCenterHz, candidate, hypothesis);
                _acquisitionCells[index] = places[p];
                _acquisitionTrackers[index] = _acquisition[p * hypotheses];
            }
        }

        ScanPlaces = places.Count;
        _tracker = _acquisition[0];
        _firstSymbols = new int[_candidate.MaxBlockCount];
        SsbBlockPattern.FirstSymbols(_candidate.Case, _candidate.MaxBlockCount, _firstSymbols);
        _ofdm = new OfdmDemodulator(new OfdmConfiguration { Timing = _cell.Timing, NSizeGrid = _cell.NRb, CarrierFrequencyHz = _cell.DownlinkCenterHz, Scaling = OfdmScaling.Unitary });
        _grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, _cell.NRb * NrConstants.SubcarriersPerRb);
        _grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, _cell.NRb, 0);
        _samplesPerFrame = _cell.Timing.SamplesPerFrame;
        _samplesPerSecond = _samplesPerFrame * 100;
        _slotsPerSecond = _cell.SlotsPerFrame * 100;
        _margin = 2 * _tracker.CyclicPrefixSamples;
        _acquisitionLength = (int)(_samplesPerFrame * Math.Max(_cell.Options.Ssb.PeriodMs, 5) / 10) + (int)(_samplesPerFrame / 10);
        int slotSamples = _clock.MaxSlotSampleCount;
        _buffer = new ComplexF32[_acquisitionLength + (4 * slotSamples)];
        _slot = new ComplexF32[slotSamples];
        _window = new ComplexF32[slotSamples + (2 * _margin)];
        _uplink = new ComplexF32[slotSamples];
        _impaired = new ComplexF32[_buffer.Length];
        _timingAdvance = new UplinkTimingAdvance(_cell.Numerology.Mu);
        _uplinkPerDownlink = _cell.UplinkCenterHz / _cell.DownlinkCenterHz;
    }

    /// <summary>The configuration.</summary>
    public UeConfiguration Configuration => _configuration;

    /// <summary>The cell the UE follows: the configured one, or with a GSCN scan the same cell at the GSCN where its block was found.</summary>
    public CellSetup Cell => _cell;

    /// <summary>The places searched at initial sync: 1, or with <see cref="UeConfiguration.GscnScan"/> the usable GSCNs (<see cref="GscnScan"/>).</summary>
    public int ScanPlaces { get; }

    /// <summary>The phy-test UE (its downlink, HARQ-ACK and uplink HARQ counters).</summary>
    public TestUeSlotProcessor Ue => _ue;

    /// <summary>The radio.</summary>
    public IRadio Radio => _radio;

    /// <summary>Whether the UE follows the cell.</summary>
    public bool Synced { get; private set; }

    /// <summary>The PCI found (−1 before).</summary>
    public int Pci { get; private set; } = -1;

    /// <summary>The SFN of the MIB the UE synchronized on (−1 before).</summary>
    public int SyncSfn { get; private set; } = -1;

    /// <summary>The receive timestamp where the UE found the frame boundary (its slot 0 lies at <see cref="SlotStart"/>(0)).</summary>
    public long SyncTimestamp { get; private set; } = -1;

    /// <summary>The carrier frequency offset found at sync, Hz (integer and fractional parts).</summary>
    public double SyncCfoHz { get; private set; }

    /// <summary>The carrier frequency offset being corrected, Hz.</summary>
    public double CfoHz => _cfoHz;

    /// <summary>The timing drift since sync (or the last re-attach): how far the UE's slot grid moved in its receive clock, samples.</summary>
    public long TimingOffsetSamples => _offset - _syncOffset;

    /// <summary>
    /// N_TA applied to the last uplink slot made, samples: the Timing Advance Commands received, each step of T_A − 31
    /// worth 16·64/2^μ T_c, each from uplink slot n + k + 1 after the slot n of its PDSCH (TS 38.213 §4.2,
    /// <see cref="UplinkTimingAdvance"/>).
    /// </summary>
    public int TimingAdvanceSamples { get; private set; }

    /// <summary>The uplink slot from which <see cref="TimingAdvanceSamples"/> last changed (−1: never).</summary>
    public long TimingAdvanceChangedSlot { get; private set; } = -1;

    /// <summary>The Timing Advance Commands received and applied (when each took effect).</summary>
    public UplinkTimingAdvance TimingAdvance => _timingAdvance;

    /// <summary>Downlink slots processed since sync.</summary>
    public long Slots { get; private set; }

    /// <summary>SS/PBCH blocks detected by the tracking.</summary>
    public long SsbDetected { get; private set; }

    /// <summary>SS/PBCH blocks expected but not detected.</summary>
    public long SsbMissed { get; private set; }

    /// <summary>Tracked blocks whose MIB decoded.</summary>
    public long MibDecoded { get; private set; }

    /// <summary>Decoded MIBs whose SFN differed from the UE's frame count.</summary>
    public long SfnMismatches { get; private set; }

    /// <summary>Timing corrections applied (samples moved, summed in magnitude).</summary>
    public long TimingCorrectionSamples { get; private set; }

    /// <summary>Searches after the cell was lost (its blocks no longer where the tracking expected them).</summary>
    public long Resyncs { get; private set; }

    /// <summary>Radio link failures with <see cref="UeConfiguration.Reattach"/>: the cell lost after it was followed.</summary>
    public long CellLosses { get; private set; }

    /// <summary>Times the cell was found again after a loss and the UE started a new attach (<see cref="UeConfiguration.Reattach"/>).</summary>
    public long Reattachments { get; private set; }

    /// <summary>Uplink slots that could not be sent in time (their start already on air).</summary>
    public long LateSlots { get; private set; }

    /// <summary>Receive gaps (lost samples).</summary>
    public long ReceiveGaps { get; private set; }

    /// <summary>SSS RSRP of the last tracked block, dB per resource element relative to full scale.</summary>
    public double RsrpDb { get; private set; } = double.NaN;

    /// <summary>SSS SNR of the last tracked block (SSS against its guard subcarriers), dB (capped at 60).</summary>
    public double SnrDb { get; private set; } = double.NaN;

    /// <summary>Bytes allocated by the slot thread after the first second following sync (steady state: 0).</summary>
    public long SteadyStateAllocatedBytes { get; private set; }

    /// <summary>Stopwatch ticks spent processing slots (demodulation, the phy-test UE, tracking, uplink).</summary>
    public long ProcessingTicks { get; private set; }

    /// <summary>Seconds of air completed (rows available through <see cref="TryGetSecond"/>).</summary>
    public long SecondsCompleted => Volatile.Read(ref _secondsCompleted);

    /// <summary>Asks the loop to stop (any thread).</summary>
    public void Stop() => _stopping = true;

    /// <summary>The row of second <paramref name="second"/> (1-based), if still in the ring of the last 256.</summary>
    public bool TryGetSecond(long second, out UeSecond row)
    {
        long done = SecondsCompleted;
        if (second < 1 || second > done || second <= done - SecondsRing)
        {
            row = default;
            return false;
        }

        row = _seconds[(second - 1) % SecondsRing];
        return true;
    }

    /// <summary>The receive timestamp where the UE's slot <paramref name="slot"/> starts.</summary>
    public long SlotStart(long slot) => _clock.SlotStart(slot) + _offset;

    /// <summary>Starts the radio, synchronizes, follows the cell until the air time, a stop or a failure; stops the radio.</summary>
    public UeRunResult Run()
    {
        long limit = double.IsPositiveInfinity(_options.Seconds) ? long.MaxValue : (long)(_options.Seconds * _samplesPerSecond);
        _radio.Start(0);
        try
        {
            UeRunResult? failure = Acquire(limit);
            if (failure is UeRunResult f)
            {
                return f;
            }

            while (true)
            {
                UeRunResult? end = Follow(limit);
                if (end is UeRunResult done)
                {
                    return done;
                }

                // The blocks are no longer where they were (samples lost on the link, or a drift the tracking did not
                // follow): search again, with the same timeout, and carry on where the cell is found.
                Synced = false;
                Resyncs++;
                string lost = Summary();
                if (_configuration.Reattach)
                {
                    // A radio link failure: report it, search until the cell is back (however long), then attach afresh.
                    CellLosses++;
                    _options.Report?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"lost the cell at receive timestamp {_bufferStart + _bufferCount} ({lost}); searching again (ue.reattach)"));
                    if (Acquire(limit, untilFound: true) is UeRunResult ended)
                    {
                        return ended.Outcome is UeOutcome.NoCell
                            ? new UeRunResult(UeOutcome.LostCell, $"lost the cell after it was followed ({lost}), and {ended.Message}")
                            : ended;
                    }

                    Reattach();
                    continue;
                }

                if (Acquire(limit) is UeRunResult again)
                {
                    return again.Outcome is UeOutcome.NoCell
                        ? new UeRunResult(UeOutcome.LostCell, $"lost the cell after it was followed ({lost}), and {again.Message}")
                        : again;
                }
            }
        }
        finally
        {
            _radio.Stop();
        }
    }

    private static SsbCandidate CandidateOf(CellSetup cell) =>
        new(cell.Plan.SsbFrequencyHz, cell.Plan.SsbSubcarrierSpacingKhz, cell.SsbCase, cell.LMax, cell.Plan.SsbGscn);

    /// <summary>
    /// The SS/PBCH block was found at another GSCN than the configured one (a GSCN scan): from now on the UE expects the
    /// cell there — its block, CORESET#0 and the grants' rate matching around the block (the same cell file with
    /// ssb.gscn set to it).
    /// </summary>
    private void Rebind(CellSetup cell, SsbBlockDecoder tracker)
    {
        _cell = cell;
        _schedule = new CellSchedule(cell);
        _ue = new TestUeSlotProcessor(cell, cell.Options.TestUe.AttachByRandomAccess ? 0 : -1);
        _candidate = CandidateOf(cell);
        _tracker = tracker;
    }

    /// <summary>
    /// After a radio link failure (<see cref="UeConfiguration.Reattach"/>): the cell found again may be another gNB's or
    /// a restarted one, which knows nothing of this UE. Every UE state is forgotten (HARQ processes, uplink grants, N_TA:
    /// TS 38.321 §5.2 on the expiry of the time alignment) and the UE attaches by random access again.
    /// </summary>
    private void Reattach()
    {
        _ue.Reset();
        _timingAdvance.Reset();
        _timingAdvanceBase = _ue.Downlink?.TimingAdvanceSteps ?? 0;
        TimingAdvanceSamples = 0;
        _txNext = long.MinValue;
        _syncOffset = _offset;
        Reattachments++;
        _options.Report?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"found PCI {Pci} again (SFN {SyncSfn}, CFO {_cfoHz:F0} Hz): attaching again"));
    }

    /// <summary>Initial sync: null when the cell was found (the UE's grid, SFN and CFO set), else the failure.</summary>
    /// <param name="limit">The end of the run, receive timestamp.</param>
    /// <param name="untilFound">Search until the run's end instead of <see cref="UeConfiguration.SyncTimeoutSeconds"/>.</param>
    private UeRunResult? Acquire(long limit, bool untilFound = false)
    {
        long timeout = (long)(_configuration.SyncTimeoutSeconds * _samplesPerSecond);
        long firstTimestamp = -1;
        Discard(_bufferStart + _bufferCount - _margin);
        float bestMetric = 0;
        int foundOtherPci = -1;
        int windows = 0;
        while (!_stopping)
        {
            if (!Fill(_bufferStart + _acquisitionLength, out UeRunResult gone))
            {
                return gone;
            }

            if (firstTimestamp < 0)
            {
                firstTimestamp = _bufferStart;
            }

            windows++;
            ReadOnlySpan<ComplexF32> window = _buffer.AsSpan(0, _acquisitionLength);
            for (int a = 0; a < _acquisition.Length; a++)
            {
                SsbBlockDecoder decoder = _acquisition[a];
                SsbBlockDecode d = decoder.Decode(window, _bufferStart, null);
                bestMetric = Math.Max(bestMetric, d.PssMetric);
                if (!d.Detected || !d.Pbch.CrcPassed || d.Pbch.Mib is not Mib mib)
                {
                    if (d.Pci >= 0 && d.Pci != _cell.Pci)
                    {
                        foundOtherPci = d.Pci;
                    }

                    continue;
                }

                if (d.Pci != _cell.Pci)
                {
                    return new UeRunResult(UeOutcome.PciMismatch, string.Create(CultureInfo.InvariantCulture,
                        $"found a cell with PCI {d.Pci} at {_candidate.FrequencyHz / 1e6:F3} MHz (SFN {mib.SystemFrameNumber}, CFO {d.FrequencyOffsetHz:F0} Hz), but the configuration ({_configuration.CellFile}) expects PCI {_cell.Pci}: point the UE at that cell's YAML, or set cell.pci there"));
                }

                if (!ReferenceEquals(_acquisitionCells[a], _cell))
                {
                    Rebind(_acquisitionCells[a], _acquisitionTrackers[a]);
                }

                long halfFrame = _samplesPerFrame / 2;
                long frameStart = d.PssUsefulPartStart - decoder.UsefulPartOffsetInHalfFrame(_firstSymbols[d.Pbch.SsbIndex]) - (d.Pbch.HalfFrame * halfFrame);
                long frameSlot = (long)mib.SystemFrameNumber * _cell.SlotsPerFrame;
                _offset = frameStart - _clock.SlotStart(frameSlot);
                _timing = _offset;
                _cfoHz = d.FrequencyOffsetHz;
                if (SyncTimestamp < 0)
                {
                    _syncOffset = _offset;
                    SyncCfoHz = _cfoHz;
                }

                Pci = d.Pci;
                SyncSfn = mib.SystemFrameNumber;
                SyncTimestamp = frameStart;
                Synced = true;
                _settledBlocks = 0;
                return null;
            }

            if ((!untilFound && _bufferStart + _bufferCount - firstTimestamp >= timeout) || _bufferStart + _bufferCount >= limit)
            {
                string pci = foundOtherPci >= 0 ? $"; a PSS/SSS of PCI {foundOtherPci} (not {_cell.Pci}) was seen without a valid PBCH" : string.Empty;
                return new UeRunResult(UeOutcome.NoCell, string.Create(CultureInfo.InvariantCulture,
                    $"no cell found within {(_bufferStart + _bufferCount - firstTimestamp) / (double)_samplesPerSecond:F2} s of air ({windows} windows of {_acquisitionLength / (double)_samplesPerSecond * 1e3:F1} ms): no SS/PBCH block with a valid PBCH and PCI {_cell.Pci} at SS_REF {_candidate.FrequencyHz / 1e6:F3} MHz (GSCN {_candidate.Gscn}{(ScanPlaces > 1 ? $", and {ScanPlaces - 1} more GSCNs of the band scanned" : string.Empty)}) within ±{_configuration.MaxCfoSubcarriers} subcarriers of CFO; strongest PSS metric {bestMetric:F2}{pci}. Missing: the gNB's downlink on this radio (is openran gnb running with the same cell file, and are the ports crossed?)"));
            }

            // Keep the tail that may hold a block cut by the window's end.
            Discard(_bufferStart + _acquisitionLength - _tracker.BlockSampleCount - _margin);
        }

        return new UeRunResult(UeOutcome.Stopped, "stopped before the cell was found");
    }

    private UeRunResult? Follow(long limit)
    {
        // The first slot whose samples have not been read yet: its uplink lead is still in the future.
        long readEnd = _bufferStart + _bufferCount;
        long slot = _clock.SlotAt(Math.Max(0, readEnd - _offset)) + 1;
        _lastDetectedSlot = slot;
        long lead = _configuration.UplinkLeadSlots;
        long ssbPeriodSlots = (long)_cell.Options.Ssb.PeriodMs * _cell.Numerology.SlotsPerSubframe;
        long lostAfter = _configuration.LostSsbPeriods * ssbPeriodSlots;
        long steadyFrom = slot + _slotsPerSecond;
        long allocated = 0;

        // Seconds of air spent searching (after a loss) are rows of their own, not synced.
        CompleteSecondsUpTo(readEnd, synced: false);
        while (!_stopping)
        {
            _offset = (long)Math.Round(_timing);
            long start = SlotStart(slot);
            int length = _clock.SlotLength(slot);
            if (start + length > limit)
            {
                return new UeRunResult(UeOutcome.Completed, Summary());
            }

            Discard(start - _margin);
            if (!Fill(start + length + _margin, out UeRunResult gone))
            {
                return gone;
            }

            if (_bufferStart > start - _margin)
            {
                // A receive gap took the slot's samples: the grid must be found again.
                return null;
            }

            if (slot == steadyFrom)
            {
                allocated = GC.GetAllocatedBytesForCurrentThread();
            }

            long ticks = Stopwatch.GetTimestamp();
            ProcessDownlink(slot, start, length);
            if (_ue.Downlink is { } downlink)
            {
                // Timing Advance Commands of this slot's PDSCH (TS 38.213 §4.2: they apply from uplink slot n + k + 1).
                _timingAdvance.Receive(slot, downlink.TimingAdvanceSteps - _timingAdvanceBase - _timingAdvance.ReceivedSteps);
            }

            if (_settledBlocks >= SettledBlocksBeforeUplink)
            {
                MakeUplink(slot + lead);
            }

            // The sample clock's error drifts the timing by the same fraction as the carrier's (one oscillator).
            _timing += DriftPerSample * length;
            ProcessingTicks += Stopwatch.GetTimestamp() - ticks;
            Slots++;
            if (slot > steadyFrom)
            {
                SteadyStateAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }

            CompleteSecondsUpTo(start + length, synced: true);

            if (slot - _lastDetectedSlot > lostAfter)
            {
                return null;
            }

            slot++;
        }

        return new UeRunResult(UeOutcome.Stopped, Summary());
    }

    private string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"followed PCI {Pci} from SFN {SyncSfn} for {Slots} slots; CFO {_cfoHz:F0} Hz, timing drift {TimingOffsetSamples} samples; SSB {SsbDetected} detected, {SsbMissed} missed; {Resyncs} resyncs");

    private void ProcessDownlink(long slot, long start, int length)
    {
        Span<ComplexF32> samples = _slot.AsSpan(0, length);
        int at = (int)(start - _bufferStart);
        double cyclesPerSample = -_cfoHz / _cell.SampleRateHz;
        ComplexMixer.Mix(_buffer.AsSpan(at, length), cyclesPerSample, start, samples);
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        if (_cell.DownlinkSymbolMask(slot) == 0)
        {
            return;
        }

        _ofdm.Demodulate(samples, slotInFrame, _grid, 0);
        CompensateDrift(slot);
        _ue.OnDownlinkSlot(slot, _grid);
        Track(slot, slotInFrame, cyclesPerSample);
    }

    /// <summary>Re-estimates timing and frequency from the SS/PBCH blocks of <paramref name="slot"/>, if it has any.</summary>
    private void Track(long slot, int slotInFrame, double cyclesPerSample)
    {
        SlotPoint point = SlotPoint.FromIndex(slot, _cell.SlotsPerFrame, 0);
        ushort mask = _schedule.SsbSymbolMask(point);
        if (mask == 0)
        {
            return;
        }

        int slotsPerHalfFrame = _cell.SlotsPerFrame / 2;
        int halfFrame = slotInFrame / slotsPerHalfFrame;
        IReadOnlyList<int> indices = _cell.SsbIndices;
        for (int b = 0; b < indices.Count; b++)
        {
            int i = indices[b];
            (int ssbSlot, int symbol) = _cell.SsbSlotAndSymbol(i);
            if (ssbSlot != slotInFrame % slotsPerHalfFrame || ((mask >> symbol) & 1) == 0)
            {
                continue;
            }

            long frameStart = SlotStart(slot - slotInFrame);
            long expected = frameStart + (halfFrame * (_samplesPerFrame / 2)) + _tracker.UsefulPartOffsetInHalfFrame(_firstSymbols[i]);
            long first = expected - _margin;
            int count = _tracker.BlockSampleCount + (2 * _margin);
            int at = (int)(first - _bufferStart);
            if (at < 0 || at + count > _bufferCount)
            {
                continue;
            }

            Span<ComplexF32> window = _window.AsSpan(0, count);
            ComplexMixer.Mix(_buffer.AsSpan(at, count), cyclesPerSample, first, window);
            SsbBlockDecode d = _tracker.Decode(window, first, _cell.Pci);
            long error = d.PssUsefulPartStart - expected;
            if (!d.Detected || Math.Abs(error) > _margin)
            {
                SsbMissed++;
                continue;
            }

            SsbDetected++;
            _lastDetectedSlot = slot;
            _settledBlocks = Math.Abs(error) <= 1 ? _settledBlocks + 1 : 0;
            Measure(symbol + 2);
            if (d.Pbch.CrcPassed && d.Pbch.Mib is Mib mib)
            {
                MibDecoded++;
                if (mib.SystemFrameNumber != (int)(slot / _cell.SlotsPerFrame % 1024))
                {
                    SfnMismatches++;
                }
            }

            // Frequency: half the residual per block; timing: half the way to where the block was (whole samples).
            _cfoHz += TrackingGain * d.FrequencyOffsetHz;
            _timing += TrackingGain * (_offset + error - _timing);
            TimingCorrectionSamples += Math.Abs(error);
        }
    }

    /// <summary>The timing drift per sample implied by the carrier frequency offset: a receiver clock fast by ε sees −ε·f_c.</summary>
    private double DriftPerSample => -_cfoHz / _cell.DownlinkCenterHz;

    /// <summary>
    /// Removes, symbol by symbol, the timing error the slot's whole-sample start leaves: its fractional part and the drift
    /// within the slot (a subcarrier k of a signal τ samples late turns by −2π·k·τ/N, undone by +2π·k·τ/N).
    /// </summary>
    private void CompensateDrift(long slot)
    {
        double fraction = _timing - _offset;
        double drift = DriftPerSample;
        OfdmTiming timing = _cell.Timing;
        int slotInSubframe = (int)(slot % _cell.Numerology.SlotsPerSubframe);
        int firstSymbol = slotInSubframe * NrConstants.SymbolsPerSlotNormalCp;
        int slotOffset = timing.SlotOffsetInSubframe(slotInSubframe);
        int n = timing.FftSize;
        int firstSubcarrier = -_grid.SubcarrierCount / 2;
        for (int l = 0; l < NrConstants.SymbolsPerSlotNormalCp; l++)
        {
            double middle = timing.UsefulPartOffset(firstSymbol + l) - slotOffset + (n / 2);
            double tau = fraction + (drift * middle);
            if (Math.Abs(tau) < 1e-3)
            {
                continue;
            }

            Span<ComplexF32> symbol = _grid.Symbol(0, l);
            ComplexMixer.Mix(symbol, tau / n, firstSubcarrier, symbol);
        }
    }

    /// <summary>RSRP and SNR from the SSS (TS 38.211 §7.4.3.1: subcarriers 56..182 of the block) and its guard subcarriers (48..55, 183..191), which carry nothing.</summary>
    private void Measure(int sssSymbol)
    {
        Span<ComplexF32> symbol = _grid.Symbol(0, sssSymbol);
        int k0 = _cell.SsbFirstSubcarrier;
        if (k0 + 192 > symbol.Length)
        {
            return;
        }

        double signal = ComplexKernels.SumOfMagnitudesSquared(symbol.Slice(k0 + 56, 127));
        double noise = ComplexKernels.SumOfMagnitudesSquared(symbol.Slice(k0 + 48, 8)) + ComplexKernels.SumOfMagnitudesSquared(symbol.Slice(k0 + 183, 9));
        signal /= 127;
        noise /= 17;
        RsrpDb = 10 * Math.Log10(Math.Max(signal, 1e-30));
        SnrDb = Math.Min(60, 10 * Math.Log10(Math.Max(signal - noise, 1e-30) / Math.Max(noise, 1e-30)));
    }

    private void MakeUplink(long slot)
    {
        // N_TA = T_A·16·64/2^μ T_c from the random-access response, then + (T_A − 31)·16·64/2^μ T_c per Timing Advance
        // Command, each from uplink slot n + k + 1 (TS 38.213 §4.2, UplinkTimingAdvance); T_c = 1/(480 kHz · 4096), so a
        // step is 12 samples at 23.04 Msps and 15 kHz. The random-access UE advances its Msg3 by the RAR's T_A itself;
        // everything after its contention resolution (the Msg4's HARQ-ACK on) leaves N_TA early here.
        double stepSamples = 16.0 * 64 / (1 << _cell.Numerology.Mu) * _cell.SampleRateHz / (480e3 * 4096);
        long rarSteps = _ue.RandomAccess is { CRnti: >= 0, TimingAdvanceCommand: > 0 } ra ? ra.TimingAdvanceCommand : 0;
        int advance = Math.Max(0, (int)Math.Round((rarSteps + _timingAdvance.StepsFor(slot)) * stepSamples));
        if (advance != TimingAdvanceSamples)
        {
            TimingAdvanceSamples = advance;
            TimingAdvanceChangedSlot = slot;
        }

        int length = _clock.SlotLength(slot);
        Span<ComplexF32> samples = _uplink.AsSpan(0, length);
        if (!_ue.MakeUplinkSlot(slot, samples))
        {
            return;
        }

        long timestamp = SlotStart(slot) - TimingAdvanceSamples;

        // One oscillator makes the carriers and the sample clock: the carrier offset the downlink shows (−ε·f_DL for a
        // local oscillator fast by ε) means the transmitter's carrier is off by +ε·f_UL. Mixing the uplink by
        // CFO·f_UL/f_DL (phase continuous in the transmit timestamps) puts it where the gNB expects it: TS 38.101-1
        // §6.4.1 wants the UE's carrier within ±0.1 ppm of the carrier it receives. (The timing needs no such step: the
        // uplink slot starts where the tracked downlink slot starts in the same clock, less N_TA.)
        ComplexMixer.Mix(samples, _cfoHz * _uplinkPerDownlink / _cell.SampleRateHz, timestamp, samples);
        int skip = 0;
        long onAir = _bufferStart + _bufferCount;
        if (timestamp < _txNext)
        {
            // The timing moved back: the head overlaps what was already queued.
            skip = (int)Math.Min(length, _txNext - timestamp);
        }

        if (timestamp + skip < onAir)
        {
            // The radio's transmit clock has passed the slot's start (it keeps pace with the receive clock).
            LateSlots++;
            return;
        }

        long ts = timestamp + skip;
        _radio.Tx.Write(samples[skip..], ref ts);
        _txNext = ts;
    }

    /// <summary>Closes the rows of every second of air (the radio's receive clock) that ended before <paramref name="timestamp"/>.</summary>
    private void CompleteSecondsUpTo(long timestamp, bool synced)
    {
        while ((_secondsCompleted + 1) * _samplesPerSecond <= timestamp)
        {
            CompleteSecond(_secondsCompleted + 1, synced);
        }
    }

    private void CompleteSecond(long second, bool synced)
    {
        TestUeDownlink? dl = _ue.Downlink;
        TestUeHarqFeedback? harq = _ue.HarqFeedback;
        var total = new UeSecond(
            second,
            synced,
            dl?.TransportBlocksDecoded ?? 0,
            dl?.DecodeFailures ?? 0,
            dl?.DecodedBits ?? 0,
            _ue.TransportBlocks,
            harq?.AcksSent ?? 0,
            harq?.NacksSent ?? 0,
            RsrpDb,
            SnrDb,
            _cfoHz,
            TimingOffsetSamples,
            TimingAdvanceSamples,
            LateSlots,
            SsbDetected,
            SsbMissed);
        UeSecond p = _previous;
        _seconds[(second - 1) % SecondsRing] = total with
        {
            DownlinkDecoded = total.DownlinkDecoded - p.DownlinkDecoded,
            DownlinkFailed = total.DownlinkFailed - p.DownlinkFailed,
            DownlinkBits = total.DownlinkBits - p.DownlinkBits,
            UplinkBlocks = total.UplinkBlocks - p.UplinkBlocks,
            HarqAcks = total.HarqAcks - p.HarqAcks,
            HarqNacks = total.HarqNacks - p.HarqNacks,
            SsbDetected = total.SsbDetected - p.SsbDetected,
            SsbMissed = total.SsbMissed - p.SsbMissed,
        };
        _previous = total;
        Volatile.Write(ref _secondsCompleted, second);
    }

    /// <summary>Drops buffered samples before <paramref name="timestamp"/>.</summary>
    private void Discard(long timestamp)
    {
        int drop = (int)Math.Clamp(timestamp - _bufferStart, 0, _bufferCount);
        if (drop == 0)
        {
            return;
        }

        _buffer.AsSpan(drop, _bufferCount - drop).CopyTo(_buffer);
        _bufferCount -= drop;
        _bufferStart += drop;
    }

    /// <summary>Reads until the buffer holds samples up to (not including) <paramref name="end"/>; false (with the failure) when the radio is gone or the run stops.</summary>
    private bool Fill(long end, out UeRunResult failure)
    {
        failure = default;
        IRxStream rx = _radio.Rx;
        long silentSince = 0;
        bool reportedSilence = false;
        while (_bufferStart + _bufferCount < end)
        {
            if (_stopping)
            {
                failure = new UeRunResult(UeOutcome.Stopped, Synced ? Summary() : "stopped before the cell was found");
                return false;
            }

            int free = _buffer.Length - _bufferCount;
            if (free == 0)
            {
                // Cannot happen with the sizes above; keep the newest half rather than stall.
                Discard(_bufferStart + (_bufferCount / 2));
                continue;
            }

            int want = (int)Math.Min(free, end - (_bufferStart + _bufferCount));
            Span<ComplexF32> into = _buffer.AsSpan(_bufferCount, want);
            long ts = 0;
            int got = rx.Read(into, ref ts);
            if (got == 0)
            {
                long now = Stopwatch.GetTimestamp();
                silentSince = silentSince == 0 ? now : silentSince;
                if (_radio.State == RadioState.Streaming && _configuration.Reattach && Stopwatch.GetElapsedTime(silentSince, now) > _options.RadioTimeout)
                {
                    if (reportedSilence)
                    {
                        continue;
                    }

                    // ue.reattach: the peer may come back (a restarted gNB); say so once per silence and keep waiting.
                    _options.Report?.Invoke(string.Create(CultureInfo.InvariantCulture,
                        $"the radio delivered no samples for {_options.RadioTimeout.TotalSeconds:F1} s after timestamp {_bufferStart + _bufferCount}; waiting for the gNB (ue.reattach)"));
                    reportedSilence = true;
                    continue;
                }

                if (_radio.State != RadioState.Streaming || Stopwatch.GetElapsedTime(silentSince, now) > _options.RadioTimeout)
                {
                    failure = new UeRunResult(UeOutcome.RadioGone, string.Create(CultureInfo.InvariantCulture,
                        $"the radio delivered no samples for {_options.RadioTimeout.TotalSeconds:F1} s after timestamp {_bufferStart + _bufferCount} ({(Synced ? $"while following PCI {Pci}, {Slots} slots after sync" : "before any cell was found")}); radio {_radio.Label}, state {_radio.State}, events {_radio.Events.Snapshot()}. Missing: the peer's samples (did openran gnb stop or never start?)"));
                    return false;
                }

                continue;
            }

            silentSince = 0;
            reportedSilence = false;
            if (_options.ReceiveImpairment is { } channel)
            {
                into[..got].CopyTo(_impaired);
                channel.Apply(_impaired.AsSpan(0, got), into[..got], ts);
            }

            long expected = _bufferStart + _bufferCount;
            if (_bufferCount == 0 && ts != expected)
            {
                _bufferStart = ts;
            }
            else if (ts != expected)
            {
                // A gap: the samples in between are lost; start over from the new timestamp.
                ReceiveGaps++;
                into[..got].CopyTo(_buffer);
                _bufferStart = ts;
                _bufferCount = 0;
            }

            _bufferCount += got;
        }

        return true;
    }
}
