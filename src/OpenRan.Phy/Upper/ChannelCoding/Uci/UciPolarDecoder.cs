using System;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.ChannelCoding.Uci;

/// <summary>
/// UCI decoding for polar-coded UCI (the inverse of <see cref="UciPolarEncoder"/>): per code block rate recovery on LLRs,
/// CRC-aided SCL decoding (parity-check bits decided per path) with the block's CRC6/CRC11, then desegmentation (the
/// leading filler bit removed). One instance per worker; decoding allocates nothing after the first use of a (K_r, E_r).
/// </summary>
public sealed class UciPolarDecoder
{
    private readonly CrcCalculator _crc6 = new(CrcPolynomial.Crc6);
    private readonly CrcCalculator _crc11 = new(CrcPolynomial.Crc11);
    private readonly PolarDecoder _decoder;
    private readonly System.Collections.Generic.Dictionary<long, PolarCode> _codes = [];
    private readonly float[] _codewordLlrs = new float[PolarCode.MaxLength];
    private readonly byte[] _block = new byte[PolarCode.MaxLength];

    /// <summary>Creates the decoder with list size <paramref name="listSize"/> (default 8).</summary>
    public UciPolarDecoder(int listSize = 8) => _decoder = new PolarDecoder(listSize) { ListSize = listSize };

    /// <summary>
    /// Decodes A = <paramref name="a"/>.Length payload bits from E_UCI = <paramref name="llrs"/>.Length LLRs; returns whether
    /// every code block's CRC passed.
    /// </summary>
    public bool Decode(ReadOnlySpan<float> llrs, Span<byte> a)
    {
        var parameters = UciPolarParameters.Create(a.Length, llrs.Length);
        PolarCode code = UciCodes.Get(_codes, parameters);

        CrcCalculator crc = parameters.CrcLength == 6 ? _crc6 : _crc11;
        int filler = parameters.PaddedLength - parameters.A;
        int segment = parameters.PaddedLength / parameters.C;
        bool allPassed = true;
        for (int r = 0; r < parameters.C; r++)
        {
            Span<float> d = _codewordLlrs.AsSpan(0, code.N);
            PolarRateDematcher.Recover(code, llrs.Slice(r * parameters.Er, parameters.Er), d);
            Span<byte> block = _block.AsSpan(0, parameters.Kr);
            PolarDecodeResult result = _decoder.Decode(code, d, block, new CrcPathCheck(crc));
            allPassed &= result.CheckPassed;
            for (int k = 0; k < segment; k++)
            {
                int i = (r * segment) + k - filler;
                if (i >= 0)
                {
                    a[i] = block[k];
                }
            }
        }

        return allPassed;
    }
}
