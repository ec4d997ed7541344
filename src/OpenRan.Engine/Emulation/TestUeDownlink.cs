using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The downlink of the emulated phy-test UE: in every downlink slot it searches its UE-specific search space on CORESET#1
/// for a DCI 1_1 (or 1_0) with its C-RNTI (TS 38.213 §10.1), reads the assignment (<see cref="DownlinkAssignment"/>),
/// derives the PDSCH from it and the dedicated configuration it shares with the cell
/// (<see cref="PhyTestScheduler.DedicatedPdsch"/>), decodes it with <see cref="SharedChannelReceiver"/> in the HARQ process
/// the DCI names (16 processes, soft combining of redundancy versions; a toggled NDI starts a new transport block,
/// TS 38.321 §5.3.2.2), and hands the CRC verdict with the DCI's counter DAI to <see cref="TestUeHarqFeedback"/>, which
/// sends it as HARQ-ACK on PUCCH (or the PUSCH) K1 slots later. A retransmission of a block already decoded is acknowledged without decoding. The same search finds
/// the UE's uplink grants (DCI 0_1/0_0: HARQ process, NDI, RV, K2 of TS 38.214 Table 6.1.2.1.1-2) for
/// <see cref="TestUeUplinkHarq"/>. Allocation-free after construction once each kind of assignment has been seen (the
/// PDSCH configuration of each is derived once).
/// </summary>
public sealed class TestUeDownlink
{
    /// <summary>HARQ processes of a DCI 1_1/1_0 (a 4-bit field).</summary>
    public const int HarqProcessCount = 16;

    private readonly CellSetup _cell;
    private readonly PhyTestScheduler _scheduler;
    private readonly TestUeHarqFeedback _feedback;
    private readonly TestUeUplinkHarq? _uplink;
    private readonly PdcchReceiver _pdcch = new();
    private readonly PdcchDetection[] _detections = [new PdcchDetection(), new PdcchDetection()];
    private readonly ushort[] _rntis = new ushort[1];
    private readonly int[] _sizes;
    private readonly DciSizes0_0And1_0 _fallbackSizes;
    private readonly PdcchSearchRequest[] _requests;
    private readonly SharedChannelReceiver _receiver = new(1, 1);
    private readonly TestUeHarqProcess[] _processes = new TestUeHarqProcess[HarqProcessCount];
    private readonly List<(DownlinkAssignment Key, PdschConfiguration Configuration)> _configurations = [];
    private readonly byte[] _bits;
    private readonly (int Offset, int Bits) _identifier;
    private readonly (int Offset, int Bits) _fdra;
    private readonly (int Offset, int Bits) _tdra;
    private readonly (int Offset, int Bits) _mcsNdiRv;
    private readonly (int Offset, int Bits) _harqProcess;
    private readonly (int Offset, int Bits) _k1;
    private readonly (int Offset, int Bits) _pucchResource;
    private readonly (int Offset, int Bits) _antennaPorts;
    private readonly (int Offset, int Bits) _dai;
    private readonly (int Offset, int Bits) _ulTotalDai;
    private readonly (int Offset, int Bits) _ulTdra;
    private readonly (int Offset, int Bits) _ulMcsNdiRv;
    private readonly (int Offset, int Bits) _ulHarqProcess;
    private readonly int _dlSize;
    private readonly int _ulSize;

    /// <summary>
    /// Prepares the downlink of the test UE of <paramref name="cell"/>; its HARQ-ACK goes to <paramref name="feedback"/>, its
    /// uplink grants to <paramref name="uplink"/> (null: not searched).
    /// </summary>
    public TestUeDownlink(CellSetup cell, PhyTestScheduler scheduler, TestUeHarqFeedback feedback, TestUeUplinkHarq? uplink = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(feedback);
        _cell = cell;
        _scheduler = scheduler;
        _feedback = feedback;
        _uplink = uplink;
        _rntis[0] = (ushort)cell.Options.TestUe.Rnti;
        _dlSize = scheduler.UeDownlinkDciSize;
        _ulSize = scheduler.UeUplinkDciSize;
        _sizes = uplink is null || _ulSize == _dlSize ? [_dlSize] : [_dlSize, _ulSize];
        _fallbackSizes = new DciSizes0_0And1_0(cell.NRb, cell.NRb, CommonSearchSpace: false);
        _requests = new PdcchSearchRequest[cell.SlotsPerFrame];
        for (int s = 0; s < _requests.Length; s++)
        {
            _requests[s] = new PdcchSearchRequest(s, scheduler.Coreset1, scheduler.UeSearchSpace, cell.Options.TestUe.Rnti, 0, cell.Pci);
        }

        DciFieldLayout f = scheduler.Dci1_1;
        _identifier = f["Identifier for DCI formats"];
        _fdra = f["Frequency domain resource assignment"];
        _tdra = f["Time domain resource assignment"];
        _mcsNdiRv = f["TB1: MCS, NDI, RV"];
        _harqProcess = f["HARQ process number"];
        _k1 = f["PDSCH-to-HARQ feedback timing indicator"];
        _pucchResource = f["PUCCH resource indicator"];
        _antennaPorts = f["Antenna ports"];
        _dai = f["Downlink assignment index"];
        DciFieldLayout u = scheduler.Dci0_1;
        _ulTdra = u["Time domain resource assignment"];
        _ulMcsNdiRv = u["MCS, NDI, RV"];
        _ulHarqProcess = u["HARQ process number"];
        _ulTotalDai = u["1st downlink assignment index"];

        // Soft buffers and the transport-block buffer sized for the largest PDSCH the cell gives the UE.
        int codeBlocks = 1;
        int circularBuffer = 1;
        int tbs = 0;
        foreach (PdschConfiguration c in scheduler.UePdschConfigurations)
        {
            SharedChannelCodingParameters p = _receiver.CodingParameters(c);
            codeBlocks = Math.Max(codeBlocks, p.Segmentation.CodeBlockCount);
            circularBuffer = Math.Max(circularBuffer, p.CircularBufferLength);
            tbs = Math.Max(tbs, p.TransportBlockSize);
        }

        for (int i = 0; i < _processes.Length; i++)
        {
            _processes[i] = new TestUeHarqProcess(new SharedChannelSoftBuffer(codeBlocks, circularBuffer));
        }

        _bits = new byte[tbs];
        DecodesPdsch = cell.Downlink.Layers == 1;
    }

    /// <summary>
    /// Whether the PDSCH is decoded: one layer (the emulated UE has one receive antenna). With more layers only the DCI is
    /// read and every assignment is reported as decoded.
    /// </summary>
    public bool DecodesPdsch { get; }

    /// <summary>Downlink assignments found (DCIs with the C-RNTI).</summary>
    public long Assignments { get; private set; }

    /// <summary>PDSCH receptions (decode attempts, first transmissions and retransmissions).</summary>
    public long Receptions { get; private set; }

    /// <summary>Receptions of a retransmission (NDI not toggled).</summary>
    public long Retransmissions { get; private set; }

    /// <summary>Transport blocks decoded (CRC passed).</summary>
    public long TransportBlocksDecoded { get; private set; }

    /// <summary>Receptions whose transport block did not decode (CRC failed or DTX).</summary>
    public long DecodeFailures { get; private set; }

    /// <summary>Bits of the transport blocks decoded (goodput).</summary>
    public long DecodedBits { get; private set; }

    /// <summary>Retransmissions of a block already decoded (acknowledged without decoding).</summary>
    public long Duplicates { get; private set; }

    /// <summary>Sum of the post-equalization PDSCH SINR of the receptions, dB (for a mean).</summary>
    public double SinrSumDb { get; private set; }

    /// <summary>Timing Advance Command MAC CEs received in decoded transport blocks.</summary>
    public long TimingAdvanceCommands { get; private set; }

    /// <summary>The sum of T_A − 31 over the Timing Advance Commands received (TS 38.213 §4.2: each step is 16·64/2^μ T_c).</summary>
    public long TimingAdvanceSteps { get; private set; }

    /// <summary>The last downlink slot with an assignment (−1 before).</summary>
    public long LastAssignmentSlot { get; private set; } = -1;

    /// <summary>Looks for the UE's downlink assignment in slot <paramref name="slot"/> (demodulated into <paramref name="grid"/>) and receives its PDSCH.</summary>
    public void OnDownlinkSlot(long slot, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        int slotInFrame = (int)(slot % _cell.SlotsPerFrame);
        int found = _pdcch.Search(grid, 0, _requests[slotInFrame], _sizes, _rntis, 1, _detections);
        for (int i = 0; i < found; i++)
        {
            PdcchDetection d = _detections[i];
            ReadOnlySpan<byte> payload = d.Payload.AsSpan(0, d.PayloadSize);
            if (_uplink is not null && IsUplinkGrant(payload))
            {
                OnUplinkGrant(slot, payload);
                continue;
            }

            if (!TryRead(payload, out DownlinkAssignment a))
            {
                continue;
            }

            Assignments++;
            LastAssignmentSlot = slot;
            if (_feedback.MissesAssignment(slot))
            {
                continue;
            }

            bool decoded = !DecodesPdsch || Receive(a, grid, slotInFrame);
            _feedback.Report(slot, a.K1, a.PucchResource, a.CounterDai, decoded);
        }
    }

    /// <summary>
    /// Whether a DCI of the UE is an uplink grant: its size is the uplink DCI's and not the downlink one's, or (equal
    /// sizes) its identifier for DCI formats, the first bit of 0_0/0_1/1_0/1_1 (TS 38.212 §7.3.1), is 0.
    /// </summary>
    private bool IsUplinkGrant(ReadOnlySpan<byte> payload) =>
        payload.Length == _ulSize && (_ulSize != _dlSize || payload[0] == 0);

    /// <summary>Reads a DCI 0_1 (or 0_0) and hands the grant of slot n + K2 to the uplink HARQ entity.</summary>
    private void OnUplinkGrant(long slot, ReadOnlySpan<byte> payload)
    {
        int tdra, ndi, rv, process;
        if (_cell.Uplink.FallbackDci)
        {
            Dci0_0 dci = _fallbackSizes.Parse0_0(payload);
            (tdra, ndi, rv, process) = (dci.TimeDomainAssignment, dci.NewDataIndicator, dci.RedundancyVersion, dci.HarqProcess);
        }
        else
        {
            int mcsNdiRv = DciFieldLayout.Read(payload, _ulMcsNdiRv);
            (tdra, ndi, rv, process) = (DciFieldLayout.Read(payload, _ulTdra), (mcsNdiRv >> 2) & 1, mcsNdiRv & 3, DciFieldLayout.Read(payload, _ulHarqProcess));
        }

        if ((uint)tdra < 16)
        {
            int k2 = Ts38214Table6_1_2_1_1_2.Row(tdra, _cell.Numerology.Mu).K2;
            _uplink!.OnGrant(slot + k2, process, ndi, rv);

            // DCI 0_1 with the dynamic codebook: V_T-DAI,UL sizes the HARQ-ACK on that PUSCH (TS 38.213 §9.1.3.2); 0_0 has none.
            if (!_cell.Uplink.FallbackDci)
            {
                _feedback.OnUplinkTotalDai(slot + k2, DciFieldLayout.Read(payload, _ulTotalDai) + 1);
            }
        }
    }

    /// <summary>Forgets every HARQ process.</summary>
    public void Reset()
    {
        foreach (TestUeHarqProcess p in _processes)
        {
            p.Reset();
        }
    }

    /// <summary>Reads a DCI 1_1 (or 1_0) for a downlink assignment; false for another format or a field value the cell cannot mean.</summary>
    private bool TryRead(ReadOnlySpan<byte> bits, out DownlinkAssignment assignment)
    {
        assignment = default;
        int riv;
        if (_cell.Downlink.FallbackDci)
        {
            // DCI 1_0 with C-RNTI (TS 38.212 §7.3.1.2.1): the identifier bit is 1 for a downlink assignment.
            if (bits[0] != 1)
            {
                return false;
            }

            Dci1_0 dci = _fallbackSizes.Parse1_0(bits, DciRntiType.CRnti);
            riv = dci.FrequencyDomainAssignment;
            assignment = new DownlinkAssignment(0, 0, dci.TimeDomainAssignment, dci.Mcs, dci.NewDataIndicator, dci.RedundancyVersion, dci.HarqProcess, 1, dci.PdschToHarqTiming + 1, dci.PucchResourceIndicator, dci.DownlinkAssignmentIndex + 1);
        }
        else
        {
            if (DciFieldLayout.Read(bits, _identifier) != 1)
            {
                return false;
            }

            // TB1: MCS (5 bits), NDI, RV (2 bits); antenna ports of TS 38.212 Table 7.3.1.2.2-1 (ports 0; 0–1; 0–2; 0–3).
            int mcsNdiRv = DciFieldLayout.Read(bits, _mcsNdiRv);
            int layers = DciFieldLayout.Read(bits, _antennaPorts) switch { 0 => 1, 2 => 2, 9 => 3, 10 => 4, _ => 0 };
            if (layers == 0)
            {
                return false;
            }

            riv = DciFieldLayout.Read(bits, _fdra);
            assignment = new DownlinkAssignment(
                0, 0, DciFieldLayout.Read(bits, _tdra), mcsNdiRv >> 3, (mcsNdiRv >> 2) & 1, mcsNdiRv & 3, DciFieldLayout.Read(bits, _harqProcess), layers,
                DciFieldLayout.Read(bits, _k1) + 1, DciFieldLayout.Read(bits, _pucchResource), DciFieldLayout.Read(bits, _dai) + 1);
        }

        if (ResourceIndicatorValue.Decode(riv, _cell.NRb) is not (int start, int length) || assignment.HarqProcess >= HarqProcessCount)
        {
            return false;
        }

        assignment = assignment with { FirstPrb = start, PrbCount = length };
        return true;
    }

    /// <summary>Receives the PDSCH of <paramref name="a"/> into its HARQ process; true when its transport block is (or was) decoded.</summary>
    private bool Receive(DownlinkAssignment a, ResourceGrid grid, int slotInFrame)
    {
        TestUeHarqProcess process = _processes[a.HarqProcess];
        bool newData = a.NewDataIndicator != process.NewDataIndicator;
        if (!newData && process.Decoded)
        {
            Duplicates++;
            return true;
        }

        PdschConfiguration? config = Configuration(a, process);
        if (config is null)
        {
            DecodeFailures++;
            return false;
        }

        // A retransmission must keep the block's layout; one that does not (its first transmission was missed) starts afresh.
        newData |= !ReferenceEquals(config, process.Configuration);
        process.NewDataIndicator = a.NewDataIndicator;
        process.Configuration = config;
        process.Decoded = false;
        Receptions++;
        Retransmissions += newData ? 0 : 1;
        int tbs = _receiver.TransportBlockSize(config);
        SharedChannelReceiveResult r = _receiver.Receive(config, grid, slotInFrame, a.RedundancyVersion, process.SoftBuffer, newData, _bits.AsSpan(0, tbs));
        SinrSumDb += double.IsFinite(r.Measurements.SinrDb) ? r.Measurements.SinrDb : 0;
        if (!r.CrcPassed)
        {
            DecodeFailures++;
            return false;
        }

        process.Decoded = true;
        TransportBlocksDecoded++;
        DecodedBits += tbs;
        ReadTimingAdvanceCommand(_bits.AsSpan(0, tbs));
        return true;
    }

    /// <summary>
    /// Walks the MAC subheaders of a decoded downlink MAC PDU (TS 38.321 §6.1.2: R/F/LCID with an 8- or 16-bit L for
    /// SDUs; fixed-size CEs; padding ends it) for a Timing Advance Command CE (LCID 61, TAG ID and T_A, §6.1.3.4) and
    /// accumulates T_A − 31. <paramref name="bits"/> are the block's bits, most significant first.
    /// </summary>
    private void ReadTimingAdvanceCommand(ReadOnlySpan<byte> bits)
    {
        int bytes = bits.Length / 8;
        int offset = 0;
        while (offset < bytes)
        {
            int header = Byte(bits, offset);
            int lcid = header & 0x3F;
            if (lcid == MacPdu.TimingAdvanceCommandLcid && offset + 1 < bytes)
            {
                int command = Byte(bits, offset + 1) & 0x3F;
                TimingAdvanceCommands++;
                TimingAdvanceSteps += command - 31;
                offset += 2;
            }
            else if (lcid <= 32 && offset + 2 < bytes)
            {
                bool longLength = (header & 0x40) != 0;
                int length = longLength ? (Byte(bits, offset + 1) << 8) | Byte(bits, offset + 2) : Byte(bits, offset + 1);
                offset += (longLength ? 3 : 2) + length;
            }
            else
            {
                return;
            }
        }

        static int Byte(ReadOnlySpan<byte> bits, int index)
        {
            int value = 0;
            for (int b = 0; b < 8; b++)
            {
                value = (value << 1) | (bits[(index * 8) + b] & 1);
            }

            return value;
        }
    }

    /// <summary>
    /// The PDSCH configuration of an assignment, derived once per kind (PRBs, TDRA row, MCS, layers); a reserved MCS index
    /// (a retransmission with the modulation only, TS 38.214 §5.1.3.1) keeps the process's configuration. Null when the
    /// assignment describes no valid PDSCH.
    /// </summary>
    private PdschConfiguration? Configuration(DownlinkAssignment a, TestUeHarqProcess process)
    {
        DownlinkAssignment key = a with { NewDataIndicator = 0, RedundancyVersion = 0, HarqProcess = 0, K1 = 0, PucchResource = 0, CounterDai = 0 };
        foreach ((DownlinkAssignment k, PdschConfiguration c) in _configurations)
        {
            if (k == key)
            {
                return c;
            }
        }

        McsEntry mcs = McsTables.Lookup(_cell.Downlink.FallbackDci ? McsTable.Qam64 : _cell.Downlink.Table, a.Mcs);
        if (mcs.IsReserved)
        {
            return process.Configuration;
        }

        PdschConfiguration config;
        try
        {
            config = _scheduler.DedicatedPdsch(a.FirstPrb, a.PrbCount, a.TdraRow, mcs, a.Layers);
            config.ThrowIfInvalid();
            SharedChannelCodingParameters p = _receiver.CodingParameters(config);
            SharedChannelSoftBuffer buffer = process.SoftBuffer;
            if (p.TransportBlockSize > _bits.Length || p.Segmentation.CodeBlockCount > buffer.MaxCodeBlockCount || p.CircularBufferLength > buffer.CodeBlockCapacity)
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
            return null;
        }

        _configurations.Add((key, config));
        return config;
    }
}
