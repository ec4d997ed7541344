using System;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The UCI bits decoded from one PUCCH occasion, one bit per byte: HARQ-ACK (1 = ACK), SR (1 = positive), CSI part 1 and
/// CSI part 2. Buffers are sized once for the largest payload; a receiver overwrites them per occasion (only the bits of a
/// part reported valid are meaningful). Not thread-safe.
/// </summary>
public sealed class PucchUciMessage
{
    private readonly byte[] _harqAck = new byte[PucchUciEncoder.MaxPayloadBits];
    private readonly byte[] _sr = new byte[4];
    private readonly byte[] _csiPart1 = new byte[PucchUciEncoder.MaxPayloadBits];
    private readonly byte[] _csiPart2 = new byte[PucchUciEncoder.MaxPayloadBits];

    /// <summary>The bit counts of the last occasion.</summary>
    public PucchUciSizes Sizes { get; private set; }

    /// <summary>HARQ-ACK bits.</summary>
    public Span<byte> HarqAck => _harqAck.AsSpan(0, Sizes.HarqAckBitCount);

    /// <summary>SR bits.</summary>
    public Span<byte> Sr => _sr.AsSpan(0, Sizes.SrBitCount);

    /// <summary>CSI part 1 bits.</summary>
    public Span<byte> CsiPart1 => _csiPart1.AsSpan(0, Sizes.CsiPart1BitCount);

    /// <summary>CSI part 2 bits.</summary>
    public Span<byte> CsiPart2 => _csiPart2.AsSpan(0, Sizes.CsiPart2BitCount);

    /// <summary>Sets the sizes for a new occasion and clears every bit.</summary>
    public void Reset(PucchUciSizes sizes)
    {
        Sizes = sizes;
        HarqAck.Clear();
        Sr.Clear();
        CsiPart1.Clear();
        CsiPart2.Clear();
    }
}
