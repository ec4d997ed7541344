namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// TS 38.213 Tables 9.2.3-3, 9.2.3-4, 9.2.5-1 and 9.2.5-2 (Release 17): the PUCCH format 0 cyclic shift m_cs for one or two
/// HARQ-ACK bits, with negative SR (Tables 9.2.3-3/-4) and with positive SR (Tables 9.2.5-1/-2); a positive SR alone uses
/// m_cs = 0 (TS 38.213 §9.2.4).
/// </summary>
/// <remarks>
/// Numbers from the specification tables. Two-bit values are written {b0, b1}: {0,0} → 0, {0,1} → 3, {1,1} → 6, {1,0} → 9;
/// with positive SR {0,0} → 1, {0,1} → 4, {1,1} → 7, {1,0} → 10. One bit: 0 → 0, 1 → 6; with positive SR 0 → 3, 1 → 9.
/// </remarks>
internal static class Ts38213Table9_2_3
{
    // Index: b0·2 + b1.
    private static readonly byte[] s_twoBits = [0, 3, 9, 6];
    private static readonly byte[] s_twoBitsPositiveSr = [1, 4, 10, 7];

    /// <summary>m_cs for <paramref name="harqAckBitCount"/> (0..2) HARQ-ACK bits with value <paramref name="harqAck"/> (bit b0 in bit 0, b1 in bit 1) and the SR.</summary>
    public static int CyclicShift(int harqAckBitCount, int harqAck, bool positiveSr) => harqAckBitCount switch
    {
        0 => 0,
        1 => (harqAck & 1) == 0 ? (positiveSr ? 3 : 0) : (positiveSr ? 9 : 6),
        _ => (positiveSr ? s_twoBitsPositiveSr : s_twoBits)[((harqAck & 1) << 1) | ((harqAck >> 1) & 1)],
    };
}
