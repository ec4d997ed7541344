using System;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Scheduling;

/// <summary>The outcome of one expected PUSCH.</summary>
public sealed class PuschResult
{
    /// <summary>Creates a result whose transport-block buffer holds <paramref name="maxTransportBlockBytes"/> bytes.</summary>
    public PuschResult(int maxTransportBlockBytes) => TransportBlock = new byte[maxTransportBlockBytes];

    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>The RNTI type.</summary>
    public RntiType RntiType { get; set; }

    /// <summary>The HARQ process.</summary>
    public int HarqProcess { get; set; }

    /// <summary>rv_id of the transmission.</summary>
    public int RedundancyVersion { get; set; }

    /// <summary>Whether the transport-block CRC passed.</summary>
    public bool CrcPassed { get; set; }

    /// <summary>Whether the decode missed its deadline (then nothing else is valid).</summary>
    public bool Late { get; set; }

    /// <summary>
    /// Whether nothing was received: the DM-RS failed the DTX test and the block did not decode (discontinuous transmission,
    /// the UE missed its grant), as opposed to a transmission that failed its CRC.
    /// </summary>
    public bool Dtx { get; set; }

    /// <summary>REs of the allocation that were not finite or absurd and were treated as erasures.</summary>
    public int ErasedResourceElements { get; set; }

    /// <summary>The decoded transport block (packed), valid when the CRC passed.</summary>
    public byte[] TransportBlock { get; }

    /// <summary>TBS/8.</summary>
    public int TransportBlockBytes { get; set; }

    /// <summary>Post-equalization SINR in dB.</summary>
    public double SinrDb { get; set; }

    /// <summary>EVM in percent.</summary>
    public double EvmPercent { get; set; }

    /// <summary>Timing offset measured on the DM-RS, seconds (positive: the UE is late).</summary>
    public double TimingOffsetSeconds { get; set; }

    /// <summary>Largest LDPC iteration count.</summary>
    public int LdpcIterations { get; set; }

    /// <summary>The decoded bytes in use.</summary>
    public ReadOnlySpan<byte> Bytes => TransportBlock.AsSpan(0, TransportBlockBytes);
}

/// <summary>The outcome of one expected PUCCH: detection status (DTX included) and the HARQ-ACK bits.</summary>
public sealed class PucchResult
{
    /// <summary>The RNTI.</summary>
    public int Rnti { get; set; }

    /// <summary>Whether the occasion was detected and its UCI decoded (false: DTX, an invalid decode or late).</summary>
    public bool Valid { get; set; }

    /// <summary>Whether nothing was detected (discontinuous transmission).</summary>
    public bool Dtx { get; set; }

    /// <summary>Whether the decode missed its deadline.</summary>
    public bool Late { get; set; }

    /// <summary>HARQ-ACK bits (1 = ACK), valid when <see cref="Valid"/>.</summary>
    public byte[] HarqAck { get; } = new byte[8];

    /// <summary>Number of HARQ-ACK bits.</summary>
    public int HarqAckBits { get; set; }

    /// <summary>The downlink HARQ processes the bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];

    /// <summary>Copies the identity of <paramref name="pdu"/> and marks the result DTX until filled.</summary>
    public void From(PucchPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        Rnti = pdu.Rnti;
        HarqAckBits = pdu.HarqAckBits;
        pdu.HarqProcesses.AsSpan(0, pdu.HarqAckBits).CopyTo(HarqProcesses);
        Valid = false;
        Dtx = true;
        Late = false;
    }
}

/// <summary>A PRACH preamble detection.</summary>
/// <param name="PreambleIndex">The preamble index 0..63.</param>
/// <param name="TimingAdvanceSamples">The round-trip delay estimate at the radio rate.</param>
/// <param name="TimingAdvanceCommand">T_A for the random access response, 0..3846 (TS 38.213 §4.2).</param>
/// <param name="SnrDb">The detector's SNR estimate in dB.</param>
/// <param name="Occasion">The occasion it was found in.</param>
public readonly record struct PrachDetectionResult(int PreambleIndex, double TimingAdvanceSamples, int TimingAdvanceCommand, double SnrDb, PrachOccasionPdu Occasion);

/// <summary>What the PHY found in one uplink slot, handed to the scheduler as values.</summary>
public sealed class UplinkSlotResults
{
    private readonly PuschResult[] _pusch;
    private readonly PrachDetectionResult[] _prach = new PrachDetectionResult[64];
    private readonly PucchResult[] _pucch = [new(), new(), new(), new()];

    /// <summary>Creates room for <paramref name="maxPusch"/> PUSCH results.</summary>
    public UplinkSlotResults(int maxPusch, int maxTransportBlockBytes)
    {
        _pusch = new PuschResult[maxPusch];
        for (int i = 0; i < maxPusch; i++)
        {
            _pusch[i] = new PuschResult(maxTransportBlockBytes);
        }
    }

    /// <summary>The slot.</summary>
    public SlotPoint Slot { get; private set; }

    /// <summary>The PUSCH results (same order as the plan's PUSCHs).</summary>
    public ReadOnlySpan<PuschResult> Pusch => _pusch.AsSpan(0, PuschCount);

    /// <summary>Number of PUSCH results.</summary>
    public int PuschCount { get; private set; }

    /// <summary>The PUCCH results (same order as the plan's PUCCHs).</summary>
    public ReadOnlySpan<PucchResult> Pucch => _pucch.AsSpan(0, PucchCount);

    /// <summary>Number of PUCCH results.</summary>
    public int PucchCount { get; private set; }

    /// <summary>PRACH detections.</summary>
    public ReadOnlySpan<PrachDetectionResult> Prach => _prach.AsSpan(0, PrachCount);

    /// <summary>Number of PRACH detections.</summary>
    public int PrachCount { get; private set; }

    /// <summary>Empties the results for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        PuschCount = 0;
        PucchCount = 0;
        PrachCount = 0;
    }

    /// <summary>The next PUCCH result to fill.</summary>
    public PucchResult AddPucch() => _pucch[PucchCount++];

    /// <summary>The next PUSCH result to fill.</summary>
    public PuschResult AddPusch() => _pusch[PuschCount++];

    /// <summary>Adds a PRACH detection (ignored when full).</summary>
    public void AddPrach(PrachDetectionResult detection)
    {
        if (PrachCount < _prach.Length)
        {
            _prach[PrachCount++] = detection;
        }
    }
}
