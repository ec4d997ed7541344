using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The random-access UE of the <c>model=test-ue</c> loopback channel (TS 38.321 §5.1, TS 38.213 §8): from slot
/// <c>ra_slot</c> on it sends one preamble in the next PRACH occasion with N_TA = 0; it then listens to the gNB's
/// transmitted samples for the random-access response — OFDM demodulation of each downlink slot, the Type1-PDCCH CSS on
/// CORESET#0 (the candidates of searchSpaceZero) with the RA-RNTI of its occasion, DCI 1_0, the PDSCH it schedules with
/// DM-RS referenced to point A (TS 38.211 §7.4.1.1.2: not SI-RNTI), the MAC RAR with its RAPID — and sends the Msg3 (a
/// CCCH SDU) in slot n + K2 + Δ on the granted PRBs with the TC-RNTI, N_TA = T_A·16·64/2^μ·T_c earlier (TS 38.213 §4.2).
/// It then searches the same common search space for DCIs with its TC-RNTI until ra-ContentionResolutionTimer expires
/// (TS 38.321 §5.1.5): a DCI 0_0 is a Msg3 retransmission (TS 38.213 §8.3, TS 38.321 §5.4.2.1: HARQ process 0, the
/// redundancy version the DCI gives, PUSCH K2 slots later), a DCI 1_0 a Msg4, whose PDSCH it decodes with soft combining;
/// when the UE Contention Resolution Identity MAC CE equals the first 48 bits of its CCCH SDU the contention resolution
/// succeeded: the TC-RNTI becomes its C-RNTI (<see cref="CRnti"/>) and it sends HARQ-ACK (an ACK) on the PUCCH resource
/// the DCI indicates, K1 slots later (TS 38.213 §8.4; resource 0 of <c>pucch:</c> standing for the common resource
/// set). No HARQ-ACK is sent for a Msg4 not decoded or not matching (TS 38.321 §5.3.2.3). One procedure per run.
/// </summary>
public sealed class TestUeRandomAccess
{
    private static readonly byte[] s_identity = [0x3A, 0x5C, 0x71, 0x0E, 0x92, 0xD4];

    private readonly CellSetup _cell;
    private readonly PhyTestScheduler _scheduler;
    private readonly CellPrach _prach;
    private readonly PrachGenerator _generator;
    private readonly long _firstSlot;
    private long _nextAttemptSlot;
    private readonly int _preamble;
    private readonly OfdmModulator _uplinkOfdm;
    private readonly ResourceGrid _uplinkGrid;
    private readonly PdcchReceiver _pdcch = new();
    private readonly PdcchDetection[] _detections = [new PdcchDetection()];
    private readonly ushort[] _rntis = new ushort[1];
    private readonly DciSizes0_0And1_0 _sizes;
    private readonly Coreset _coreset0;
    private readonly SharedChannelTransmitter _transmitter = new(1);
    private readonly DciSizes0_0And1_0 _temporarySizes;
    private readonly PucchTransmitter _pucch = new();
    private readonly byte[] _ack = [1];
    private State _state;
    private PuschConfiguration? _msg3;
    private int _msg3Rv;
    private long _timerEndSlot;
    private SharedChannelReceiver? _msg4Receiver;
    private SharedChannelSoftBuffer? _msg4SoftBuffer;
    private int _msg4Ndi = -1;
    private long _ackSlot = -1;
    private int _ackResource;
    private int _ackCommonResource = -1;
    private readonly SearchSpaceConfiguration _commonSearchSpace = Type0PdcchCss.SearchSpace(0);
    private readonly PdcchSearchRequest?[] _requests;
    private readonly int[] _responseSizes = new int[1];
    private readonly int[] _temporaryCRntiSizes = new int[1];
    private readonly PucchConfiguration[]? _commonPucch;

    /// <summary>Prepares the UE of <paramref name="cell"/>.</summary>
    public TestUeRandomAccess(CellSetup cell, PhyTestScheduler scheduler, long firstSlot, int preambleIndex)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(scheduler);
        ThrowHelper.ThrowIfOutside(preambleIndex, 0, 63);
        _cell = cell;
        _scheduler = scheduler;
        _prach = scheduler.Prach ?? new CellPrach(cell);
        _generator = new PrachGenerator(_prach.Timing, OfdmScaling.Unitary, cell.UplinkCenterHz);
        _firstSlot = firstSlot;
        _commonPucch = CellPucch.CommonConfigurations(cell);
        _requests = new PdcchSearchRequest?[cell.SlotsPerFrame];
        _nextAttemptSlot = firstSlot;
        _preamble = preambleIndex;
        _state = firstSlot < 0 ? State.Done : State.WaitingForOccasion;
        _uplinkOfdm = new OfdmModulator(new OfdmConfiguration { Timing = cell.Timing, NSizeGrid = cell.NRb, CarrierFrequencyHz = cell.UplinkCenterHz, Scaling = OfdmScaling.Unitary });
        _uplinkGrid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb * NrConstants.SubcarriersPerRb);
        _uplinkGrid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, cell.NRb, 0);
        _sizes = new DciSizes0_0And1_0(cell.Coreset0Row.RbCount, cell.Coreset0Row.RbCount, CommonSearchSpace: true);
        _coreset0 = scheduler.Coreset0;
        _temporarySizes = new DciSizes0_0And1_0(cell.Coreset0Row.RbCount, cell.NRb, CommonSearchSpace: true);
    }

    /// <summary>The slot the preamble was sent in (−1 before).</summary>
    public long PreambleSlot { get; private set; } = -1;

    /// <summary>The RA-RNTI of the occasion used.</summary>
    public int RaRnti { get; private set; }

    /// <summary>The downlink slot whose RAR was decoded (−1 before).</summary>
    public long ResponseSlot { get; private set; } = -1;

    /// <summary>T_A of the decoded RAR.</summary>
    public int TimingAdvanceCommand { get; private set; } = -1;

    /// <summary>The TC-RNTI of the decoded RAR.</summary>
    public int TemporaryCRnti { get; private set; }

    /// <summary>The UL grant of the decoded RAR.</summary>
    public RarUplinkGrant Grant { get; private set; }

    /// <summary>The slot the Msg3 is (or was) sent in (−1 before the RAR).</summary>
    public long Msg3Slot { get; private set; } = -1;

    /// <summary>Whether the Msg3 was sent.</summary>
    public bool Msg3Sent { get; private set; }

    /// <summary>Msg3 transmissions made (the first one and the retransmissions granted by DCI 0_0 with the TC-RNTI).</summary>
    public int Msg3Transmissions { get; private set; }

    /// <summary>The redundancy version of the last Msg3 transmission (0 for the RAR's grant, the DCI 0_0's for a retransmission).</summary>
    public int Msg3RedundancyVersion => _msg3Rv;

    /// <summary>Msg4 receptions (DCI 1_0 with the TC-RNTI found and its PDSCH received).</summary>
    public int Msg4Receptions { get; private set; }

    /// <summary>The downlink slot whose Msg4 resolved the contention (−1 before).</summary>
    public long ContentionResolutionSlot { get; private set; } = -1;

    /// <summary>The C-RNTI: the TC-RNTI once the contention resolution succeeded (−1 before).</summary>
    public int CRnti { get; private set; } = -1;

    /// <summary>Whether the contention resolution failed (an identity that is not this UE's, or the timer expired).</summary>
    public bool ContentionResolutionFailed { get; private set; }

    /// <summary>The uplink slot of the HARQ-ACK of the Msg4 (−1 before).</summary>
    public long Msg4AckSlot { get; private set; } = -1;

    /// <summary>The timing advance applied to the Msg3, samples.</summary>
    public int TimingAdvanceSamples { get; private set; }

    /// <summary>
    /// Most preamble transmissions of one procedure (preambleTransMax n10 of RACH-ConfigGeneric, TS 38.331; a common
    /// value): a response window that ends without this UE's RAR, or an unsuccessful contention resolution, sends the
    /// preamble again in the next occasion until then (TS 38.321 §5.1.4, §5.1.5; no backoff indicator is sent).
    /// </summary>
    public const int MaxPreambleTransmissions = 10;

    /// <summary>Preamble transmissions made in this procedure.</summary>
    public int PreambleTransmissions { get; private set; }

    /// <summary>Whether the procedure gave up after <see cref="MaxPreambleTransmissions"/> attempts.</summary>
    public bool Failed { get; private set; }

    /// <summary>The CCCH SDU (UE identity) the Msg3 carries.</summary>
    public static ReadOnlySpan<byte> Identity => s_identity;

    private enum State
    {
        WaitingForOccasion,
        AwaitingResponse,
        Msg3Scheduled,
        AwaitingContentionResolution,
        Resolved,
        Done,
    }

    /// <summary>Whether uplink slot <paramref name="slot"/> has a PRACH occasion.</summary>
    public bool HasOccasion(long slot) => _prach.HasOccasion(Point(slot));

    /// <summary>Writes this UE's transmission of uplink slot <paramref name="slot"/> into <paramref name="samples"/> (unscaled); false when it sends nothing there (then the samples are untouched).</summary>
    public bool Transmit(long slot, Span<ComplexF32> samples)
    {
        if (_state == State.WaitingForOccasion && slot >= _nextAttemptSlot && HasOccasion(slot))
        {
            SlotPoint point = Point(slot);
            PrachOccasion occasion = _prach.Occasions(point)[0];
            samples.Clear();
            _generator.Generate(occasion, 0, _preamble, samples[_prach.OffsetInSlot(point, 0)..]);
            RaRnti = _prach.RaRnti(occasion, 0);
            PreambleSlot = slot;
            PreambleTransmissions++;
            _state = State.AwaitingResponse;
            return true;
        }

        if (_state == State.Msg3Scheduled && slot == Msg3Slot && _msg3 is not null)
        {
            int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
            int tbs = _transmitter.TransportBlockSize(_msg3);
            var bytes = new byte[tbs / 8];
            MacPdu.WriteMsg3(bytes, s_identity);
            var bits = new byte[tbs];
            BitPacking.Unpack(bytes, bits);
            _uplinkGrid.Port(0).Clear();
            _transmitter.Process(_msg3, bits, _msg3Rv, slotInFrame, _uplinkGrid);
            _uplinkOfdm.Modulate(_uplinkGrid, 0, slotInFrame, samples);

            // Timing advance: the slot leaves N_TA earlier (the first N_TA samples, inside the first cyclic prefix, are cut).
            int advance = Math.Min(TimingAdvanceSamples, samples.Length);
            samples[advance..].CopyTo(samples);
            samples[^advance..].Clear();
            Msg3Sent = true;
            Msg3Transmissions++;

            // ra-ContentionResolutionTimer (re)starts after each Msg3 transmission (TS 38.321 §5.1.5).
            _timerEndSlot = slot + (RandomAccessResponder.ContentionResolutionTimerMs * _cell.Numerology.SlotsPerSubframe);
            _state = State.AwaitingContentionResolution;
            return true;
        }

        return false;
    }

    /// <summary>Whether uplink slot <paramref name="slot"/> carries the HARQ-ACK of the Msg4 on a PUCCH.</summary>
    public bool SendsUplinkControl(long slot) => slot == _ackSlot && (_commonPucch is not null || _ackResource < _cell.Options.Pucch.Count);

    /// <summary>
    /// With <c>pucch-resource-common</c>: the resource r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI of TS 38.213 §9.2.1 that the
    /// UE derived from its Msg4's PDCCH for the HARQ-ACK (−1 before, or without the key).
    /// </summary>
    public int Msg4AckCommonResource => _ackCommonResource;

    /// <summary>The uplink slot of the Msg4 HARQ-ACK planned but not yet sent (−1: none).</summary>
    public long Msg4AckDueSlot => _ackSlot;

    /// <summary>
    /// Writes the HARQ-ACK of the Msg4 on its PUCCH into <paramref name="grid"/> if uplink slot <paramref name="slot"/>
    /// carries it; false otherwise.
    /// </summary>
    public bool TransmitUplinkControl(long slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!SendsUplinkControl(slot))
        {
            return false;
        }

        // Before a dedicated PUCCH configuration: resource r_PUCCH of pucch-ResourceCommon (TS 38.213 §9.2.1), or without
        // it the configuration the cell expects for resource 0 (n_RNTI of formats 2–4: the configured C-RNTI).
        PucchConfiguration config = _commonPucch is not null && _ackCommonResource >= 0
            ? _commonPucch[_ackCommonResource]
            : CellPucch.Configuration(_cell, _ackResource, _cell.Options.TestUe.Rnti);
        _pucch.Transmit(config, new PucchUciPayload(_ack), (int)(slot % _cell.SlotsPerFrame), grid);
        Msg4AckSlot = slot;
        _ackSlot = -1;
        return true;
    }

    /// <summary>Whether the UE listens to the downlink (a response, a Msg3 retransmission or a Msg4 is awaited).</summary>
    public bool AwaitsResponse => _state is State.AwaitingResponse or State.AwaitingContentionResolution or State.Resolved;

    /// <summary>
    /// Msg4 retransmissions received after the contention resolution succeeded (the gNB missed the HARQ-ACK): acknowledged
    /// again without decoding, as a HARQ process acknowledges a retransmission of a block it already decoded (TS 38.321 §5.3.2.2).
    /// </summary>
    public long Msg4Duplicates { get; private set; }

    /// <summary>Looks for the response in downlink slot <paramref name="slot"/> (demodulated into <paramref name="grid"/>).</summary>
    public void OnDownlinkSlot(long slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (_state == State.Resolved)
        {
            // Resolved, but the gNB may not have heard the HARQ-ACK: it then retransmits the Msg4 (HARQ process 0, same NDI)
            // while its ra-ContentionResolutionTimer runs; the UE listens for that long to acknowledge it again.
            if (slot > _timerEndSlot)
            {
                _state = State.Done;
                return;
            }

            DecodeTemporaryCRnti(slot, grid);
            return;
        }

        if (_state == State.AwaitingContentionResolution)
        {
            if (slot > _timerEndSlot)
            {
                ContentionResolutionFailed = true;
                RetryOrGiveUp(slot);
                return;
            }

            DecodeTemporaryCRnti(slot, grid);
            return;
        }

        if (_state != State.AwaitingResponse || slot <= PreambleSlot)
        {
            return;
        }

        if (slot > PreambleSlot + (20 * _cell.Numerology.SlotsPerSubframe))
        {
            // The response window ended without this UE's RAR.
            RetryOrGiveUp(slot);
            return;
        }

        Decode(slot, grid);
    }

    /// <summary>Starts another attempt from the slot after <paramref name="slot"/>, or ends the procedure as failed.</summary>
    private void RetryOrGiveUp(long slot)
    {
        if (PreambleTransmissions >= MaxPreambleTransmissions)
        {
            Failed = true;
            _state = State.Done;
            return;
        }

        _nextAttemptSlot = slot + 1;
        _msg3 = null;
        _msg3Rv = 0;
        _msg4Ndi = -1;
        _state = State.WaitingForOccasion;
    }

    /// <summary>Forgets the procedure (as at construction).</summary>
    public void Reset()
    {
        _state = _firstSlot < 0 ? State.Done : State.WaitingForOccasion;
        _nextAttemptSlot = _firstSlot;
        PreambleTransmissions = 0;
        Failed = false;
        PreambleSlot = ResponseSlot = Msg3Slot = ContentionResolutionSlot = Msg4AckSlot = _ackSlot = -1;
        Msg3Sent = false;
        _msg3 = null;
        _msg3Rv = 0;
        Msg3Transmissions = Msg4Receptions = 0;
        CRnti = -1;
        ContentionResolutionFailed = false;
        _msg4Ndi = -1;
    }

    /// <summary>
    /// The search of the common search space on CORESET#0 in slot <paramref name="slotInFrame"/> for <paramref name="rnti"/>,
    /// built once per slot and RNTI (so a procedure's listening slots do not allocate after its first frame).
    /// </summary>
    private PdcchSearchRequest Request(int slotInFrame, int rnti)
    {
        PdcchSearchRequest? request = _requests[slotInFrame];
        if (request is null || request.HashingRnti != rnti)
        {
            request = new PdcchSearchRequest(slotInFrame, _coreset0, _commonSearchSpace, rnti, 0, _cell.Pci);
            _requests[slotInFrame] = request;
        }

        return request;
    }

    private SlotPoint Point(long slot) => SlotPoint.FromIndex(slot, _cell.SlotsPerFrame, _cell.Options.Engine.StartSfn);

    private void Decode(long slot, ResourceGrid downlink)
    {
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        _rntis[0] = (ushort)RaRnti;
        _responseSizes[0] = _sizes.Size;
        if (_pdcch.Search(downlink, 0, Request(slotInFrame, RaRnti), _responseSizes, _rntis, 1, _detections) == 0)
        {
            return;
        }

        PdcchDetection found = _detections[0];
        Dci1_0 dci = _sizes.Parse1_0(found.Payload.AsSpan(0, found.PayloadSize), DciRntiType.RaRnti);
        int rbs = _cell.Coreset0Row.RbCount;
        int a = dci.FrequencyDomainAssignment / rbs;
        int b = dci.FrequencyDomainAssignment % rbs;
        (int first, int count) = a + b + 1 <= rbs ? (b, a + 1) : (rbs - 1 - b, rbs - a + 1);
        PdschConfiguration config = _scheduler.CommonPdsch(first, count, dci.TimeDomainAssignment, dci.Mcs, RaRnti);

        // The PDSCH in CRBs from point A, its DM-RS referenced to CRB 0 (TS 38.211 §7.4.1.1.2: RA-RNTI, not SI-RNTI): the
        // configuration's grid is the carrier's CRBs 0 up to the end of CORESET#0.
        int subcarriers = config.NSizeGrid * NrConstants.SubcarriersPerRb;
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, config.NSizeGrid, 0);
        for (int l = 0; l < NrConstants.SymbolsPerSlotNormalCp; l++)
        {
            downlink.Symbol(0, l)[..subcarriers].CopyTo(grid.Symbol(0, l));
        }

        var receiver = new SharedChannelReceiver(1, 1);
        int tbs = receiver.TransportBlockSize(config);
        var bits = new byte[tbs];
        SharedChannelReceiveResult r = receiver.Receive(config, grid, slotInFrame, 0, receiver.CreateSoftBuffer(config), true, bits);
        var bytes = new byte[tbs / 8];
        BitPacking.Pack(bits, bytes);
        if (!r.CrcPassed || !MacPdu.TryReadRandomAccessResponse(bytes, out int rapid, out int ta, out int grantBits, out int tc) || rapid != _preamble)
        {
            return;
        }

        ResponseSlot = slot;
        TimingAdvanceCommand = ta;
        TemporaryCRnti = tc;
        Grant = RarUplinkGrant.Unpack(grantBits);
        Msg3Slot = slot + Grant.Msg3SlotOffset(_cell.Numerology.Mu);
        _msg3 = Grant.Msg3Configuration(_cell, tc);
        _msg3Rv = 0;

        // N_TA = T_A·16·64/2^μ·T_c (TS 38.213 §4.2), in samples of the carrier rate.
        double seconds = ta * 16.0 * 64 / (1 << _cell.Numerology.Mu) / (480e3 * 4096);
        TimingAdvanceSamples = (int)Math.Round(seconds * _cell.SampleRateHz);
        _state = State.Msg3Scheduled;
    }

    /// <summary>Searches the common search space for a DCI with the TC-RNTI: a Msg3 retransmission (0_0) or a Msg4 (1_0).</summary>
    private void DecodeTemporaryCRnti(long slot, ResourceGrid downlink)
    {
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        _rntis[0] = (ushort)TemporaryCRnti;
        _temporaryCRntiSizes[0] = _temporarySizes.Size;
        if (_pdcch.Search(downlink, 0, Request(slotInFrame, TemporaryCRnti), _temporaryCRntiSizes, _rntis, 1, _detections) == 0)
        {
            return;
        }

        PdcchDetection found = _detections[0];
        ReadOnlySpan<byte> payload = found.Payload.AsSpan(0, found.PayloadSize);
        if (_state == State.Resolved)
        {
            // Only a Msg4 retransmission (DCI 1_0 with the NDI of the block decoded) is answered: ACK again, K1 and PRI of this DCI.
            if (DciSizes0_0And1_0.IsDownlink(payload))
            {
                Dci1_0 again = _temporarySizes.Parse1_0(payload, DciRntiType.TcRnti);
                if (again.NewDataIndicator == _msg4Ndi)
                {
                    Msg4Duplicates++;
                    Acknowledge(slot, again, found.FirstCce);
                }
            }

            return;
        }

        if (!DciSizes0_0And1_0.IsDownlink(payload))
        {
            // Msg3 retransmission (TS 38.213 §8.3): the Msg3 buffer again, HARQ process 0, the DCI's RV, PRBs, MCS and K2.
            Dci0_0 grant = _temporarySizes.Parse0_0(payload);
            if ((uint)grant.TimeDomainAssignment >= 16 || grant.Mcs > 28)
            {
                return;
            }

            var retransmission = new RarUplinkGrant(false, grant.FrequencyDomainAssignment, grant.TimeDomainAssignment, grant.Mcs, 3, false);
            _msg3 = retransmission.Msg3Configuration(_cell, TemporaryCRnti);
            _msg3Rv = grant.RedundancyVersion;
            Msg3Slot = slot + Ts38214Table6_1_2_1_1_2.Row(grant.TimeDomainAssignment, _cell.Numerology.Mu).K2;
            _state = State.Msg3Scheduled;
            return;
        }

        Dci1_0 dci = _temporarySizes.Parse1_0(payload, DciRntiType.TcRnti);
        int rbs = _cell.Coreset0Row.RbCount;
        if (ResourceIndicatorValue.Decode(dci.FrequencyDomainAssignment, rbs) is not (int first, int count))
        {
            return;
        }

        PdschConfiguration config = _scheduler.CommonPdsch(first, count, dci.TimeDomainAssignment, dci.Mcs, TemporaryCRnti);
        int subcarriers = config.NSizeGrid * NrConstants.SubcarriersPerRb;
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, config.NSizeGrid, 0);
        for (int l = 0; l < NrConstants.SymbolsPerSlotNormalCp; l++)
        {
            downlink.Symbol(0, l)[..subcarriers].CopyTo(grid.Symbol(0, l));
        }

        // HARQ process 0 with soft combining: a toggled NDI (or the first Msg4) starts a new transport block.
        _msg4Receiver ??= new SharedChannelReceiver(1, 1);
        _msg4SoftBuffer ??= _msg4Receiver.CreateSoftBuffer(config);
        bool newData = dci.NewDataIndicator != _msg4Ndi;
        _msg4Ndi = dci.NewDataIndicator;
        int tbs = _msg4Receiver.TransportBlockSize(config);
        var bits = new byte[tbs];
        SharedChannelReceiveResult r = _msg4Receiver.Receive(config, grid, slotInFrame, dci.RedundancyVersion, _msg4SoftBuffer, newData, bits);
        Msg4Receptions++;
        var bytes = new byte[tbs / 8];
        BitPacking.Pack(bits, bytes);
        if (!r.CrcPassed || !MacPdu.TryReadContentionResolution(bytes, out ReadOnlySpan<byte> identity))
        {
            return;
        }

        if (!identity.SequenceEqual(s_identity))
        {
            // Another UE's identity: this UE lost the contention and discards the TC-RNTI (TS 38.321 §5.1.5).
            ContentionResolutionFailed = true;
            RetryOrGiveUp(slot);
            return;
        }

        CRnti = TemporaryCRnti;
        ContentionResolutionSlot = slot;
        Acknowledge(slot, dci, found.FirstCce);
        _state = State.Resolved;
    }

    /// <summary>
    /// Plans the HARQ-ACK of the Msg4 whose DCI 1_0 came in slot <paramref name="slot"/> on a PDCCH from CCE
    /// <paramref name="firstCce"/>: K1 slots later (TS 38.213 §9.2.3) on the PRI's resource, or with
    /// <c>pucch-resource-common</c> on r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI (TS 38.213 §9.2.1).
    /// </summary>
    private void Acknowledge(long slot, Dci1_0 dci, int firstCce)
    {
        _ackSlot = slot + dci.PdschToHarqTiming + 1;
        _ackResource = dci.PucchResourceIndicator;
        _ackCommonResource = _commonPucch is null ? -1 : PucchResourceCommon.ResourceIndex(firstCce, _coreset0.CceCount, dci.PucchResourceIndicator);
    }
}
