using System;

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

    /// <summary>HARQ-ACK bits that were multiplexed on the PUSCH (0: none).</summary>
    public int HarqAckBits { get; set; }

    /// <summary>Whether the multiplexed HARQ-ACK decoded (TS 38.212 §6.3.2; false when absent, not received or late).</summary>
    public bool HarqAckValid { get; set; }

    /// <summary>The HARQ-ACK bits (1 = ACK), valid when <see cref="HarqAckValid"/>.</summary>
    public byte[] HarqAck { get; } = new byte[8];

    /// <summary>The downlink HARQ processes the bits acknowledge, in bit order.</summary>
    public int[] HarqProcesses { get; } = new int[8];

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
