using System;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// The UCI bits one PUSCH carries, one bit per byte: HARQ-ACK o_0^ACK … (1 = ACK), CSI part 1 and CSI part 2 (TS 38.212
/// §6.3.2.1). A view over caller-owned memory; nothing is copied. The lengths must equal the configured bit counts.
/// </summary>
public readonly ref struct PuschUciPayload
{
    /// <summary>Wraps the bit sequences.</summary>
    public PuschUciPayload(ReadOnlySpan<byte> harqAck, ReadOnlySpan<byte> csiPart1 = default, ReadOnlySpan<byte> csiPart2 = default)
    {
        HarqAck = harqAck;
        CsiPart1 = csiPart1;
        CsiPart2 = csiPart2;
    }

    /// <summary>HARQ-ACK bits.</summary>
    public ReadOnlySpan<byte> HarqAck { get; }

    /// <summary>CSI part 1 bits.</summary>
    public ReadOnlySpan<byte> CsiPart1 { get; }

    /// <summary>CSI part 2 bits.</summary>
    public ReadOnlySpan<byte> CsiPart2 { get; }
}
