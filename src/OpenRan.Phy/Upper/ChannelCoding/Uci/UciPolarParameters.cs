using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.ChannelCoding.Uci;

/// <summary>
/// The parameters of UCI encoded with a polar code (A ≥ 12): code-block segmentation I_seg, number of code blocks C,
/// CRC length L and per-block sizes (TS 38.212 §5.2.1, §6.3.1.2.1, §6.3.1.4.1).
/// </summary>
/// <param name="A">Payload length A, 12..1706.</param>
/// <param name="EUci">E_UCI, the rate-matched length of the whole UCI.</param>
/// <param name="C">Number of code blocks, 1 or 2 (2 when A ≥ 1013, or A ≥ 360 and E_UCI ≥ 1088).</param>
/// <param name="CrcLength">L: 6 for 12 ≤ A ≤ 19, 11 for A ≥ 20.</param>
/// <param name="PaddedLength">A' = ⌈A/C⌉·C.</param>
/// <param name="Kr">K_r = A'/C + L, the bits of each code block including its CRC.</param>
/// <param name="Er">E_r = ⌊E_UCI/C⌋, the rate-matched length of each code block.</param>
public readonly record struct UciPolarParameters(int A, int EUci, int C, int CrcLength, int PaddedLength, int Kr, int Er)
{
    /// <summary>Derives the parameters for payload length <paramref name="a"/> and E_UCI.</summary>
    public static UciPolarParameters Create(int a, int eUci)
    {
        ThrowHelper.ThrowIfOutside(a, 12, 1706);
        ThrowHelper.ThrowIfOutside(eUci, 1, 2 * PolarCode.MaxRateMatchedLength);
        int c = a >= 1013 || (a >= 360 && eUci >= 1088) ? 2 : 1;
        int crcLength = a <= 19 ? 6 : 11;
        int padded = (a + c - 1) / c * c;
        return new UciPolarParameters(a, eUci, c, crcLength, padded, (padded / c) + crcLength, eUci / c);
    }

    /// <summary>The CRC polynomial: CRC6 or CRC11 (TS 38.212 §6.3.1.2.1).</summary>
    public CrcPolynomial Polynomial => CrcLength == 6 ? CrcPolynomial.Crc6 : CrcPolynomial.Crc11;
}
