using System;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Scheduling;

/// <summary>One SS/PBCH block of a slot: the candidate index and its first symbol in the slot.</summary>
/// <param name="Index">The block index i_SSB.</param>
/// <param name="FirstSymbol">The first of its 4 symbols within the slot.</param>
public readonly record struct SsbPdu(int Index, int FirstSymbol);

/// <summary>One PDCCH (a DCI): CORESET, candidate, identities and the payload bits.</summary>
public sealed class PdcchPdu
{
    /// <summary>The DCI payload buffer (unpacked bits; the first <see cref="PayloadSize"/> are sent).</summary>
    public byte[] Payload { get; } = new byte[140];

    /// <summary>Payload size A.</summary>
    public int PayloadSize { get; set; }

    /// <summary>The CORESET (built once by the scheduler).</summary>
    public Coreset Coreset { get; set; } = null!;

    /// <summary>Slot symbol of CORESET symbol 0.</summary>
    public int FirstSymbol { get; set; }

    /// <summary>First CCE.</summary>
    public int FirstCce { get; set; }

    /// <summary>Aggregation level.</summary>
    public int AggregationLevel { get; set; }

    /// <summary>The RNTI masking the CRC.</summary>
    public int Rnti { get; set; }

    /// <summary>n_RNTI of the data scrambling (0 unless a UE-specific space with pdcch-DMRS-ScramblingID).</summary>
    public int ScramblingRnti { get; set; }

    /// <summary>The payload bits in use.</summary>
    public ReadOnlySpan<byte> Bits => Payload.AsSpan(0, PayloadSize);
}

/// <summary>One PDSCH: a transport block with its configuration, redundancy version and DM-RS reference point.</summary>
public sealed class PdschPdu
{
    /// <summary>Creates a PDU whose transport-block buffer holds <paramref name="maxTransportBlockBytes"/> bytes.</summary>
    public PdschPdu(int maxTransportBlockBytes) => TransportBlock = new byte[maxTransportBlockBytes];

    /// <summary>The configuration (one of the scheduler's prebuilt instances, so layouts are cached).</summary>
    public PdschConfiguration Configuration { get; set; } = null!;

    /// <summary>
    /// The common RB the configuration's CRB 0 stands for: 0 for DM-RS referenced to Point A, the lowest RB of CORESET#0
    /// for a PDSCH scheduled in the Type0-PDCCH CSS (TS 38.211 §7.4.1.1.2), whose configuration is then expressed
    /// relative to that RB.
    /// </summary>
    public int ReferenceCrb { get; set; }

    /// <summary>The transport block (packed bytes, MSB first); <see cref="TransportBlockBytes"/> are valid.</summary>
    public byte[] TransportBlock { get; }

    /// <summary>TBS/8.</summary>
    public int TransportBlockBytes { get; set; }

    /// <summary>rv_id.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>The HARQ process (for captures and metrics).</summary>
    public int HarqProcess { get; set; }

    /// <summary>Whether this is a new transport block (false for a retransmission).</summary>
    public bool NewData { get; set; }

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type.</summary>
    public RntiType RntiType { get; set; }

    /// <summary>The transport block bytes in use.</summary>
    public ReadOnlySpan<byte> Bytes => TransportBlock.AsSpan(0, TransportBlockBytes);
}

/// <summary>
/// Everything one downlink slot carries, as the scheduler decided it: SS/PBCH blocks, PDCCHs and PDSCHs. Preallocated
/// by the engine (one per slot of its pipeline) and reset for each slot; filling it allocates nothing.
/// </summary>
public sealed class DownlinkSlotPlan
{
    private readonly SsbPdu[] _ssb = new SsbPdu[4];
    private readonly PdcchPdu[] _pdcch;
    private readonly PdschPdu[] _pdsch;

    /// <summary>Creates a plan with room for <paramref name="maxPdcch"/> DCIs and <paramref name="maxPdsch"/> PDSCHs.</summary>
    public DownlinkSlotPlan(int maxPdcch, int maxPdsch, int maxTransportBlockBytes)
    {
        _pdcch = new PdcchPdu[maxPdcch];
        for (int i = 0; i < maxPdcch; i++)
        {
            _pdcch[i] = new PdcchPdu();
        }

        _pdsch = new PdschPdu[maxPdsch];
        for (int i = 0; i < maxPdsch; i++)
        {
            _pdsch[i] = new PdschPdu(maxTransportBlockBytes);
        }
    }

    /// <summary>The slot.</summary>
    public SlotPoint Slot { get; private set; }

    /// <summary>The MIB's SFN and half frame for the SS/PBCH blocks of this slot come from <see cref="Slot"/>.</summary>
    public ReadOnlySpan<SsbPdu> Ssb => _ssb.AsSpan(0, SsbCount);

    /// <summary>Number of SS/PBCH blocks.</summary>
    public int SsbCount { get; private set; }

    /// <summary>The PDCCHs in use.</summary>
    public ReadOnlySpan<PdcchPdu> Pdcch => _pdcch.AsSpan(0, PdcchCount);

    /// <summary>Number of PDCCHs.</summary>
    public int PdcchCount { get; private set; }

    /// <summary>The PDSCHs in use.</summary>
    public ReadOnlySpan<PdschPdu> Pdsch => _pdsch.AsSpan(0, PdschCount);

    /// <summary>Number of PDSCHs.</summary>
    public int PdschCount { get; private set; }

    /// <summary>Whether the slot carries nothing but SS/PBCH blocks.</summary>
    public bool IsSsbOnly => PdcchCount == 0 && PdschCount == 0;

    /// <summary>Empties the plan for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        SsbCount = 0;
        PdcchCount = 0;
        PdschCount = 0;
    }

    /// <summary>Adds an SS/PBCH block.</summary>
    public void AddSsb(int index, int firstSymbol)
    {
        if (SsbCount == _ssb.Length)
        {
            throw new InvalidOperationException("at most 4 SS/PBCH blocks per slot.");
        }

        _ssb[SsbCount++] = new SsbPdu(index, firstSymbol);
    }

    /// <summary>Takes the next PDCCH PDU to fill, or null when the plan is full.</summary>
    public PdcchPdu? AddPdcch() => PdcchCount < _pdcch.Length ? _pdcch[PdcchCount++] : null;

    /// <summary>Takes the next PDSCH PDU to fill, or null when the plan is full.</summary>
    public PdschPdu? AddPdsch() => PdschCount < _pdsch.Length ? _pdsch[PdschCount++] : null;

    /// <summary>Removes everything but the SS/PBCH blocks (what an overloaded engine still transmits).</summary>
    public void KeepSsbOnly()
    {
        PdcchCount = 0;
        PdschCount = 0;
    }
}
