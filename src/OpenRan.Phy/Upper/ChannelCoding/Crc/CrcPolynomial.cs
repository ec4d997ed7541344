namespace OpenRan.Phy.Upper.ChannelCoding.Crc;

/// <summary>The cyclic generator polynomials of TS 38.212 §5.1.</summary>
public enum CrcPolynomial
{
    /// <summary>g_CRC24A(D) = D^24+D^23+D^18+D^17+D^14+D^11+D^10+D^7+D^6+D^5+D^4+D^3+D+1 (transport blocks &gt; 3824 bits).</summary>
    Crc24A,

    /// <summary>g_CRC24B(D) = D^24+D^23+D^6+D^5+D+1 (LDPC code blocks).</summary>
    Crc24B,

    /// <summary>g_CRC24C(D) = D^24+D^23+D^21+D^20+D^17+D^15+D^13+D^12+D^8+D^4+D^2+D+1 (BCH and DCI).</summary>
    Crc24C,

    /// <summary>g_CRC16(D) = D^16+D^12+D^5+1 (transport blocks ≤ 3824 bits).</summary>
    Crc16,

    /// <summary>g_CRC11(D) = D^11+D^10+D^9+D^5+1 (UCI, 20 ≤ A).</summary>
    Crc11,

    /// <summary>g_CRC6(D) = D^6+D^5+1 (UCI, 12 ≤ A ≤ 19).</summary>
    Crc6,
}
