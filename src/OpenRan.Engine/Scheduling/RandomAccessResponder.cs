using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The random-access part of the phy-test scheduler (TS 38.321 §5.1, TS 38.213 §8): PRACH occasions of
/// <see cref="CellPrach"/> put in the uplink plans; each detected preamble answered with a random-access response — DCI
/// 1_0 with the RA-RNTI of its occasion on CORESET#0 (the candidates of searchSpaceZero, monitored in every slot like a
/// ra-SearchSpace on CORESET#0), a PDSCH inside CORESET#0 with DM-RS referenced to point A (TS 38.211 §7.4.1.1.2: not SI-RNTI) carrying one
/// MAC RAR (RAPID, the detector's timing advance, the UL grant, a TC-RNTI) — and the Msg3 PUSCH expected K2 + Δ slots later.
/// </summary>
/// <remarks>
/// Phy-test choices: up to 4 procedures at once, each with its own TC-RNTI (the test UE's C-RNTI + 1..4); a response is
/// sent in a whole downlink slot without SS/PBCH blocks or SIB1 within 10 ms of the detection (else counted as expired);
/// the Msg3 goes to the first whole uplink slot reachable by a whole-slot row of TS 38.214 Table 6.1.2.1.1-2 that has no
/// PRACH occasion and no PUSCH planned yet; it is not retransmitted (no DCI 0_0 with TC-RNTI) and no Msg4 follows.
/// Everything is built at construction; scheduling allocates nothing.
/// </remarks>
internal sealed class RandomAccessResponder
{
    /// <summary>The Msg3 MCS (QPSK, row 2 of the 64QAM table).</summary>
    public const int Msg3Mcs = 2;

    /// <summary>The Msg3 payload the grant must carry: a CCCH SDU of 48 bits and its subheader (TS 38.321 §6.1.2).</summary>
    public const int Msg3MinimumBytes = 7;

    private readonly CellSetup _cell;
    private readonly CellPrach _prach;
    private readonly CellSchedule _schedule;
    private readonly Coreset _coreset0;
    private readonly DciSizes0_0And1_0 _sizes;
    private readonly int _firstCce;
    private readonly int _aggregationLevel;
    private readonly int _tdraRow;
    private readonly int _mcs;
    private readonly int _rivRbs;
    private readonly Dictionary<int, PdschConfiguration> _rarPdsch = [];
    private readonly Process[] _processes;
    private readonly int[] _msg3Rows;
    private readonly int _windowSlots;
    private readonly int _mu;

    public RandomAccessResponder(CellSetup cell, CellSchedule schedule, Coreset coreset0, DciSizes0_0And1_0 sizes, int firstCce, int aggregationLevel, int tdraRow, Func<int, int, PdschConfiguration> commonPdsch)
    {
        _cell = cell;
        _prach = new CellPrach(cell);
        _schedule = schedule;
        _coreset0 = coreset0;
        _sizes = sizes;
        _firstCce = firstCce;
        _aggregationLevel = aggregationLevel;
        _tdraRow = tdraRow;
        _mcs = cell.Options.Sib1.Mcs;
        _mu = cell.Numerology.Mu;
        _windowSlots = 10 * cell.Numerology.SlotsPerSubframe;
        _rivRbs = cell.Coreset0Row.RbCount;

        // The RAR PDSCH: the fewest CORESET#0 PRBs whose TBS holds one MAC RAR subPDU, one configuration per RA-RNTI.
        foreach (int raRnti in _prach.AllRaRntis())
        {
            for (int prbs = 1; prbs <= _rivRbs; prbs++)
            {
                PdschConfiguration c = commonPdsch(prbs, raRnti);
                if (c.TransportBlockSizeFor(c.BuildLayout()) >= MacPdu.RarSubPduBytes * 8)
                {
                    _rarPdsch[raRnti] = c;
                    break;
                }
            }
        }

        // Msg3: the fewest PRBs (from PRB 0) whose TBS holds a CCCH SDU at Msg3Mcs.
        var rows = new List<int>();
        int j = Ts38214Table6_1_2_1_1_2.J(_mu);
        for (int k2 = j; k2 <= j + 3; k2++)
        {
            int row = Ts38214Table6_1_2_1_1_2.WholeSlot(k2, _mu);
            if (row >= 0)
            {
                rows.Add(row);
            }
        }

        _msg3Rows = rows.ToArray();
        int msg3Prbs = 1;
        while (TransportBlockBytes(RarUplinkGrant.For(0, msg3Prbs, cell.NRb, _msg3Rows[0], Msg3Mcs).Msg3Configuration(cell, 1)) < Msg3MinimumBytes)
        {
            msg3Prbs++;
        }

        _processes = new Process[4];
        int baseRnti = cell.Options.TestUe.Rnti;
        for (int i = 0; i < _processes.Length; i++)
        {
            int tc = ((baseRnti + i) % 0xFFEF) + 1;
            RarUplinkGrant grant = RarUplinkGrant.For(0, msg3Prbs, cell.NRb, _msg3Rows[0], Msg3Mcs);
            PuschConfiguration msg3 = grant.Msg3Configuration(cell, tc);
            SharedChannelCodingParameters coding = msg3.CodingParameters(msg3.BuildLayout());
            _processes[i] = new Process(tc, grant, msg3, new SharedChannelSoftBuffer(coding.Segmentation.CodeBlockCount, coding.CircularBufferLength));
        }

        HorizonSlots = j + 3 + RarUplinkGrant.Delta(_mu);
    }

    /// <summary>The PRACH occasions.</summary>
    public CellPrach Prach => _prach;

    /// <summary>The most slots between a RAR and its Msg3.</summary>
    public int HorizonSlots { get; }

    /// <summary>Random-access responses sent.</summary>
    public long Responses { get; private set; }

    /// <summary>Detections not answered within the window (or while 4 procedures were running).</summary>
    public long Expired { get; private set; }

    /// <summary>Msg3 PUSCHs decoded.</summary>
    public long Msg3Decoded { get; private set; }

    /// <summary>Msg3 PUSCHs that failed (CRC or deadline).</summary>
    public long Msg3Failed { get; private set; }

    /// <summary>The timing offset of the last decoded Msg3, seconds.</summary>
    public double LastMsg3TimingOffsetSeconds { get; private set; }

    /// <summary>Puts the PRACH occasions of uplink slot <paramref name="slot"/> in its plan.</summary>
    public void AddOccasions(SlotPoint slot, IUplinkPlanner uplink)
    {
        ReadOnlySpan<Phy.Upper.Channels.Prach.PrachOccasion> occasions = _prach.Occasions(slot);
        if (occasions.IsEmpty)
        {
            return;
        }

        UplinkSlotPlan plan = uplink.PlanFor(slot.Index);
        for (int i = 0; i < occasions.Length; i++)
        {
            plan.AddPrach(new PrachOccasionPdu(occasions[i], 0, _prach.OffsetInSlot(slot, i), _prach.RaRnti(occasions[i], 0)));
        }
    }

    /// <summary>Whether uplink slot <paramref name="slot"/> holds a PRACH occasion (no PUSCH is granted there).</summary>
    public bool HasOccasion(SlotPoint slot) => _prach.HasOccasion(slot);

    /// <summary>Records the detections and Msg3 outcomes of an uplink slot.</summary>
    public void OnUplinkResults(UplinkSlotResults results)
    {
        foreach (PrachDetectionResult d in results.Prach)
        {
            Process? free = null;
            bool duplicate = false;
            foreach (Process p in _processes)
            {
                duplicate |= p.State != ProcessState.Free && p.RaRnti == d.Occasion.RaRnti && p.Preamble == d.PreambleIndex && p.DetectedSlot == results.Slot.Index;
                if (free is null && p.State == ProcessState.Free)
                {
                    free = p;
                }
            }

            if (duplicate)
            {
                continue;
            }

            if (free is null)
            {
                Expired++;
                continue;
            }

            free.State = ProcessState.ResponsePending;
            free.Preamble = d.PreambleIndex;
            free.TimingAdvanceCommand = d.TimingAdvanceCommand;
            free.RaRnti = d.Occasion.RaRnti;
            free.DetectedSlot = results.Slot.Index;
        }

        foreach (PuschResult r in results.Pusch)
        {
            if (r.RntiType != RntiType.TcRnti)
            {
                continue;
            }

            foreach (Process p in _processes)
            {
                if (p.State == ProcessState.Msg3Pending && p.TemporaryCRnti == r.Rnti && p.Msg3Slot == results.Slot.Index)
                {
                    p.State = ProcessState.Free;
                    if (r.CrcPassed && !r.Late)
                    {
                        Msg3Decoded++;
                        LastMsg3TimingOffsetSeconds = r.TimingOffsetSeconds;
                    }
                    else
                    {
                        Msg3Failed++;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sends a pending random-access response in downlink slot <paramref name="slot"/> if it can carry one and plans its
    /// Msg3; true when the slot was used (the test UE is then not scheduled in it).
    /// </summary>
    public bool TrySchedule(SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        Process? process = null;
        foreach (Process p in _processes)
        {
            if (p.State != ProcessState.ResponsePending)
            {
                continue;
            }

            if (slot.Index > p.DetectedSlot + _windowSlots)
            {
                p.State = ProcessState.Free;
                Expired++;
                continue;
            }

            process ??= p;
        }

        if (process is null || !_schedule.IsFullDownlink(slot.Index) || _schedule.SsbSymbolMask(slot) != 0 || _schedule.Sib1Block(slot) >= 0
            || !_rarPdsch.TryGetValue(process.RaRnti, out PdschConfiguration? config))
        {
            return false;
        }

        // The Msg3 slot: n + K2 + Δ for the first whole-slot row that reaches a free whole uplink slot.
        UplinkSlotPlan? target = null;
        int row = -1;
        foreach (int r in _msg3Rows)
        {
            long u = slot.Index + Ts38214Table6_1_2_1_1_2.Row(r, _mu).K2 + RarUplinkGrant.Delta(_mu);
            if (!_schedule.IsFullUplink(u))
            {
                continue;
            }

            UplinkSlotPlan candidate = uplink.PlanFor(u);
            if (candidate.PuschCount == 0 && !_prach.HasOccasion(candidate.Slot))
            {
                target = candidate;
                row = r;
                break;
            }
        }

        if (target is null || downlink.PdcchCount > 0 || downlink.PdschCount > 0)
        {
            return false;
        }

        PdcchPdu? pdcch = downlink.AddPdcch();
        PdschPdu? pdsch = downlink.AddPdsch();
        PuschPdu? pusch = target.AddPusch();
        if (pdcch is null || pdsch is null || pusch is null)
        {
            return false;
        }

        pdcch.Coreset = _coreset0;
        pdcch.FirstSymbol = 0;
        pdcch.AggregationLevel = _aggregationLevel;
        pdcch.FirstCce = _firstCce;
        pdcch.Rnti = process.RaRnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = _sizes.Size;
        var dci = new Dci1_0
        {
            FrequencyDomainAssignment = ResourceIndicatorValue.Compute(config.PrbSet[0], config.PrbSet.Count, _rivRbs),
            TimeDomainAssignment = _tdraRow,
            Mcs = _mcs,
        };
        _sizes.Pack(dci, DciRntiType.RaRnti, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));

        RarUplinkGrant grant = process.Grant with { TimeAllocation = row };
        pdsch.Configuration = config;
        // Point A: an RA-RNTI PDSCH's DM-RS counts from CRB 0 (TS 38.211 §7.4.1.1.2), so its configuration is in CRBs.
        pdsch.ReferenceCrb = 0;
        pdsch.Rnti = process.RaRnti;
        pdsch.RntiType = RntiType.RaRnti;
        pdsch.RedundancyVersion = 0;
        pdsch.HarqProcess = 0;
        pdsch.NewData = true;
        pdsch.TransportBlockBytes = TransportBlockBytes(config);
        MacPdu.WriteRandomAccessResponse(pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes), process.Preamble, Math.Min(process.TimingAdvanceCommand, 3846), grant.Pack(), process.TemporaryCRnti);

        pusch.Configuration = process.Msg3;
        pusch.SoftBuffer = process.SoftBuffer;
        pusch.RedundancyVersion = 0;
        pusch.NewData = true;
        pusch.HarqProcess = 0;
        pusch.Rnti = process.TemporaryCRnti;
        pusch.RntiType = RntiType.TcRnti;

        process.State = ProcessState.Msg3Pending;
        process.Msg3Slot = target.Slot.Index;
        Responses++;
        return true;
    }

    /// <summary>The largest transport block of a RAR or Msg3, bytes.</summary>
    public int MaxTransportBlockBytes()
    {
        int max = 0;
        foreach (PdschConfiguration c in _rarPdsch.Values)
        {
            max = Math.Max(max, TransportBlockBytes(c));
        }

        foreach (Process p in _processes)
        {
            max = Math.Max(max, TransportBlockBytes(p.Msg3));
        }

        return max;
    }

    private static int TransportBlockBytes(Phy.Upper.Channels.SharedChannel.SharedChannelConfiguration c) => c.TransportBlockSizeFor(c.BuildLayout()) / 8;

    private enum ProcessState
    {
        Free,
        ResponsePending,
        Msg3Pending,
    }

    private sealed class Process(int temporaryCRnti, RarUplinkGrant grant, PuschConfiguration msg3, SharedChannelSoftBuffer softBuffer)
    {
        public int TemporaryCRnti { get; } = temporaryCRnti;

        public RarUplinkGrant Grant { get; } = grant;

        public PuschConfiguration Msg3 { get; } = msg3;

        public SharedChannelSoftBuffer SoftBuffer { get; } = softBuffer;

        public ProcessState State { get; set; }

        public int Preamble { get; set; }

        public int TimingAdvanceCommand { get; set; }

        public int RaRnti { get; set; }

        public long DetectedSlot { get; set; }

        public long Msg3Slot { get; set; }
    }
}
