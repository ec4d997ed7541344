using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The built-in scheduler for lab testing (the role of OAI's phy-test mode): SS/PBCH blocks with the running SFN; SIB1 on
/// CORESET#0 in its Type0-PDCCH occasions (DCI 1_0 with SI-RNTI, PDSCH DM-RS referenced to CORESET#0, TS 38.211
/// §7.4.1.1.2); and a configured test UE with a PDCCH (DCI 1_1 or 1_0 in a UE-specific search space on CORESET#1) and a
/// PDSCH in every whole downlink slot, and a DCI 0_1/0_0 PUSCH grant for every whole uplink slot, 16 HARQ processes per
/// direction with redundancy versions 0, 2, 3, 1 driven by HARQ-ACK (uplink: the PUSCH CRC; downlink: PUCCH once
/// merged, or the phy-test assumption that every transmitted PDSCH is acknowledged k1 slots later), and Timing Advance
/// Command MAC CEs from the PUSCH timing estimates. HARQ-ACK uses the dynamic (Type-2) codebook of TS 38.213 §9.1.3: each
/// DCI 1_1/1_0 carries the counter DAI of its assignment within its PUCCH or PUSCH occasion, and each DCI 0_1 the total
/// DAI of the PUSCH it grants (after which no assignment adds to that PUSCH; DCI 0_0 has no DAI, TS 38.213 §9.1.3.2), so a
/// UE that misses a DCI still sends a codebook of the expected size, with a NACK in the missed assignment's place.
/// </summary>
/// <remarks>
/// Phy-test simplifications, documented: the test UE is not scheduled in SIB1 slots (its PDCCH would collide with
/// CORESET#0) nor in special TDD slots; every UE PDSCH takes the longest type-A row of TS 38.214 Table 5.1.2.1.1-2 after CORESET#1,
/// and in SS/PBCH slots only the larger part of its PRBs beside the blocks (so no rate matching around them is needed, and
/// a retransmission waits for a slot of the same kind to keep its PRBs and TBS); PDSCH and PUSCH use DM-RS type 1, dmrs-AdditionalPosition pos2 (the
/// RRC default), scrambling identities N_ID^cell; DL-SCH uses limited-buffer rate matching with TBS_LBRM of TS 38.212
/// §5.4.2.1 (the configured layers, Q_m 8 with qam256 else 6, the carrier's PRBs); UL-SCH does not. All per-slot work
/// allocates nothing: configurations, DCI layouts and HARQ buffers are built at construction.
/// </remarks>
public sealed class PhyTestScheduler : ISlotScheduler
{
    private static readonly int[] s_rvSequence = [0, 2, 3, 1];
    private const int SiRnti = 0xFFFF;

    private readonly CellSetup _cell;
    private readonly CellSchedule _schedule;
    private readonly Coreset _coreset0;
    private readonly Coreset _coreset1;
    private readonly int _coreset0Cces;
    private readonly Dictionary<ushort, PdschConfiguration> _uePdsch = [];
    private readonly Dictionary<ushort, int> _uePdschBytes = [];
    private readonly Dictionary<int, int> _type0Cce = [];
    private readonly Dictionary<ushort, (PdschConfiguration Config, int FirstPrb)> _sib1Pdsch = [];
    private readonly PuschConfiguration _uePusch;
    private readonly int _sib1Tbs;
    private readonly int _sib1TdraRow;
    private readonly DciSizes0_0And1_0 _sib1Sizes;
    private readonly DciSizes0_0And1_0 _ueFallbackSizes;
    private readonly DciFieldLayout _dci1_1;
    private readonly DciFieldLayout _dci0_1;
    private readonly int _ueDlTdraRow;
    private readonly int _ueUlTdraRow;
    private readonly int _dlTbsBytes;
    private readonly int _ulTbsBytes;
    private readonly DownlinkHarq[] _dlHarq;
    private readonly UplinkHarq[] _ulHarq;
    private readonly SearchSpaceConfiguration _ueSearchSpace;
    private readonly int _k1;
    private readonly int _k2;
    private readonly bool _assumeAck;
    private readonly RandomAccessResponder? _randomAccess;
    private readonly int _maxHarqAckBits;
    private readonly bool _pucchOverlapsPrach;
    private readonly bool _uciOnPusch;
    private readonly PuschConfiguration[] _uePuschWithUci = [];
    private int _nextDlHarq;
    private double _timingSumSeconds;
    private int _timingCount;
    private int _pendingTaCommand = -1;
    private long _timingHoldUntil;
    private long _ueFirstSlot = -1;

    /// <summary>Builds the configurations, DCI layouts and HARQ processes of <paramref name="cell"/>.</summary>
    /// <exception cref="ConfigurationException">A grant that the default tables cannot express (k2, SIB1 size).</exception>
    public PhyTestScheduler(CellSetup cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _cell = cell;
        _schedule = new CellSchedule(cell);
        _coreset0 = new Coreset(cell.Coreset0);
        _coreset1 = new Coreset(cell.Coreset1);
        _coreset0Cces = _coreset0.CceCount;
        TestUeOptions ue = cell.Options.TestUe;
        _k1 = ue.K1;
        _k2 = ue.K2;
        _assumeAck = ue.DlHarqFeedback == "assume-ack";
        int mu = cell.Numerology.Mu;
        int pos = cell.Options.Cell.DmrsTypeAPosition;

        // SIB1: DCI 1_0 with SI-RNTI in the Type0-PDCCH CSS; PRBs and TDRA within CORESET#0 (TS 38.214 §5.1.2.2.2).
        _sib1Sizes = new DciSizes0_0And1_0(cell.Coreset0Row.RbCount, cell.Coreset0Row.RbCount, CommonSearchSpace: true);
        int coresetEnd = cell.Type0Occasions.Count == 0 ? 0 : cell.Type0Occasions.Max(o => o.FirstSymbol) + cell.Coreset0Row.SymbolCount;
        _sib1TdraRow = Ts38214Table5_1_2_1_1_2.LongestTypeA(coresetEnd, pos);
        if (_sib1TdraRow < 0)
        {
            throw cell.Options.Source.Error("pdcch.coreset0-index", $"CORESET#0 ends at symbol {coresetEnd}; no type-A row of TS 38.214 Table 5.1.2.1.1-2 starts after it for SIB1; valid: a CORESET#0 of fewer symbols.");
        }

        _sib1Tbs = BuildSib1Configurations();
        foreach (int level in new[] { 4, 8, 16 })
        {
            if (level <= _coreset0Cces)
            {
                _type0Cce[level] = PdcchCandidates.FirstCce(0, 0, Type0PdcchCss.SearchSpace(0).CandidateCount(level), level, _coreset0Cces);
            }
        }

        // Test UE downlink: DCI 1_1 (or 1_0) on CORESET#1, TDRA row 0 of the default table A.
        _ueFallbackSizes = new DciSizes0_0And1_0(cell.NRb, cell.NRb, CommonSearchSpace: false);
        _ueSearchSpace = new SearchSpaceConfiguration(2, false, 1, 0, 1, 0, LevelCandidates(cell.Options.Pdcch.UeAggregationLevel));
        _ueDlTdraRow = Ts38214Table5_1_2_1_1_2.LongestTypeA(cell.Coreset1.Duration, pos);
        var dl11 = new Dci1_1Configuration(cell.NRb, 0, 16, ResourceAllocationType.Type1);
        _dci1_1 = new DciFieldLayout(dl11.Fields(), dl11.Size == _ueFallbackSizes.Size ? dl11.Size + 1 : 0);
        // Dynamic (Type-2) HARQ-ACK codebook (TS 38.213 §9.1.3): DCI 0_1 carries the 2-bit total DAI V_T-DAI,UL.
        var ul01 = new Dci0_1Configuration(cell.NRb, 0, 16, ResourceAllocationType.Type1, DynamicHarqCodebook: true);
        _dci0_1 = new DciFieldLayout(ul01.Fields(), ul01.Size == _ueFallbackSizes.Size ? ul01.Size + 1 : 0);
        BuildUePdschConfigurations();
        _dlTbsBytes = _uePdsch.Values.Max(c => TransportBlockSize(c)) / 8;

        // Test UE uplink: whole-slot PUSCH with K2 = k2 from the default table A.
        _ueUlTdraRow = Ts38214Table6_1_2_1_1_2.WholeSlot(_k2, mu);
        if (_ueUlTdraRow < 0)
        {
            int j = Ts38214Table6_1_2_1_1_2.J(mu);
            throw cell.Options.Source.Error("test-ue.k2", $"k2 = {_k2} has no whole-slot row in TS 38.214 Table 6.1.2.1.1-2 at {cell.Options.Cell.ScsKhz} kHz; valid: {j} | {j + 1} | {j + 2} | {j + 3}.");
        }

        _uePusch = BuildUePusch();
        if (cell.Options.Prach.Enabled)
        {
            int level = Sib1AggregationLevel();
            (_, int rs, int rl) = Ts38214Table5_1_2_1_1_2.Row(_sib1TdraRow, pos);
            McsEntry rarMcs = McsTables.Lookup(McsTable.Qam64, cell.Options.Sib1.Mcs);
            _randomAccess = new RandomAccessResponder(cell, _schedule, _coreset0, _sib1Sizes, _type0Cce[level], level, _sib1TdraRow, (prbs, raRnti) => CommonPdsch(0, prbs, rs, rl, rarMcs, raRnti));
        }

        // pucch-ResourceCommon is broadcast in SIB1 (TS 38.331 PUCCH-ConfigCommon); the engine builds no SIB1, so a configured
        // SIB1 that decodes must carry the same row.
        if (cell.Options.PucchResourceCommon is int common && Rrc.Sib1Decoder.TryDecode(cell.Sib1.Span, out _) is { PucchResourceCommon: int carried } && carried != common)
        {
            throw cell.Options.Source.Error("pucch-resource-common", $"{common} differs from the pucch-ResourceCommon {carried} of the configured SIB1; valid: {carried}, or a SIB1 that carries {common}.");
        }

        if (ue.Enabled && ue.AttachByRandomAccess && _randomAccess is null)
        {
            throw cell.Options.Source.Error("test-ue.attach", "random-access needs PRACH occasions; valid: prach.enabled: true, or attach: preconfigured.");
        }

        if (!_assumeAck)
        {
            _maxHarqAckBits = ValidatePucchFeedback();
            if (_randomAccess is not null)
            {
                (int first, int last) = CellPucch.Prbs(cell, 0);
                int prachFirst = cell.Options.Prach.FrequencyStart;
                int prachLast = prachFirst + _randomAccess.Prach.Configuration.NRbRa - 1;
                _pucchOverlapsPrach = first <= prachLast && last >= prachFirst;
            }
        }

        _uciOnPusch = ue.UciOnPusch;
        if (_uciOnPusch)
        {
            if (_assumeAck)
            {
                throw cell.Options.Source.Error("test-ue.uci-on-pusch", "true needs HARQ-ACK to multiplex; valid: false, or dl-harq-feedback: pucch.");
            }

            // UCI on PUSCH (TS 38.212 §6.3.2.4, TS 38.213 §9.3): one configuration per HARQ-ACK bit count, same TBS.
            _uePuschWithUci = new PuschConfiguration[_maxHarqAckBits + 1];
            _uePuschWithUci[0] = _uePusch;
            for (int b = 1; b <= _maxHarqAckBits; b++)
            {
                _uePuschWithUci[b] = _uePusch with { Uci = new PuschUciConfiguration { HarqAckBitCount = b, BetaOffsetHarqAckIndex = ue.BetaOffsetHarqAckIndex } };
                _uePuschWithUci[b].ThrowIfInvalid();
            }
        }

        _ulTbsBytes = TransportBlockSize(_uePusch) / 8;
        _dlHarq = new DownlinkHarq[ue.HarqProcesses];
        for (int i = 0; i < _dlHarq.Length; i++)
        {
            _dlHarq[i] = new DownlinkHarq(_dlTbsBytes);
        }

        _ulHarq = new UplinkHarq[ue.HarqProcesses];
        SharedChannelCodingParameters ulCoding = _uePusch.CodingParameters(_uePusch.BuildLayout());
        for (int i = 0; i < _ulHarq.Length; i++)
        {
            _ulHarq[i] = new UplinkHarq(new SharedChannelSoftBuffer(ulCoding.Segmentation.CodeBlockCount, ulCoding.CircularBufferLength));
        }
    }

    /// <inheritdoc />
    public int UplinkHorizonSlots => Math.Max(Math.Max(_k2, _randomAccess?.HorizonSlots ?? 0), _assumeAck ? _k1 : MaxK1);

    /// <summary>The largest transport block this scheduler puts in a PDU, in bytes.</summary>
    public int MaxTransportBlockBytes => Math.Max(Math.Max(Math.Max(_dlTbsBytes, _ulTbsBytes), (_sib1Tbs / 8) + 1), _randomAccess?.MaxTransportBlockBytes() ?? 0);

    /// <summary>The cell's PRACH occasions (null when <c>prach.enabled</c> is false).</summary>
    public CellPrach? Prach => _randomAccess?.Prach;

    /// <summary>Downlink HARQ-ACK bits received as ACK (dl-harq-feedback: pucch).</summary>
    public long HarqAcks { get; private set; }

    /// <summary>Downlink HARQ-ACK bits received as NACK.</summary>
    public long HarqNacks { get; private set; }

    /// <summary>HARQ-ACK bits received multiplexed on a PUSCH (<c>test-ue.uci-on-pusch</c>).</summary>
    public long HarqAckBitsOnPusch { get; private set; }

    /// <summary>Downlink transmissions whose PUCCH was DTX (no feedback detected: treated as NACK).</summary>
    public long HarqDtx { get; private set; }

    /// <summary>Random-access responses sent.</summary>
    public long RandomAccessResponses => _randomAccess?.Responses ?? 0;

    /// <summary>Preamble detections left unanswered (no slot within 10 ms, or 4 procedures running).</summary>
    public long RandomAccessExpired => _randomAccess?.Expired ?? 0;

    /// <summary>Msg3 PUSCHs decoded.</summary>
    public long Msg3Decoded => _randomAccess?.Msg3Decoded ?? 0;

    /// <summary>Msg3 PUSCHs that failed.</summary>
    public long Msg3Failed => _randomAccess?.Msg3Failed ?? 0;

    /// <summary>Msg3 retransmissions granted by DCI 0_0 with a TC-RNTI.</summary>
    public long Msg3Retransmissions => _randomAccess?.Msg3Retransmissions ?? 0;

    /// <summary>Msg4 transmissions (UE Contention Resolution Identity, first transmissions and retransmissions).</summary>
    public long Msg4Transmissions => _randomAccess?.Msg4Transmissions ?? 0;

    /// <summary>Contention resolutions completed (a Msg4 acknowledged: the TC-RNTI is the UE's C-RNTI).</summary>
    public long ContentionResolutions => _randomAccess?.ContentionResolutions ?? 0;

    /// <summary>Random-access procedures abandoned after their Msg3 (no decode, no Msg4 ACK within the timer).</summary>
    public long ContentionResolutionFailures => _randomAccess?.ContentionResolutionFailures ?? 0;

    /// <summary>
    /// Whether the test UE is scheduled: always with <c>test-ue.attach: preconfigured</c>; with <c>random-access</c> once
    /// its contention resolution succeeded (its C-RNTI is the promoted TC-RNTI, TS 38.321 §5.1.5).
    /// </summary>
    public bool TestUeAttached => _cell.Options.TestUe.Enabled && (!_cell.Options.TestUe.AttachByRandomAccess || _randomAccess?.TestUeAttached == true);

    /// <summary>The first downlink slot the test UE was scheduled in after attaching by random access (0 when preconfigured, −1 before).</summary>
    public long TestUeFirstSlot => _cell.Options.TestUe.AttachByRandomAccess ? _ueFirstSlot : 0;

    /// <summary>The PUSCH timing offset of the last decoded Msg3, seconds (what the RAR's timing advance left).</summary>
    public double LastMsg3TimingOffsetSeconds => _randomAccess?.LastMsg3TimingOffsetSeconds ?? double.NaN;

    /// <summary>The test UE's downlink TBS in bytes (whole slot without SS/PBCH).</summary>
    public int DownlinkTransportBlockBytes => _dlTbsBytes;

    /// <summary>The test UE's uplink TBS in bytes.</summary>
    public int UplinkTransportBlockBytes => _ulTbsBytes;

    /// <summary>The SIB1 TBS in bits.</summary>
    public int Sib1TransportBlockSize => _sib1Tbs;

    /// <inheritdoc />
    public IEnumerable<SharedChannelConfiguration> SharedChannelConfigurations
    {
        get
        {
            var all = new List<SharedChannelConfiguration>();
            all.AddRange(_uePdsch.Values);
            all.AddRange(_sib1Pdsch.Values.Select(v => v.Config));
            all.Add(_uePusch);
            all.AddRange(_uePuschWithUci);
            if (_randomAccess is not null)
            {
                all.AddRange(_randomAccess.Configurations());
            }

            return all;
        }
    }

    /// <summary>The fixed slot structure.</summary>
    public CellSchedule Schedule => _schedule;

    /// <summary>CORESET#0 (for receivers in tests and the decode command).</summary>
    public Coreset Coreset0 => _coreset0;

    /// <summary>CORESET#1, the test UE's.</summary>
    public Coreset Coreset1 => _coreset1;

    /// <summary>The test UE's search space on CORESET#1.</summary>
    public SearchSpaceConfiguration UeSearchSpace => _ueSearchSpace;

    /// <summary>The size of the test UE's downlink DCI (1_1, or the fallback size).</summary>
    public int UeDownlinkDciSize => _cell.Downlink.FallbackDci ? _ueFallbackSizes.Size : _dci1_1.Size;

    /// <summary>The size of the test UE's uplink DCI (0_1, or the fallback size).</summary>
    public int UeUplinkDciSize => _cell.Uplink.FallbackDci ? _ueFallbackSizes.Size : _dci0_1.Size;

    /// <summary>The DCI 1_1 field layout (for receivers).</summary>
    public DciFieldLayout Dci1_1 => _dci1_1;

    /// <summary>The DCI 0_1 field layout (for receivers).</summary>
    public DciFieldLayout Dci0_1 => _dci0_1;

    /// <summary>Timing Advance Commands sent.</summary>
    public long TimingAdvanceCommands { get; private set; }

    /// <summary>The UE PDSCH configuration of a slot whose SS/PBCH blocks occupy <paramref name="ssbSymbolMask"/>.</summary>
    public PdschConfiguration UePdsch(ushort ssbSymbolMask) => _uePdsch[ssbSymbolMask];

    /// <summary>The test UE's PDSCH configuration for slots with SS/PBCH symbols <paramref name="ssbSymbolMask"/>, if the UE is scheduled in such slots.</summary>
    public bool TryGetUePdsch(ushort ssbSymbolMask, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PdschConfiguration? configuration) => _uePdsch.TryGetValue(ssbSymbolMask, out configuration);

    /// <summary>Every UE PDSCH configuration (one per kind of slot).</summary>
    public IEnumerable<PdschConfiguration> UePdschConfigurations => _uePdsch.Values;

    /// <summary>The SIB1 PDSCH configuration (relative to CORESET#0) of a slot with SS/PBCH symbols <paramref name="ssbSymbolMask"/>.</summary>
    public PdschConfiguration Sib1Pdsch(ushort ssbSymbolMask) => _sib1Pdsch[ssbSymbolMask].Config;

    /// <summary>
    /// The PDSCH a UE derives from a DCI 1_0 with an RA-, TC- or C-RNTI in a common search space on CORESET#0 (PRBs of
    /// the initial BWP = CORESET#0, TDRA row of TS 38.214 Table 5.1.2.1.1-2, MCS of the 64QAM table, n_RNTI), expressed
    /// relative to point A (CRB 0; put it in the carrier with <see cref="PdschPdu.ReferenceCrb"/> = 0): its DM-RS reference
    /// point is subcarrier 0 of CRB 0, as for every PDSCH not scheduled by SI-RNTI in the Type0-PDCCH CSS (TS 38.211
    /// §7.4.1.1.2). Allocates.
    /// </summary>
    public PdschConfiguration CommonPdsch(int firstPrb, int prbCount, int tdraRow, int mcs, int rnti)
    {
        (_, int s, int l) = Ts38214Table5_1_2_1_1_2.Row(tdraRow, _cell.Options.Cell.DmrsTypeAPosition);
        return CommonPdsch(firstPrb, prbCount, s, l, McsTables.Lookup(McsTable.Qam64, mcs), rnti);
    }

    /// <summary>The test UE's PUSCH configuration.</summary>
    public PuschConfiguration UePusch => _uePusch;

    /// <summary>The most HARQ-ACK bits one PUCCH or PUSCH occasion of the test UE carries (0 with <c>assume-ack</c>).</summary>
    public int MaxHarqAckBits => _maxHarqAckBits;

    /// <summary>
    /// The test UE's PUSCH configuration with <paramref name="harqAckBits"/> HARQ-ACK bits multiplexed (UCI on PUSCH,
    /// <c>test-ue.uci-on-pusch</c>; 0: <see cref="UePusch"/>).
    /// </summary>
    public PuschConfiguration UePuschWithHarqAck(int harqAckBits) => harqAckBits == 0 ? _uePusch : _uePuschWithUci[harqAckBits];

    /// <summary>
    /// The PDSCH a UE derives from a DCI 1_1 (or 1_0) with its C-RNTI in its UE-specific search space (TS 38.214 §5.1.2,
    /// §5.1.3): <paramref name="prbCount"/> PRBs from <paramref name="firstPrb"/> of the carrier-wide BWP (type-1 FDRA),
    /// the TDRA row of TS 38.214 Table 5.1.2.1.1-2, Q_m and R of the MCS row, the layers of the antenna-port field, and the
    /// dedicated configuration this cell and its test UE share (DM-RS type 1 pos2, N_ID^cell scrambling, TBS_LBRM of the
    /// configured layers and table). Allocates: derive once per kind of assignment.
    /// </summary>
    public PdschConfiguration DedicatedPdsch(int firstPrb, int prbCount, int tdraRow, McsEntry mcs, int layers)
    {
        LinkSetup link = _cell.Downlink;
        (bool typeA, int s, int l) = Ts38214Table5_1_2_1_1_2.Row(tdraRow, _cell.Options.Cell.DmrsTypeAPosition);
        int qmMax = link.Table == McsTable.Qam256 ? 8 : 6;
        return new PdschConfiguration
        {
            Numerology = _cell.Numerology.Mu,
            NSizeGrid = _cell.NRb,
            NStartGrid = 0,
            NIdCell = _cell.Pci,
            NStartBwp = 0,
            NSizeBwp = _cell.NRb,
            PrbSet = Enumerable.Range(firstPrb, prbCount).ToArray(),
            StartSymbol = s,
            SymbolCount = l,
            MappingType = typeA ? SchMappingType.A : SchMappingType.B,
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(mcs.ModulationOrder),
            LayerCount = layers,
            NRnti = _cell.Options.TestUe.Rnti,
            NId = _cell.Pci,
            Dmrs = Dmrs(layers, CdmGroupsWithoutData(layers)),
            TargetCodeRate = mcs.TargetCodeRate,
            LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSizeLimited(link.Layers, qmMax, _cell.NRb)),
        };
    }

    /// <summary>
    /// The test UE's new-data downlink bytes in slot <paramref name="slot"/> when every HARQ process is free: the TBS of its
    /// PDSCH in a whole downlink slot without SIB1 once the UE is scheduled (<see cref="TestUeFirstSlot"/>), else 0 (the
    /// configured maximum the cell can carry).
    /// </summary>
    public int DownlinkTransportBlockBytesIn(SlotPoint slot) =>
        _cell.Options.TestUe.Enabled && TestUeFirstSlot >= 0 && slot.Index >= TestUeFirstSlot && _schedule.IsFullDownlink(slot.Index) && _schedule.Sib1Block(slot) < 0 && _uePdschBytes.TryGetValue(_schedule.SsbSymbolMask(slot), out int bytes)
            ? bytes
            : 0;

    /// <summary>
    /// The test UE's uplink bytes in slot <paramref name="slot"/> when every HARQ process is free: the PUSCH TBS in a whole
    /// uplink slot without a PRACH occasion whose grant slot (K2 earlier) carries no SIB1 and has the UE scheduled, else 0.
    /// </summary>
    public int UplinkTransportBlockBytesIn(SlotPoint slot)
    {
        long grantSlot = slot.Index - _k2;
        if (!_cell.Options.TestUe.Enabled || TestUeFirstSlot < 0 || grantSlot < TestUeFirstSlot || !_schedule.IsFullUplink(slot.Index) || _randomAccess?.HasOccasion(slot) == true)
        {
            return 0;
        }

        SlotPoint grant = SlotPoint.FromIndex(grantSlot, _cell.SlotsPerFrame, _cell.Options.Engine.StartSfn);
        return _schedule.Sib1Block(grant) < 0 ? _ulTbsBytes : 0;
    }

    /// <inheritdoc />
    public void ScheduleDownlink(SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink)
    {
        ArgumentNullException.ThrowIfNull(downlink);
        ArgumentNullException.ThrowIfNull(uplink);
        _schedule.AddSsb(slot, downlink);
        _randomAccess?.AddOccasions(slot, uplink);
        ushort ssbMask = _schedule.SsbSymbolMask(slot);
        int sib1 = _schedule.Sib1Block(slot);
        if (sib1 >= 0)
        {
            ScheduleSib1(slot, downlink, sib1, ssbMask);
            return;
        }

        if (_randomAccess?.TrySchedule(slot, downlink, uplink) == true)
        {
            return;
        }

        if (!TestUeAttached)
        {
            return;
        }

        if (_ueFirstSlot < 0)
        {
            _ueFirstSlot = slot.Index;
        }

        int cceDl = PdcchCandidates.FirstCce(PdcchCandidates.HashingY(false, 1, _cell.Options.TestUe.Rnti, slot.Slot), 0, CandidateCount, _cell.Options.Pdcch.UeAggregationLevel, _coreset1.CceCount);
        int cceUl = PdcchCandidates.FirstCce(PdcchCandidates.HashingY(false, 1, _cell.Options.TestUe.Rnti, slot.Slot), CandidateCount - 1, CandidateCount, _cell.Options.Pdcch.UeAggregationLevel, _coreset1.CceCount);
        if (_schedule.IsFullDownlink(slot.Index))
        {
            ScheduleUeDownlink(slot, downlink, ssbMask, cceDl, uplink);
        }

        long target = slot.Index + _k2;
        if (_schedule.IsFullUplink(target) && (cceUl != cceDl || !_schedule.IsFullDownlink(slot.Index)))
        {
            // Not in PRACH slots nor beside a Msg3 (the grant takes the whole band).
            UplinkSlotPlan ul = uplink.PlanFor(target);
            if (ul.PuschCount == 0 && _randomAccess?.HasOccasion(ul.Slot) != true && _randomAccess?.BlocksUePusch(ul) != true)
            {
                ScheduleUeUplink(slot, downlink, ul, cceUl);
            }
        }
    }

    /// <inheritdoc />
    public void OnUplinkResults(UplinkSlotResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        _randomAccess?.OnUplinkResults(results);
        foreach (PucchResult r in results.Pucch)
        {
            if (r.Rnti != _cell.Options.TestUe.Rnti || r.RntiType != RntiType.CRnti)
            {
                continue;
            }

            for (int i = 0; i < r.HarqAckBits; i++)
            {
                bool ack = r.Valid && r.HarqAck[i] == 1;
                HarqAcks += ack ? 1 : 0;
                HarqNacks += !ack && !r.Dtx ? 1 : 0;
                HarqDtx += r.Dtx ? 1 : 0;
                OnHarqAck(r.HarqProcesses[i], ack);
            }
        }
        foreach (PuschResult r in results.Pusch)
        {
            if (r.RntiType != RntiType.CRnti)
            {
                continue;
            }

            for (int i = 0; i < r.HarqAckBits; i++)
            {
                // HARQ-ACK multiplexed on the PUSCH: an undecoded part counts as a NACK (as PUCCH DTX does).
                bool ack = r.HarqAckValid && r.HarqAck[i] == 1;
                HarqAcks += ack ? 1 : 0;
                HarqNacks += !ack && r.HarqAckValid ? 1 : 0;
                HarqDtx += r.HarqAckValid ? 0 : 1;
                HarqAckBitsOnPusch++;
                OnHarqAck(r.HarqProcesses[i], ack);
            }

            UplinkHarq h = _ulHarq[r.HarqProcess];
            h.Awaiting = false;
            h.LastCrcPassed = r.CrcPassed && !r.Late;
            if (h.LastCrcPassed && results.Slot.Index >= _timingHoldUntil)
            {
                _timingSumSeconds += r.TimingOffsetSeconds;
                _timingCount++;
            }
        }

        UpdateTimingAdvance(results.Slot.Index);
    }

    /// <inheritdoc />
    public void OnDownlinkDropped(DownlinkSlotPlan downlink)
    {
        ArgumentNullException.ThrowIfNull(downlink);
        foreach (PdschPdu p in downlink.Pdsch)
        {
            if (p.RntiType == RntiType.CRnti)
            {
                // Never on air: send the same transmission again, as if it had not been scheduled.
                DownlinkHarq h = _dlHarq[p.HarqProcess];
                h.Transmissions--;
                h.FeedbackDueSlot = long.MinValue;
                h.Acknowledged = false;
                h.Dropped = true;
            }
        }
    }

    /// <summary>Downlink HARQ-ACK from PUCCH or UCI on PUSCH (when dl-harq-feedback is pucch).</summary>
    public void OnHarqAck(int harqProcess, bool ack)
    {
        DownlinkHarq h = _dlHarq[harqProcess];
        h.Acknowledged = ack;
        h.FeedbackDueSlot = long.MinValue;
    }

    private int CandidateCount => _ueSearchSpace.CandidateCount(_cell.Options.Pdcch.UeAggregationLevel);

    private static int[] LevelCandidates(int level)
    {
        var counts = new int[5];
        counts[SearchSpaceConfiguration.LevelIndex(level)] = 2;
        return counts;
    }

    private void ScheduleSib1(SlotPoint slot, DownlinkSlotPlan plan, int block, ushort ssbMask)
    {
        var occasion = _cell.Type0Occasions[block];
        int level = Sib1AggregationLevel();

        (PdschConfiguration config, int firstPrb) = _sib1Pdsch[ssbMask];
        PdcchPdu? pdcch = plan.AddPdcch();
        PdschPdu? pdsch = plan.AddPdsch();
        if (pdcch is null || pdsch is null)
        {
            return;
        }

        pdcch.Coreset = _coreset0;
        pdcch.FirstSymbol = occasion.FirstSymbol;
        pdcch.AggregationLevel = level;
        pdcch.FirstCce = _type0Cce[level];
        pdcch.Rnti = SiRnti;
        pdcch.ScramblingRnti = 0;
        pdcch.PayloadSize = _sib1Sizes.Size;
        int rbs = _cell.Coreset0Row.RbCount;
        var dci = new Dci1_0
        {
            FrequencyDomainAssignment = ResourceIndicatorValue.Compute(firstPrb, config.PrbSet.Count, rbs),
            TimeDomainAssignment = _sib1TdraRow,
            Mcs = _cell.Options.Sib1.Mcs,
            RedundancyVersion = 0,
            SystemInformationIndicator = 0,
        };
        _sib1Sizes.Pack(dci, DciRntiType.SiRnti, pdcch.Payload.AsSpan(0, pdcch.PayloadSize));

        pdsch.Configuration = config;
        pdsch.ReferenceCrb = _cell.Coreset0.FirstRb;
        pdsch.Rnti = SiRnti;
        pdsch.RntiType = RntiType.SiRnti;
        pdsch.RedundancyVersion = 0;
        pdsch.HarqProcess = 0;
        pdsch.NewData = true;
        pdsch.TransportBlockBytes = _sib1Tbs / 8;
        Span<byte> tb = pdsch.TransportBlock.AsSpan(0, pdsch.TransportBlockBytes);
        tb.Clear();
        _cell.Sib1.Span.CopyTo(tb);
    }

    /// <summary>The largest K1 with PUCCH feedback: dl-DataToUL-ACK = {1, …, 8} (the DCI 1_0 set of TS 38.213 §9.2.3).</summary>
    private const int MaxK1 = 8;

    /// <summary>Slots after the expected feedback at which a missing PUCCH result counts as a NACK.</summary>
    private const int FeedbackTimeoutSlots = 32;

    /// <summary>The PUCCH occasion (resource 0) for a PDSCH in downlink slot <paramref name="slotIndex"/>: K1 and the PDU to add a bit to.</summary>
    private (int K1, PucchPdu? Pdu, PuschPdu? Pusch) FindPucch(long slotIndex, IUplinkPlanner uplink)
    {
        int rnti = _cell.Options.TestUe.Rnti;
        for (int k = _k1; k <= MaxK1; k++)
        {
            long target = slotIndex + k;
            if (!_schedule.IsFullUplink(target))
            {
                continue;
            }

            UplinkSlotPlan plan = uplink.PlanFor(target);
            if (_uciOnPusch)
            {
                // UCI on PUSCH: the UE's PUSCH of that slot carries the HARQ-ACK (TS 38.213 §9.3).
                PuschPdu? carrier = UePuschIn(plan);
                if (carrier is not null)
                {
                    // A DCI 0_1 already told the UE the total DAI of this PUSCH (TS 38.213 §9.1.3.2): no later assignment may
                    // add to it. A DCI 0_0 carries none: the UE counts the counter DAIs it received, so bits may still be added.
                    if (_cell.Uplink.FallbackDci && carrier.HarqAckBits < _maxHarqAckBits)
                    {
                        return (k, null, carrier);
                    }

                    continue;
                }
            }

            if (_pucchOverlapsPrach && _randomAccess?.HasOccasion(plan.Slot) == true)
            {
                continue;
            }

            foreach (PucchPdu p in plan.Pucch)
            {
                if (p.Rnti == rnti && p.RntiType == RntiType.CRnti && p.HarqAckBits < _maxHarqAckBits)
                {
                    return (k, p, null);
                }
            }

            if (plan.Pucch.Length == 0 && plan.AddPucch() is { } added)
            {
                added.Resource = 0;
                added.Rnti = rnti;
                added.RntiType = RntiType.CRnti;
                added.HarqAckBits = 0;
                return (k, added, null);
            }
        }

        return (0, null, null);
    }

    /// <summary>The test UE's C-RNTI PUSCH in <paramref name="plan"/>, if granted.</summary>
    private PuschPdu? UePuschIn(UplinkSlotPlan plan)
    {
        foreach (PuschPdu p in plan.Pusch)
        {
            if (p.RntiType == RntiType.CRnti && p.Rnti == _cell.Options.TestUe.Rnti)
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Checks what PUCCH feedback needs: k1 within dl-DataToUL-ACK, resource 0 beside the PUSCH; returns its bit capacity.</summary>
    private int ValidatePucchFeedback()
    {
        if (_k1 > MaxK1)
        {
            throw _cell.Options.Source.Error("test-ue.k1", $"k1 = {_k1} with dl-harq-feedback: pucch; valid: 1..{MaxK1} (dl-DataToUL-ACK = {{1, …, 8}}).");
        }

        if (_cell.Options.Pucch.Count == 0)
        {
            throw _cell.Options.Source.Error("pucch", "dl-harq-feedback: pucch needs a PUCCH resource; valid: a list with at least one resource.");
        }

        (int pucchFirst, int pucchLast) = CellPucch.Prbs(_cell, 0);
        LinkSetup ul = _cell.Uplink;
        if (pucchFirst <= ul.StartPrb + ul.PrbCount - 1 && pucchLast >= ul.StartPrb)
        {
            throw _cell.Options.Source.Error("pucch", $"resource 0 (PRBs {pucchFirst}..{pucchLast}) overlaps the test UE's PUSCH (PRBs {ul.StartPrb}..{ul.StartPrb + ul.PrbCount - 1}); valid: a start-prb outside the PUSCH (e.g. {_cell.NRb - 1} with test-ue.uplink prbs: {_cell.NRb - 1}), or test-ue.uplink start-prb/prbs that leave it free.");
        }

        if (pucchLast >= _cell.NRb)
        {
            throw _cell.Options.Source.Error("pucch", $"resource 0 (PRBs {pucchFirst}..{pucchLast}) is outside the {_cell.NRb}-PRB carrier; valid: start-prb 0..{_cell.NRb - 1}.");
        }

        return CellPucch.MaxHarqAckBits(_cell, 0);
    }

    private int Sib1AggregationLevel()
    {
        int level = _cell.Options.Pdcch.Sib1AggregationLevel;
        if (level > _coreset0Cces)
        {
            level = _coreset0Cces >= 8 ? 8 : 4;
        }

        return level;
    }

    private void ScheduleUeDownlink(SlotPoint slot, DownlinkSlotPlan plan, ushort ssbMask, int firstCce, IUplinkPlanner uplink)
    {
        DownlinkHarq? h = null;
        int id = -1;
        for (int i = 0; i < _dlHarq.Length; i++)
        {
            int candidate = (_nextDlHarq + i) % _dlHarq.Length;
            DownlinkHarq c = _dlHarq[candidate];
            bool pendingRetransmission = c.Dropped || (c.Transmissions > 0 && !c.Acknowledged && c.Transmissions < _cell.Options.TestUe.MaxTransmissions);
            if (pendingRetransmission && c.Variant != ssbMask && c.FeedbackDueSlot == long.MinValue)
            {
                // A retransmission keeps its PRBs and TBS: it waits for a slot of the same kind.
                continue;
            }

            if (_assumeAck && c.FeedbackDueSlot != long.MinValue && c.FeedbackDueSlot < slot.Index)
            {
                c.Acknowledged = true;
                c.FeedbackDueSlot = long.MinValue;
            }
            else if (!_assumeAck && c.FeedbackDueSlot != long.MinValue && c.FeedbackDueSlot + FeedbackTimeoutSlots < slot.Index)
            {
                // The PUCCH never came back (dropped with its uplink slot): as a NACK.
                c.Acknowledged = false;
                c.FeedbackDueSlot = long.MinValue;
                if (c.Variant != ssbMask && c.Transmissions < _cell.Options.TestUe.MaxTransmissions)
                {
                    continue;
                }
            }

            if (c.FeedbackDueSlot == long.MinValue)
            {
                h = c;
                id = candidate;
                break;
            }
        }

        if (h is null || !_uePdsch.TryGetValue(ssbMask, out PdschConfiguration? config))
        {
            return;
        }

        // HARQ-ACK timing: k1 (assume-ack), or with PUCCH the first k ≥ k1 of dl-DataToUL-ACK = {1..8} whose slot has room.
        int k1 = _k1;
        PucchPdu? feedback = null;
        PuschPdu? feedbackOnPusch = null;
        if (!_assumeAck)
        {
            (k1, feedback, feedbackOnPusch) = FindPucch(slot.Index, uplink);
            if (feedback is null && feedbackOnPusch is null)
            {
                return;
            }
        }

        PdcchPdu? pdcch = plan.AddPdcch();
        PdschPdu? pdsch = plan.AddPdsch();
        if (pdcch is null || pdsch is null)
        {
            return;
        }

        _nextDlHarq = (id + 1) % _dlHarq.Length;
        bool newData = h.Dropped ? h.Transmissions == 0 : h.Acknowledged || h.Transmissions == 0 || h.Transmissions >= _cell.Options.TestUe.MaxTransmissions;
        if (newData && !h.Dropped)
        {
            h.Ndi ^= 1;
            h.Transmissions = 0;
            h.Variant = ssbMask;
            h.TransportBlockBytes = _uePdschBytes[ssbMask];
            MacPdu.WriteDownlinkData(h.TransportBlock.AsSpan(0, h.TransportBlockBytes), TakeTimingAdvance(slot.Index), (ulong)((slot.Index << 8) | (uint)id));
        }

        h.Dropped = false;
        int rv = s_rvSequence[h.Transmissions % 4];
        h.Transmissions++;
        h.Acknowledged = false;
        h.FeedbackDueSlot = slot.Index + k1;
        if (feedback is not null)
        {
            feedback.HarqProcesses[feedback.HarqAckBits++] = id;
        }

        if (feedbackOnPusch is not null)
        {
            feedbackOnPusch.HarqProcesses[feedbackOnPusch.HarqAckBits++] = id;
            feedbackOnPusch.Configuration = _uePuschWithUci[feedbackOnPusch.HarqAckBits];
        }

        // Counter DAI (TS 38.213 §9.1.3.1, TS 38.212 §7.3.1.2): the number of assignments up to this one whose HARQ-ACK shares
        // the occasion, coded as (V_C-DAI − 1) mod 4. With one serving cell and one assignment per PDCCH monitoring occasion
        // the counter is the bit's position in the occasion's codebook.
        int dai = CounterDai(feedback?.HarqAckBits ?? feedbackOnPusch?.HarqAckBits ?? 1);

        LinkSetup link = _cell.Downlink;
        pdcch.Coreset = _coreset1;
        pdcch.FirstSymbol = 0;
        pdcch.FirstCce = firstCce;
        pdcch.AggregationLevel = _cell.Options.Pdcch.UeAggregationLevel;
        pdcch.Rnti = _cell.Options.TestUe.Rnti;
        pdcch.ScramblingRnti = 0;
        Span<byte> payload = pdcch.Payload;
        int riv = ResourceIndicatorValue.Compute(config.PrbSet[0], config.PrbSet.Count, _cell.NRb);
        if (link.FallbackDci)
        {
            pdcch.PayloadSize = _ueFallbackSizes.Size;
            var dci = new Dci1_0
            {
                Identifier = 1,
                FrequencyDomainAssignment = riv,
                TimeDomainAssignment = _ueDlTdraRow,
                Mcs = link.Mcs,
                NewDataIndicator = h.Ndi,
                RedundancyVersion = rv,
                HarqProcess = id,
                TpcPucch = 1,
                PdschToHarqTiming = k1 - 1,
                PucchResourceIndicator = 0,
                DownlinkAssignmentIndex = dai,
            };
            _ueFallbackSizes.Pack(dci, DciRntiType.CRnti, payload[..pdcch.PayloadSize]);
        }
        else
        {
            pdcch.PayloadSize = _dci1_1.Size;
            payload[..pdcch.PayloadSize].Clear();
            DciFieldLayout f = _dci1_1;
            DciFieldLayout.Write(payload, f["Identifier for DCI formats"], 1);
            DciFieldLayout.Write(payload, f["Frequency domain resource assignment"], riv);
            DciFieldLayout.Write(payload, f["Time domain resource assignment"], _ueDlTdraRow);
            DciFieldLayout.Write(payload, f["TB1: MCS, NDI, RV"], (link.Mcs << 3) | (h.Ndi << 2) | rv);
            DciFieldLayout.Write(payload, f["HARQ process number"], id);
            DciFieldLayout.Write(payload, f["Downlink assignment index"], dai);
            DciFieldLayout.Write(payload, f["TPC command for scheduled PUCCH"], 1);
            DciFieldLayout.Write(payload, f["PDSCH-to-HARQ feedback timing indicator"], k1 - 1);
            DciFieldLayout.Write(payload, f["PUCCH resource indicator"], 0);
            DciFieldLayout.Write(payload, f["Antenna ports"], AntennaPortsValue(link.Layers));
        }

        pdsch.Configuration = config;
        pdsch.ReferenceCrb = 0;
        pdsch.Rnti = _cell.Options.TestUe.Rnti;
        pdsch.RntiType = RntiType.CRnti;
        pdsch.RedundancyVersion = rv;
        pdsch.HarqProcess = id;
        pdsch.NewData = h.Transmissions == 1;
        pdsch.TransportBlockBytes = h.TransportBlockBytes;
        h.TransportBlock.AsSpan(0, h.TransportBlockBytes).CopyTo(pdsch.TransportBlock);
    }

    private void ScheduleUeUplink(SlotPoint slot, DownlinkSlotPlan plan, UplinkSlotPlan target, int firstCce)
    {
        int id = (int)(target.Slot.Index % _ulHarq.Length);
        UplinkHarq h = _ulHarq[id];
        if (h.Awaiting)
        {
            return;
        }

        PdcchPdu? pdcch = plan.AddPdcch();
        PuschPdu? pusch = target.AddPusch();
        if (pdcch is null || pusch is null)
        {
            return;
        }

        // With assume-ack there is no HARQ loop in either direction: the UE is taken to read no DCI (the emulated UE of
        // model=test-ue sends new data with RV 0 in every slot), so a failed PUSCH is counted, never retransmitted; a
        // retransmission grant would only make the gNB combine unrelated blocks and fail every decode until it gave up.
        bool newData = _assumeAck || h.LastCrcPassed || h.Transmissions == 0 || h.Transmissions >= _cell.Options.TestUe.MaxTransmissions;
        if (newData)
        {
            h.Ndi ^= 1;
            h.Transmissions = 0;
        }

        int rv = s_rvSequence[h.Transmissions % 4];
        h.Transmissions++;
        h.Awaiting = true;

        LinkSetup link = _cell.Uplink;
        pdcch.Coreset = _coreset1;
        pdcch.FirstSymbol = 0;
        pdcch.FirstCce = firstCce;
        pdcch.AggregationLevel = _cell.Options.Pdcch.UeAggregationLevel;
        pdcch.Rnti = _cell.Options.TestUe.Rnti;
        pdcch.ScramblingRnti = 0;
        Span<byte> payload = pdcch.Payload;
        int riv = ResourceIndicatorValue.Compute(link.StartPrb, link.PrbCount, _cell.NRb);
        if (link.FallbackDci)
        {
            pdcch.PayloadSize = _ueFallbackSizes.Size;
            var dci = new Dci0_0
            {
                FrequencyDomainAssignment = riv,
                TimeDomainAssignment = _ueUlTdraRow,
                Mcs = link.Mcs,
                NewDataIndicator = h.Ndi,
                RedundancyVersion = rv,
                HarqProcess = id,
                TpcPusch = 1,
            };
            _ueFallbackSizes.Pack(dci, payload[..pdcch.PayloadSize]);
        }
        else
        {
            pdcch.PayloadSize = _dci0_1.Size;
            payload[..pdcch.PayloadSize].Clear();
            DciFieldLayout f = _dci0_1;
            DciFieldLayout.Write(payload, f["Frequency domain resource assignment"], riv);
            DciFieldLayout.Write(payload, f["Time domain resource assignment"], _ueUlTdraRow);
            DciFieldLayout.Write(payload, f["MCS, NDI, RV"], (link.Mcs << 3) | (h.Ndi << 2) | rv);
            DciFieldLayout.Write(payload, f["HARQ process number"], id);
            DciFieldLayout.Write(payload, f["TPC command for scheduled PUSCH"], 1);
            DciFieldLayout.Write(payload, f["UL-SCH indicator"], 1);
        }

        pusch.Configuration = _uePusch;
        pusch.SoftBuffer = h.SoftBuffer;
        pusch.RedundancyVersion = rv;
        pusch.NewData = newData;
        pusch.HarqProcess = id;
        pusch.Rnti = _cell.Options.TestUe.Rnti;
        pusch.RntiType = RntiType.CRnti;
        _ = slot;
        if (_uciOnPusch)
        {
            // HARQ-ACK already planned on a PUCCH of this slot moves onto the PUSCH (TS 38.213 §9.3: no PUCCH beside it).
            foreach (PucchPdu p in target.Pucch)
            {
                if (p.Rnti == pusch.Rnti && p.RntiType == RntiType.CRnti)
                {
                    p.HarqProcesses.AsSpan(0, p.HarqAckBits).CopyTo(pusch.HarqProcesses);
                    pusch.HarqAckBits = p.HarqAckBits;
                    pusch.Configuration = _uePuschWithUci[p.HarqAckBits];
                    target.RemovePucch(p);
                    break;
                }
            }
        }

        if (!link.FallbackDci)
        {
            // Total DAI V_T-DAI,UL (TS 38.213 §9.1.3.2, TS 38.212 §7.3.1.1.2): the HARQ-ACK bits this PUSCH carries,
            // (V − 1) mod 4; none is coded as V = 4, which a UE that received no assignment for the slot reads as none.
            DciFieldLayout.Write(payload, _dci0_1["1st downlink assignment index"], pusch.HarqAckBits == 0 ? 3 : CounterDai(pusch.HarqAckBits));
        }
    }

    /// <summary>The 2-bit DAI field for a count of assignments (TS 38.213 Table 9.1.3-1: V = (count − 1) mod 4 + 1, sent as V − 1).</summary>
    private static int CounterDai(int count) => (count - 1) & 3;

    private int TakeTimingAdvance(long slotIndex)
    {
        int command = _pendingTaCommand;
        if (command >= 0)
        {
            _pendingTaCommand = -1;
            TimingAdvanceCommands++;

            // Measurements before the UE applied the command (TS 38.213 §4.2: from slot n + k + 1) are stale.
            _timingHoldUntil = slotIndex + _k1 + _k2 + (2 * _cell.SlotsPerFrame / 10) + 8;
        }

        return command;
    }

    private void UpdateTimingAdvance(long slotIndex)
    {
        if (_timingCount < 4 || _pendingTaCommand >= 0 || slotIndex < _timingHoldUntil)
        {
            return;
        }

        // T_A step = 16·64·T_c/2^μ (TS 38.213 §4.2); the command adjusts N_TA by (T_A − 31) steps.
        double step = 16.0 * 64 / (480e3 * 4096) / (1 << _cell.Numerology.Mu);
        double mean = _timingSumSeconds / _timingCount;
        _timingSumSeconds = 0;
        _timingCount = 0;
        int steps = (int)Math.Round(mean / step);
        if (steps != 0)
        {
            _pendingTaCommand = Math.Clamp(31 + steps, 0, 63);
        }
    }

    /// <summary>The DCI 1_1 antenna-port value for 1..4 layers (TS 38.212 Table 7.3.1.2.2-1: ports 0; 0–1; 0–2; 0–3).</summary>
    private static int AntennaPortsValue(int layers) => layers switch { 1 => 0, 2 => 2, 3 => 9, _ => 10 };

    private static int CdmGroupsWithoutData(int layers) => layers <= 2 ? 1 : 2;

    private void BuildUePdschConfigurations()
    {
        LinkSetup link = _cell.Downlink;
        int ssbFirst = _cell.SsbFirstSubcarrier / 12;
        int ssbLast = (_cell.SsbFirstSubcarrier + 239) / 12;
        foreach (ushort mask in SsbMasks())
        {
            // In slots with SS/PBCH blocks the PDSCH keeps off the blocks' PRBs altogether (TS 38.214 §5.1.4; its DM-RS
            // would otherwise collide with them): the larger contiguous part of the grant below or above them.
            int first = link.StartPrb;
            int last = link.StartPrb + link.PrbCount - 1;
            if (mask != 0 && first <= ssbLast && last >= ssbFirst)
            {
                int below = Math.Max(0, ssbFirst - first);
                int above = Math.Max(0, last - ssbLast);
                (first, last) = below >= above ? (first, ssbFirst - 1) : (ssbLast + 1, last);
            }

            if (last < first)
            {
                continue;
            }

            PdschConfiguration config = DedicatedPdsch(first, last - first + 1, _ueDlTdraRow, link.Entry, link.Layers);
            config.ThrowIfInvalid();
            _uePdsch[mask] = config;
            _uePdschBytes[mask] = TransportBlockSize(config) / 8;
        }
    }

    private int BuildSib1Configurations()
    {
        int rbs = _cell.Coreset0Row.RbCount;
        (_, int s, int l) = Ts38214Table5_1_2_1_1_2.Row(_sib1TdraRow, _cell.Options.Cell.DmrsTypeAPosition);
        McsEntry mcs = McsTables.Lookup(McsTable.Qam64, _cell.Options.Sib1.Mcs);
        int needed = Math.Max(_cell.Sib1.Length, 1) * 8;
        int ssbLow = _cell.SsbFirstCrb - _cell.Coreset0.FirstRb;
        int ssbHigh = ((_cell.SsbFirstSubcarrier + 239) / 12) - _cell.Coreset0.FirstRb;
        int tbs = 0;
        foreach (ushort mask in SsbMasks())
        {
            bool overlapsSsb = (mask & (((1 << l) - 1) << s)) != 0;
            // PRBs of CORESET#0 (relative to its first RB) free of the SS/PBCH block in this slot: below or above it.
            (int first, int count) = overlapsSsb
                ? (ssbLow >= rbs - 1 - ssbHigh ? (0, Math.Max(0, ssbLow)) : (ssbHigh + 1, rbs - 1 - ssbHigh))
                : (0, rbs);
            int prbs = 0;
            int size = 0;
            for (int n = 1; n <= count; n++)
            {
                var probe = Sib1Configuration(first, n, s, l, mcs, 0);
                size = TransportBlockSize(probe);
                if (size >= needed)
                {
                    prbs = n;
                    break;
                }
            }

            if (prbs == 0)
            {
                throw _cell.Options.Source.Error("sib1.hex", $"SIB1 ({_cell.Sib1.Length} bytes) does not fit the {count} PRBs of CORESET#0 beside the SS/PBCH block at MCS {_cell.Options.Sib1.Mcs}; valid: a shorter SIB1, a higher sib1.mcs or a larger coreset0-index.");
            }

            // One TBS for every slot type (the largest needed), so SIB1 always has the same transport block.
            tbs = Math.Max(tbs, size);
            _sib1Pdsch[mask] = (Sib1Configuration(first, prbs, s, l, mcs, 0), first);
        }

        foreach (ushort mask in _sib1Pdsch.Keys.ToArray())
        {
            (PdschConfiguration c, int first) = _sib1Pdsch[mask];
            PdschConfiguration fixedSize = c with { TransportBlockSize = tbs };
            if (TransportBlockSize(c) != tbs)
            {
                // Grow the allocation until the TBS from TS 38.214 §5.1.3.2 matches (the UE computes it from the DCI).
                for (int n = c.PrbSet.Count + 1; n <= rbs - first; n++)
                {
                    PdschConfiguration grown = Sib1Configuration(first, n, s, l, mcs, 0);
                    if (TransportBlockSize(grown) == tbs)
                    {
                        fixedSize = grown;
                        break;
                    }
                }
            }

            _sib1Pdsch[mask] = (fixedSize with { TransportBlockSize = 0 }, first);
        }

        return tbs;
    }

    /// <summary>
    /// <see cref="Sib1Configuration"/> moved from CORESET#0's coordinates to point A's: the grid runs from CRB 0 to the
    /// end of CORESET#0, the BWP is CORESET#0, and the DM-RS reference point is CRB 0 (TS 38.211 §7.4.1.1.2, non-SI PDSCH).
    /// </summary>
    private PdschConfiguration CommonPdsch(int firstPrb, int prbs, int s, int l, McsEntry mcs, int rnti) =>
        Sib1Configuration(firstPrb, prbs, s, l, mcs, 0) with
        {
            NSizeGrid = _cell.Coreset0.FirstRb + _cell.Coreset0Row.RbCount,
            NStartBwp = _cell.Coreset0.FirstRb,
            DmrsReferencePointCrb = 0,
            NRnti = rnti,
        };

    private PdschConfiguration Sib1Configuration(int firstPrb, int prbs, int s, int l, McsEntry mcs, int unused)
    {
        _ = unused;
        int rbs = _cell.Coreset0Row.RbCount;
        return new PdschConfiguration
        {
            Numerology = _cell.Numerology.Mu,
            NSizeGrid = rbs,
            NStartGrid = 0,
            NIdCell = _cell.Pci,
            NStartBwp = 0,
            NSizeBwp = rbs,
            PrbSet = Enumerable.Range(firstPrb, prbs).ToArray(),
            StartSymbol = s,
            SymbolCount = l,
            MappingType = SchMappingType.A,
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(mcs.ModulationOrder),
            LayerCount = 1,
            NRnti = SiRnti,
            NId = _cell.Pci,
            // DCI 1_0: single-symbol type 1 DM-RS, pos2, two CDM groups without data (TS 38.214 §5.1.6.2).
            Dmrs = Dmrs(1, 2),
            TargetCodeRate = mcs.TargetCodeRate,
            LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSizeLimited(1, 6, rbs)),
        };
    }

    private PuschConfiguration BuildUePusch()
    {
        LinkSetup link = _cell.Uplink;
        var config = new PuschConfiguration
        {
            Numerology = _cell.Numerology.Mu,
            NSizeGrid = _cell.NRb,
            NStartGrid = 0,
            NIdCell = _cell.Pci,
            NStartBwp = 0,
            NSizeBwp = _cell.NRb,
            PrbSet = Enumerable.Range(link.StartPrb, link.PrbCount).ToArray(),
            StartSymbol = 0,
            SymbolCount = 14,
            MappingType = SchMappingType.A,
            Modulation = link.Modulation,
            LayerCount = link.Layers,
            AntennaPortCount = link.Layers,
            NRnti = _cell.Options.TestUe.Rnti,
            NId = _cell.Pci,
            // DCI 0_0: two CDM groups without data (TS 38.214 §6.2.2); DCI 0_1 antenna-port value 0: one.
            Dmrs = Dmrs(link.Layers, link.FallbackDci ? 2 : 1),
            TargetCodeRate = link.Entry.TargetCodeRate,
        };
        config.ThrowIfInvalid();
        return config;
    }

    private DmrsConfiguration Dmrs(int layers, int cdmGroupsWithoutData) => new()
    {
        ConfigurationType = DmrsConfigurationType.Type1,
        Length = 1,
        AdditionalPosition = 2,
        TypeAPosition = _cell.Options.Cell.DmrsTypeAPosition,
        CdmGroupsWithoutData = cdmGroupsWithoutData,
        ScramblingId0 = _cell.Pci,
        ScramblingId1 = _cell.Pci,
        Ports = Enumerable.Range(0, layers).ToArray(),
    };

    private IEnumerable<ushort> SsbMasks()
    {
        var masks = new SortedSet<ushort> { 0 };
        int frames = Math.Max(2, _cell.Options.Ssb.PeriodMs / 10);
        for (int f = 0; f < frames; f++)
        {
            for (int s = 0; s < _cell.SlotsPerFrame; s++)
            {
                masks.Add(_schedule.SsbSymbolMask(new SlotPoint(0, f, s)));
            }
        }

        return masks;
    }

    private static int TransportBlockSize(SharedChannelConfiguration config) => config.TransportBlockSizeFor(config.BuildLayout());

    private static int TransportBlockSizeLimited(int layers, int qm, int bwpPrbs) =>
        Phy.Upper.Channels.TransportBlockSize.ForLimitedBufferRateMatching(Math.Min(layers, 4), qm, Phy.Upper.Channels.TransportBlockSize.LimitedBufferPrbCount(bwpPrbs));

    private sealed class DownlinkHarq(int tbBytes)
    {
        public byte[] TransportBlock { get; } = new byte[tbBytes];

        public int TransportBlockBytes { get; set; }

        public ushort Variant { get; set; }

        public int Ndi { get; set; }

        public int Transmissions { get; set; }

        public bool Acknowledged { get; set; }

        public bool Dropped { get; set; }

        public long FeedbackDueSlot { get; set; } = long.MinValue;
    }

    private sealed class UplinkHarq(SharedChannelSoftBuffer softBuffer)
    {
        public SharedChannelSoftBuffer SoftBuffer { get; } = softBuffer;

        public int Ndi { get; set; }

        public int Transmissions { get; set; }

        public bool Awaiting { get; set; }

        public bool LastCrcPassed { get; set; } = true;
    }
}
