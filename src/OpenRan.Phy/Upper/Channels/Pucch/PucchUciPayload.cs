using System;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The UCI bits of one PUCCH occasion, one bit per byte (0 or 1): HARQ-ACK o_0^ACK…, SR, CSI part 1 and CSI part 2
/// (TS 38.212 §6.3.1.1, TS 38.213 §9). A view over caller-owned memory; nothing is copied.
/// </summary>
/// <remarks>
/// Formats 0 and 1: 1..2 HARQ-ACK bits (1 = ACK) and/or one SR bit (1 = positive SR). Formats 2–4: the bit sequences of
/// TS 38.212 §6.3.1.1 in that order (part 1 = HARQ-ACK, SR, CSI part 1; part 2 = CSI part 2 on formats 3 and 4).
/// </remarks>
public readonly ref struct PucchUciPayload
{
    /// <summary>Wraps the bit sequences.</summary>
    public PucchUciPayload(ReadOnlySpan<byte> harqAck, ReadOnlySpan<byte> sr = default, ReadOnlySpan<byte> csiPart1 = default, ReadOnlySpan<byte> csiPart2 = default)
    {
        HarqAck = harqAck;
        Sr = sr;
        CsiPart1 = csiPart1;
        CsiPart2 = csiPart2;
    }

    /// <summary>HARQ-ACK bits.</summary>
    public ReadOnlySpan<byte> HarqAck { get; }

    /// <summary>SR bits.</summary>
    public ReadOnlySpan<byte> Sr { get; }

    /// <summary>CSI part 1 bits.</summary>
    public ReadOnlySpan<byte> CsiPart1 { get; }

    /// <summary>CSI part 2 bits.</summary>
    public ReadOnlySpan<byte> CsiPart2 { get; }

    /// <summary>The bit counts.</summary>
    public PucchUciSizes Sizes => new(HarqAck.Length, Sr.Length, CsiPart1.Length, CsiPart2.Length);
}
