using System;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// The UCI bits decoded from one PUSCH, one bit per byte: HARQ-ACK (1 = ACK), CSI part 1 and CSI part 2. Buffers are sized
/// once for the largest parts; a receiver overwrites them per slot (only the bits of a part reported valid are meaningful).
/// Not thread-safe.
/// </summary>
public sealed class PuschUciMessage
{
    private readonly byte[] _harqAck = new byte[PuschUciConfiguration.MaxPartBitCount];
    private readonly byte[] _csiPart1 = new byte[PuschUciConfiguration.MaxPartBitCount];
    private readonly byte[] _csiPart2 = new byte[PuschUciConfiguration.MaxPartBitCount];
    private int _harqAckCount, _csiPart1Count, _csiPart2Count;

    /// <summary>HARQ-ACK bits.</summary>
    public Span<byte> HarqAck => _harqAck.AsSpan(0, _harqAckCount);

    /// <summary>CSI part 1 bits.</summary>
    public Span<byte> CsiPart1 => _csiPart1.AsSpan(0, _csiPart1Count);

    /// <summary>CSI part 2 bits.</summary>
    public Span<byte> CsiPart2 => _csiPart2.AsSpan(0, _csiPart2Count);

    /// <summary>Sets the sizes of a new slot and clears every bit.</summary>
    public void Reset(PuschUciConfiguration? uci)
    {
        _harqAckCount = uci?.HarqAckBitCount ?? 0;
        _csiPart1Count = uci?.CsiPart1BitCount ?? 0;
        _csiPart2Count = uci?.CsiPart2BitCount ?? 0;
        HarqAck.Clear();
        CsiPart1.Clear();
        CsiPart2.Clear();
    }
}
