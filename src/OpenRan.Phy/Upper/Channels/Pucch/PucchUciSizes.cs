namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The UCI bit counts one PUCCH occasion carries (TS 38.212 §6.3.1.1, TS 38.213 §9.2): O_ACK HARQ-ACK bits, O_SR SR bits,
/// O_CSI-1 CSI part 1 bits and O_CSI-2 CSI part 2 bits.
/// </summary>
/// <param name="HarqAckBitCount">O_ACK: formats 0 and 1 carry 0..2, formats 2–4 up to 1706 in total.</param>
/// <param name="SrBitCount">O_SR: 0 or 1 on formats 0 and 1 (an SR opportunity), 0..4 on formats 2–4 (TS 38.213 §9.2.5.1).</param>
/// <param name="CsiPart1BitCount">O_CSI-1, formats 2–4.</param>
/// <param name="CsiPart2BitCount">O_CSI-2, formats 3 and 4 (a second UCI part, TS 38.212 §6.3.1.1.3).</param>
public readonly record struct PucchUciSizes(int HarqAckBitCount, int SrBitCount = 0, int CsiPart1BitCount = 0, int CsiPart2BitCount = 0)
{
    /// <summary>A: the bits of UCI part 1 (HARQ-ACK, SR and CSI part 1, in that order; TS 38.212 §6.3.1.1).</summary>
    public int Part1BitCount => HarqAckBitCount + SrBitCount + CsiPart1BitCount;

    /// <summary>The bits of UCI part 2 (CSI part 2).</summary>
    public int Part2BitCount => CsiPart2BitCount;

    /// <summary>All UCI bits.</summary>
    public int TotalBitCount => Part1BitCount + Part2BitCount;
}
