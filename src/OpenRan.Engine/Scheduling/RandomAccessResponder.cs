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
/// A Msg3 that fails its CRC is retransmitted (TS 38.213 §8.3, TS 38.321 §5.4.2.1): a DCI 0_0 with CRC scrambled by the
/// TC-RNTI in the same common search space, HARQ process 0, redundancy versions 0, 2, 3, 1, the PUSCH in slot n + K2
/// (TS 38.214 §6.1.2.1: Δ is added only to a PUSCH scheduled by a RAR), soft-combined, up to
/// <c>prach.msg3-max-transmissions</c> transmissions. A decoded Msg3 is answered by a Msg4 (TS 38.321 §5.1.5): a DCI 1_0
/// with the TC-RNTI on CORESET#0 and a PDSCH (DM-RS to point A) carrying the UE Contention Resolution Identity MAC CE
/// (§6.1.3.4: the first 48 bits of the Msg3's CCCH SDU) and padding, with K1 and PUCCH resource indicator 0 for its
/// HARQ-ACK (TS 38.213 §8.4, §9.2.3); on an ACK the contention resolution succeeded and the TC-RNTI is the UE's C-RNTI.
/// </summary>
/// <remarks>
/// Phy-test choices: up to 4 procedures at once, each with its own TC-RNTI (the test UE's C-RNTI + 1..4, or with
/// <c>test-ue.attach: random-access</c> the C-RNTI + 0..3, so the first procedure's TC-RNTI becomes the test UE's C-RNTI);
/// a RAR, a Msg3 retransmission's DCI and a Msg4 are sent in a whole downlink slot without SS/PBCH blocks or SIB1 (a
/// response within 10 ms of the detection, else counted as expired; Msg3 retransmissions and Msg4 within
/// ra-ContentionResolutionTimer = 64 ms, sf64 of TS 38.331 RACH-ConfigCommon, from the Msg3); the Msg3 goes to the
/// first whole uplink slot reachable by a whole-slot row of TS 38.214 Table 6.1.2.1.1-2 that has no PRACH occasion and
/// no PUSCH planned yet. The Msg4 carries no RRCSetup (the engine does no RRC). Its HARQ-ACK uses, with
/// <c>pucch-resource-common</c>, resource r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI of that row of TS 38.213 Table 9.2.1-1
/// (§9.2.1: the DCI's first CCE in CORESET#0, PRI 0), else resource 0 of <c>pucch:</c> standing for it, in the first whole
/// uplink slot k1..8 slots later with no PUCCH, no PRACH occasion and no PUSCH that resource overlaps; without a PUCCH resource the
/// Msg4 counts as delivered. The UE answers only a decoded Msg4 whose identity matches (TS 38.321 §5.3.2.3: no HARQ-ACK
/// while contention resolution has not succeeded), so a missing ACK brings a retransmission (RV 0, 2, 3, 1, up to 4).
/// Everything is built at construction; scheduling allocates nothing.
/// </remarks>
internal sealed class RandomAccessResponder
{
    /// <summary>The Msg3 MCS (QPSK, row 2 of the 64QAM table).</summary>
    public const int Msg3Mcs = 2;

    /// <summary>The Msg3 payload the grant must carry: a CCCH SDU of 48 bits and its subheader (TS 38.321 §6.1.2).</summary>
    public const int Msg3MinimumBytes = 7;

    /// <summary>ra-ContentionResolutionTimer in ms (sf64 of TS 38.331 RACH-ConfigCommon).</summary>
    public const int ContentionResolutionTimerMs = 64;

    /// <summary>The most transmissions of a Msg4.</summary>
    public const int Msg4MaxTransmissions = 4;

    /// <summary>The largest K1 of a DCI 1_0: dl-DataToUL-ACK = {1, …, 8} (TS 38.213 §9.2.3).</summary>
    private const int MaxK1 = 8;

    /// <summary>Slots after the expected HARQ-ACK at which a Msg4 without a PUCCH result counts as unacknowledged.</summary>
    private const int FeedbackTimeoutSlots = 32;

    /// <summary>rv_id of successive transmissions (TS 38.321 §5.4.2.1); static data, so a first random access allocates no array.</summary>
    private static ReadOnlySpan<int> RvSequence => [0, 2, 3, 1];

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
    private readonly Dictionary<int, int> _rarBytes = [];
    private readonly Process[] _processes;
    private readonly int[] _msg3Rows;
    private readonly int _windowSlots;
    private readonly int _mu;
    private readonly DciSizes0_0And1_0 _temporarySizes;
    private readonly int _msg3MaxTransmissions;
    private readonly int _timerSlots;
    private readonly int _firstK1;
    private readonly bool _hasPucch;
    private readonly bool _pucchOverlapsUePusch;
    private readonly bool _pucchOverlapsMsg3;
    private readonly int _commonResource = -1;
    private readonly int _testUeRnti;
    private readonly bool _attachByRandomAccess;

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
        // DCI 0_0 and 1_0 with the TC-RNTI in the common search space: 1_0 sized by CORESET#0, 0_0 by the initial UL BWP (the
        // carrier), aligned to 1_0 (TS 38.212 §7.3.1.0).
        _temporarySizes = new DciSizes0_0And1_0(_rivRbs, cell.NRb, CommonSearchSpace: true);
        _msg3MaxTransmissions = cell.Options.Prach.Msg3MaxTransmissions;
        _timerSlots = ContentionResolutionTimerMs * cell.Numerology.SlotsPerSubframe;
        _firstK1 = Math.Clamp(cell.Options.TestUe.K1, 1, MaxK1);
        _testUeRnti = cell.Options.TestUe.Rnti;
        _attachByRandomAccess = cell.Options.TestUe.Enabled && cell.Options.TestUe.AttachByRandomAccess;
        _hasPucch = cell.Options.Pucch.Count > 0 || cell.Options.PucchResourceCommon is not null;
        PucchResourceCommon? common = null;
        if (cell.Options.PucchResourceCommon is int index)
        {
            // The Msg4's PDCCH: the first CCE of its candidate in CORESET#0, PUCCH resource indicator 0 (TS 38.213 §9.2.1).
            common = PucchResourceCommon.Row(index, cell.NRb);
            _commonResource = PucchResourceCommon.ResourceIndex(firstCce, coreset0.CceCount, 0);
        }

        if (_hasPucch && cell.Options.TestUe.Enabled)
        {
            _pucchOverlapsUePusch = common is null
                ? Overlaps(CellPucch.Prbs(cell, 0), cell.Uplink.StartPrb, cell.Uplink.PrbCount)
                : OverlapsEitherHop(common.Prbs(_commonResource), cell.Uplink.StartPrb, cell.Uplink.PrbCount);
        }

        // The RAR PDSCH: the fewest CORESET#0 PRBs whose TBS holds one MAC RAR subPDU, one configuration per RA-RNTI.
        foreach (int raRnti in _prach.AllRaRntis())
        {
            for (int prbs = 1; prbs <= _rivRbs; prbs++)
            {
                PdschConfiguration c = commonPdsch(prbs, raRnti);
                if (c.TransportBlockSizeFor(c.BuildLayout()) >= MacPdu.RarSubPduBytes * 8)
                {
                    // The TBS once here: BuildLayout allocates (about 8 kB), so never in a slot.
                    _rarPdsch[raRnti] = c;
                    _rarBytes[raRnti] = TransportBlockBytes(c);
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

        // A common PUCCH resource hops between both band edges: beside a Msg3 (PRBs from 0) only if it misses its PRBs.
        _pucchOverlapsMsg3 = common is not null && OverlapsEitherHop(common.Prbs(_commonResource), 0, msg3Prbs);

        _processes = new Process[4];
        int baseRnti = cell.Options.TestUe.Rnti - (_attachByRandomAccess ? 1 : 0);
        for (int i = 0; i < _processes.Length; i++)
        {
            int tc = ((baseRnti + i) % 0xFFEF) + 1;
            RarUplinkGrant grant = RarUplinkGrant.For(0, msg3Prbs, cell.NRb, _msg3Rows[0], Msg3Mcs);
            PuschConfiguration msg3 = grant.Msg3Configuration(cell, tc);
            SharedChannelCodingParameters coding = msg3.CodingParameters(msg3.BuildLayout());

            // Msg4: the fewest CORESET#0 PRBs whose TBS holds the contention resolution identity CE.
            PdschConfiguration? msg4 = null;
            for (int prbs = 1; prbs <= _rivRbs && msg4 is null; prbs++)
            {
                PdschConfiguration c = commonPdsch(prbs, tc);
                if (c.TransportBlockSizeFor(c.BuildLayout()) >= (1 + MacPdu.ContentionResolutionIdentityBytes) * 8)
                {
                    msg4 = c;
                }
            }

            _processes[i] = new Process(tc, grant, msg3, new SharedChannelSoftBuffer(coding.Segmentation.CodeBlockCount, coding.CircularBufferLength), msg4!);
        }

        if (_processes[0].Grant.FrequencyAllocation >= 1 << _temporarySizes.UlFdraBits)
        {
            throw new InvalidOperationException($"the Msg3 RIV {_processes[0].Grant.FrequencyAllocation} does not fit the {_temporarySizes.UlFdraBits}-bit FDRA of DCI 0_0.");
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

    /// <summary>Msg3 retransmissions granted (DCI 0_0 with the TC-RNTI).</summary>
    public long Msg3Retransmissions { get; private set; }

    /// <summary>Msg4 transmissions (first ones and retransmissions).</summary>
    public long Msg4Transmissions { get; private set; }

    /// <summary>Contention resolutions completed: a Msg4 acknowledged on PUCCH (TC-RNTI promoted to C-RNTI).</summary>
    public long ContentionResolutions { get; private set; }

    /// <summary>Procedures abandoned after the Msg3 (its transmissions or the Msg4's used up, or the timer expired).</summary>
    public long ContentionResolutionFailures { get; private set; }

    /// <summary>
    /// With <c>test-ue.attach: random-access</c>: whether the test UE has attached (the procedure whose TC-RNTI is the
    /// test UE's C-RNTI completed its contention resolution); always true for <c>preconfigured</c>.
    /// </summary>
    public bool TestUeAttached { get; private set; }

    /// <summary>The uplink slot whose HARQ-ACK completed the test UE's contention resolution (−1 before, or preconfigured).</summary>
    public long TestUeAttachSlot { get; private set; } = -1;

    /// <summary>Whether <paramref name="plan"/> holds the HARQ-ACK of a Msg4 on a PUCCH that a test-UE PUSCH would overlap.</summary>
    public bool BlocksUePusch(UplinkSlotPlan plan)
    {
        if (!_pucchOverlapsUePusch)
        {
            return false;
        }

        foreach (PucchPdu p in plan.Pucch)
        {
            if (p.RntiType == RntiType.TcRnti)
            {
                return true;
            }
        }

        return false;
    }

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
                    OnMsg3(p, r, results.Slot.Index);
                }
            }
        }

        foreach (PucchResult r in results.Pucch)
        {
            if (r.RntiType != RntiType.TcRnti)
            {
                continue;
            }

            foreach (Process p in _processes)
            {
                if (p.State == ProcessState.Msg4AckPending && p.TemporaryCRnti == r.Rnti && p.AckSlot == results.Slot.Index)
                {
                    OnMsg4Feedback(p, r.Valid && r.HarqAckBits > 0 && r.HarqAck[0] == 1, results.Slot.Index);
                }
            }
        }
    }

    /// <summary>A Msg3 outcome: a decoded one is answered by a Msg4, a failed one retransmitted while transmissions remain.</summary>
    private void OnMsg3(Process p, PuschResult r, long slot)
    {
        if (r.CrcPassed && !r.Late && MacPdu.TryReadCcchSdu(r.Bytes, out ReadOnlySpan<byte> identity))
        {
            Msg3Decoded++;
            LastMsg3TimingOffsetSeconds = r.TimingOffsetSeconds;
            identity.CopyTo(p.Identity);
            p.State = ProcessState.ContentionResolutionPending;
            p.Msg4Transmissions = 0;
            p.TimerEndSlot = slot + _timerSlots;
            return;
        }

        Msg3Failed++;
        if (p.Msg3Transmissions < _msg3MaxTransmissions && slot < p.TimerEndSlot)
        {
            p.State = ProcessState.Msg3RetransmissionPending;
            return;
        }

        p.State = ProcessState.Free;
        ContentionResolutionFailures++;
    }

    /// <summary>The HARQ-ACK of a Msg4 (false: DTX, NACK or lost): success promotes the TC-RNTI, else retransmit or give up.</summary>
    private void OnMsg4Feedback(Process p, bool ack, long slot)
    {
        if (ack)
        {
            ContentionResolutions++;
            if (_attachByRandomAccess && p.TemporaryCRnti == _testUeRnti)
            {
                // The procedure stays in use: its TC-RNTI is now the test UE's C-RNTI (TS 38.321 §5.1.5).
                p.State = ProcessState.Connected;
                TestUeAttached = true;
                TestUeAttachSlot = slot;
            }
            else
            {
                p.State = ProcessState.Free;
            }

            return;
        }

        if (p.Msg4Transmissions < Msg4MaxTransmissions && slot < p.TimerEndSlot)
        {
            p.State = ProcessState.ContentionResolutionPending;
            return;
        }

        p.State = ProcessState.Free;
        ContentionResolutionFailures++;
    }

    /// <summary>
    /// Sends what the random-access procedures need in downlink slot <paramref name="slot"/> if it can carry it — a
    /// pending random-access response (and plans its Msg3), a Msg3 retransmission's DCI 0_0, or a Msg4 (and plans its
    /// HARQ-ACK); true when the slot was used (the test UE is then not scheduled in it).
    /// </summary>
    public bool TrySchedule(SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        Process? process = null;
        foreach (Process p in _processes)
        {
            switch (p.State)
            {
                case ProcessState.ResponsePending when slot.Index > p.DetectedSlot + _windowSlots:
                    p.State = ProcessState.Free;
                    Expired++;
                    continue;
                case ProcessState.Msg3RetransmissionPending or ProcessState.ContentionResolutionPending when slot.Index > p.TimerEndSlot:
                    p.State = ProcessState.Free;
                    ContentionResolutionFailures++;
                    continue;
                case ProcessState.Msg4AckPending when slot.Index > p.AckSlot + FeedbackTimeoutSlots:
                    // The PUCCH result never came back (its uplink slot was dropped): as no ACK.
                    OnMsg4Feedback(p, false, slot.Index);
                    break;
            }

            if (p.State is ProcessState.ResponsePending or ProcessState.Msg3RetransmissionPending or ProcessState.ContentionResolutionPending)
            {
                process ??= p;
            }
        }

        if (process is null || !_schedule.IsFullDownlink(slot.Index) || _schedule.SsbSymbolMask(slot) != 0 || _schedule.Sib1Block(slot) >= 0
            || downlink.PdcchCount > 0 || downlink.PdschCount > 0)
        {
            return false;
        }

        return process.State switch
        {
            ProcessState.ResponsePending => TryRespond(process, slot, downlink, uplink),
            ProcessState.Msg3RetransmissionPending => TryRetransmitMsg3(process, slot, downlink, uplink),
            _ => TrySendMsg4(process, slot, downlink, uplink),
        };
    }

    private bool TryRespond(Process process, SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        if (!_rarPdsch.TryGetValue(process.RaRnti, out PdschConfiguration? config))
        {
            return false;
        }

        // The Msg3 slot: n + K2 + Δ for the first whole-slot row that reaches a free whole uplink slot.
        (UplinkSlotPlan? target, int row) = FindMsg3Slot(slot.Index + RarUplinkGrant.Delta(_mu), uplink);
        if (target is null)
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

        CommonPdcch(pdcch, process.RaRnti);
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
        pdsch.TransportBlockBytes = _rarBytes[process.RaRnti];
        MacPdu.WriteRandomAccessResponse(pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes), process.Preamble, Math.Min(process.TimingAdvanceCommand, 3846), grant.Pack(), process.TemporaryCRnti);

        process.Msg3Transmissions = 0;
        PlanMsg3(process, pusch, target.Slot.Index);
        Responses++;
        return true;
    }

    /// <summary>
    /// A Msg3 retransmission (TS 38.213 §8.3): DCI 0_0 with CRC scrambled by the TC-RNTI — the RAR's PRBs and MCS, HARQ
    /// process 0, the next redundancy version of 0, 2, 3, 1 (the UE retransmits whatever the NDI, TS 38.321 §5.4.2.1) —
    /// and the PUSCH K2 slots later (no Δ: TS 38.214 §6.1.2.1 adds it only to a PUSCH scheduled by a RAR UL grant).
    /// </summary>
    private bool TryRetransmitMsg3(Process process, SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        (UplinkSlotPlan? target, int row) = FindMsg3Slot(slot.Index, uplink);
        if (target is null)
        {
            return false;
        }

        PdcchPdu? pdcch = downlink.AddPdcch();
        PuschPdu? pusch = target.AddPusch();
        if (pdcch is null || pusch is null)
        {
            return false;
        }

        CommonPdcch(pdcch, process.TemporaryCRnti);
        var dci = new Dci0_0
        {
            FrequencyDomainAssignment = process.Grant.FrequencyAllocation,
            TimeDomainAssignment = row,
            Mcs = process.Grant.Mcs,
            NewDataIndicator = 0,
            RedundancyVersion = RvSequence[process.Msg3Transmissions % 4],
            HarqProcess = 0,
            TpcPusch = 1,
        };
        _temporarySizes.Pack(dci, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));
        PlanMsg3(process, pusch, target.Slot.Index);
        Msg3Retransmissions++;
        return true;
    }

    /// <summary>
    /// A Msg4 (TS 38.321 §5.1.5, TS 38.213 §8.4): DCI 1_0 with the TC-RNTI (NDI, RV 0, 2, 3, 1, HARQ process 0, PUCCH
    /// resource indicator 0, K1) and a PDSCH in CORESET#0 with the UE Contention Resolution Identity MAC CE; its HARQ-ACK
    /// is expected on PUCCH resource 0 K1 slots later.
    /// </summary>
    private bool TrySendMsg4(Process process, SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        int k1 = 0;
        UplinkSlotPlan? feedback = null;
        if (_hasPucch)
        {
            for (int k = _firstK1; k <= MaxK1 && feedback is null; k++)
            {
                long u = slot.Index + k;
                if (!_schedule.IsFullUplink(u))
                {
                    continue;
                }

                UplinkSlotPlan candidate = uplink.PlanFor(u);
                if (candidate.PucchCount == 0 && !_prach.HasOccasion(candidate.Slot) && (candidate.PuschCount == 0 || (OnlyMsg3(candidate) ? !_pucchOverlapsMsg3 : !_pucchOverlapsUePusch)))
                {
                    feedback = candidate;
                    k1 = k;
                }
            }

            if (feedback is null)
            {
                return false;
            }
        }

        PdcchPdu? pdcch = downlink.AddPdcch();
        PdschPdu? pdsch = downlink.AddPdsch();
        PucchPdu? pucch = feedback?.AddPucch();
        if (pdcch is null || pdsch is null || (feedback is not null && pucch is null))
        {
            return false;
        }

        PdschConfiguration config = process.Msg4;
        bool newData = process.Msg4Transmissions == 0;
        if (newData)
        {
            process.Msg4Ndi ^= 1;
        }

        int rv = RvSequence[process.Msg4Transmissions % 4];
        CommonPdcch(pdcch, process.TemporaryCRnti);
        var dci = new Dci1_0
        {
            Identifier = 1,
            FrequencyDomainAssignment = ResourceIndicatorValue.Compute(config.PrbSet[0], config.PrbSet.Count, _rivRbs),
            TimeDomainAssignment = _tdraRow,
            Mcs = _mcs,
            NewDataIndicator = process.Msg4Ndi,
            RedundancyVersion = rv,
            HarqProcess = 0,
            TpcPucch = 1,
            PucchResourceIndicator = 0,
            PdschToHarqTiming = Math.Max(k1, 1) - 1,
        };
        _temporarySizes.Pack(dci, DciRntiType.TcRnti, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));

        pdsch.Configuration = config;
        pdsch.ReferenceCrb = 0;
        pdsch.Rnti = process.TemporaryCRnti;
        pdsch.RntiType = RntiType.TcRnti;
        pdsch.RedundancyVersion = rv;
        pdsch.HarqProcess = 0;
        pdsch.NewData = newData;
        pdsch.TransportBlockBytes = process.Msg4Bytes;
        MacPdu.WriteContentionResolution(pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes), process.Identity);
        process.Msg4Transmissions++;
        Msg4Transmissions++;

        if (pucch is null)
        {
            // No PUCCH resource to answer on: the Msg4 counts as delivered.
            OnMsg4Feedback(process, true, slot.Index);
            return true;
        }

        pucch.Resource = 0;
        pucch.CommonResource = _commonResource;
        pucch.Rnti = process.TemporaryCRnti;
        pucch.RntiType = RntiType.TcRnti;
        pucch.HarqAckBits = 1;
        pucch.HarqProcesses[0] = 0;
        process.AckSlot = feedback!.Slot.Index;
        process.State = ProcessState.Msg4AckPending;
        return true;
    }

    private static bool Overlaps((int First, int Last) prbs, int start, int count) => prbs.First <= start + count - 1 && prbs.Last >= start;

    private static bool OverlapsEitherHop((int FirstHop, int SecondHop) hops, int start, int count) =>
        Overlaps((hops.FirstHop, hops.FirstHop), start, count) || Overlaps((hops.SecondHop, hops.SecondHop), start, count);

    private static bool OnlyMsg3(UplinkSlotPlan plan)
    {
        foreach (PuschPdu p in plan.Pusch)
        {
            if (p.RntiType != RntiType.TcRnti)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first whole uplink slot <paramref name="from"/> + K2 (a whole-slot row) without PRACH occasion or PUSCH, and its row.</summary>
    private (UplinkSlotPlan? Target, int Row) FindMsg3Slot(long from, IUplinkPlanner uplink)
    {
        foreach (int r in _msg3Rows)
        {
            long u = from + Ts38214Table6_1_2_1_1_2.Row(r, _mu).K2;
            if (!_schedule.IsFullUplink(u))
            {
                continue;
            }

            UplinkSlotPlan candidate = uplink.PlanFor(u);
            if (candidate.PuschCount == 0 && !_prach.HasOccasion(candidate.Slot))
            {
                return (candidate, r);
            }
        }

        return (null, -1);
    }

    /// <summary>A DCI on CORESET#0 in the common search space (the candidates of searchSpaceZero) for <paramref name="rnti"/>.</summary>
    private void CommonPdcch(PdcchPdu pdcch, int rnti)
    {
        pdcch.Coreset = _coreset0;
        pdcch.FirstSymbol = 0;
        pdcch.AggregationLevel = _aggregationLevel;
        pdcch.FirstCce = _firstCce;
        pdcch.Rnti = rnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = _sizes.Size;
    }

    /// <summary>Plans the Msg3 (first transmission or retransmission) of <paramref name="process"/> in uplink slot <paramref name="slot"/>.</summary>
    private void PlanMsg3(Process process, PuschPdu pusch, long slot)
    {
        pusch.Configuration = process.Msg3;
        pusch.SoftBuffer = process.SoftBuffer;
        pusch.RedundancyVersion = RvSequence[process.Msg3Transmissions % 4];
        pusch.NewData = process.Msg3Transmissions == 0;
        pusch.HarqProcess = 0;
        pusch.Rnti = process.TemporaryCRnti;
        pusch.RntiType = RntiType.TcRnti;
        process.Msg3Transmissions++;
        process.State = ProcessState.Msg3Pending;
        process.Msg3Slot = slot;

        // ra-ContentionResolutionTimer (re)starts with each Msg3 transmission (TS 38.321 §5.1.5).
        process.TimerEndSlot = slot + _timerSlots;
    }

    /// <summary>Every configuration this responder puts in a PDU: the RAR PDSCH of each RA-RNTI, each procedure's Msg3 and Msg4.</summary>
    public IEnumerable<Phy.Upper.Channels.SharedChannel.SharedChannelConfiguration> Configurations()
    {
        foreach (PdschConfiguration c in _rarPdsch.Values)
        {
            yield return c;
        }

        foreach (Process p in _processes)
        {
            yield return p.Msg3;
            yield return p.Msg4;
        }
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
            max = Math.Max(max, Math.Max(TransportBlockBytes(p.Msg3), TransportBlockBytes(p.Msg4)));
        }

        return max;
    }

    private static int TransportBlockBytes(Phy.Upper.Channels.SharedChannel.SharedChannelConfiguration c) => c.TransportBlockSizeFor(c.BuildLayout()) / 8;

    private enum ProcessState
    {
        Free,
        ResponsePending,
        Msg3Pending,
        Msg3RetransmissionPending,
        ContentionResolutionPending,
        Msg4AckPending,
        Connected,
    }

    private sealed class Process(int temporaryCRnti, RarUplinkGrant grant, PuschConfiguration msg3, SharedChannelSoftBuffer softBuffer, PdschConfiguration msg4)
    {
        public PdschConfiguration Msg4 { get; } = msg4;

        /// <summary>The Msg4's TBS in bytes (computed once: a layout allocates).</summary>
        public int Msg4Bytes { get; } = TransportBlockBytes(msg4);

        public byte[] Identity { get; } = new byte[MacPdu.ContentionResolutionIdentityBytes];

        public int Msg3Transmissions { get; set; }

        public int Msg4Transmissions { get; set; }

        public int Msg4Ndi { get; set; }

        public long TimerEndSlot { get; set; } = long.MaxValue;

        public long AckSlot { get; set; }

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
