using System;
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

/// <summary>
/// UCI channel coding with polar codes (TS 38.212 §6.3.1.2.1 segmentation and CRC, §6.3.1.3.1 polar encoding with
/// n_max = 10, I_IL = 0 and the n_PC rule, §6.3.1.4.1 rate matching with I_BIL = 1, §6.3.1.5 concatenation).
/// </summary>
/// <remarks>One instance per worker: CRC tables and scratch are held. Codes are built per call (configuration time).</remarks>
public sealed class UciPolarEncoder
{
    private readonly CrcCalculator _crc6 = new(CrcPolynomial.Crc6);
    private readonly CrcCalculator _crc11 = new(CrcPolynomial.Crc11);
    private readonly byte[] _block = new byte[2 * PolarCode.MaxLength];
    private readonly byte[] _codeword = new byte[PolarCode.MaxLength];
    private readonly System.Collections.Generic.Dictionary<long, PolarCode> _codes = [];

    /// <summary>
    /// Code-block segmentation and CRC attachment (TS 38.212 §5.2.1 with §6.3.1.2.1): A' − A leading zero filler bits,
    /// C segments of A'/C bits, each followed by its CRC. <paramref name="blocks"/> holds C rows of K_r bits.
    /// </summary>
    public void Segment(ReadOnlySpan<byte> a, UciPolarParameters parameters, Span<byte> blocks)
    {
        ThrowHelper.ThrowIfLengthDiffers(a.Length, parameters.A, nameof(a));
        ThrowHelper.ThrowIfLengthDiffers(blocks.Length, parameters.C * parameters.Kr, nameof(blocks));
        CrcCalculator crc = parameters.CrcLength == 6 ? _crc6 : _crc11;
        int filler = parameters.PaddedLength - parameters.A;
        int segment = parameters.PaddedLength / parameters.C;
        for (int r = 0; r < parameters.C; r++)
        {
            Span<byte> block = blocks.Slice(r * parameters.Kr, parameters.Kr);
            for (int k = 0; k < segment; k++)
            {
                int i = (r * segment) + k - filler; // a'_i = 0 for i < A' − A, else a_(i − (A' − A))
                block[k] = i < 0 ? (byte)0 : (byte)(a[i] & 1);
            }

            crc.Attach(block, segment);
        }
    }

    /// <summary>Encodes A = a.Length payload bits (12..1706) into E_UCI = g.Length bits.</summary>
    public void Encode(ReadOnlySpan<byte> a, Span<byte> g)
    {
        var parameters = UciPolarParameters.Create(a.Length, g.Length);
        Span<byte> blocks = parameters.C * parameters.Kr <= _block.Length ? _block.AsSpan(0, parameters.C * parameters.Kr) : new byte[parameters.C * parameters.Kr];
        Segment(a, parameters, blocks);
        PolarCode code = UciCodes.Get(_codes, parameters);
        g.Clear();
        for (int r = 0; r < parameters.C; r++)
        {
            Span<byte> d = _codeword.AsSpan(0, code.N);
            PolarEncoder.Encode(code, blocks.Slice(r * parameters.Kr, parameters.Kr), d);
            PolarRateMatcher.Match(code, d, g.Slice(r * parameters.Er, parameters.Er));
        }
    }
}

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

/// <summary>A per-instance cache of UCI polar codes keyed by (K_r, E_r), so steady-state coding allocates nothing.</summary>
internal static class UciCodes
{
    public static PolarCode Get(System.Collections.Generic.Dictionary<long, PolarCode> cache, UciPolarParameters parameters)
    {
        long key = ((long)parameters.Kr << 32) | (uint)parameters.Er;
        if (!cache.TryGetValue(key, out PolarCode? code))
        {
            code = PolarCode.ForUci(parameters.Kr, parameters.Er);
            cache[key] = code;
        }

        return code;
    }
}
