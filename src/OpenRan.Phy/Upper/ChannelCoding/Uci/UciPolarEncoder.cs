using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.ChannelCoding.Uci;

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
