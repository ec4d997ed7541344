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

/// <summary>A PRACH preamble detection.</summary>
/// <param name="PreambleIndex">The preamble index 0..63.</param>
/// <param name="TimingAdvanceSamples">The round-trip delay estimate at the radio rate.</param>
/// <param name="Occasion">The occasion it was found in.</param>
public readonly record struct PrachDetectionResult(int PreambleIndex, double TimingAdvanceSamples, PrachOccasionPdu Occasion);

/// <summary>What the PHY found in one uplink slot, handed to the scheduler as values.</summary>
public sealed class UplinkSlotResults
{
    private readonly PuschResult[] _pusch;
    private readonly PrachDetectionResult[] _prach = new PrachDetectionResult[64];

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

    /// <summary>PRACH detections.</summary>
    public ReadOnlySpan<PrachDetectionResult> Prach => _prach.AsSpan(0, PrachCount);

    /// <summary>Number of PRACH detections.</summary>
    public int PrachCount { get; private set; }

    /// <summary>Empties the results for <paramref name="slot"/>.</summary>
    public void Reset(SlotPoint slot)
    {
        Slot = slot;
        PuschCount = 0;
        PrachCount = 0;
    }

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
