using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// BCH channel coding (TS 38.212 §7.1): payload generation and scrambling (§7.1.1-§7.1.2), CRC24C (§7.1.3), polar
/// encoding with K = 56, n_max = 9, I_IL = 1 (§7.1.4) and rate matching to E = 864 (§7.1.5); and the inverse with a
/// CRC-aided SCL decoder. One instance per worker (it owns the decoder and scratch); decoding allocates nothing but the
/// returned <see cref="Mib"/> record.
/// </summary>
public sealed class BchCodec
{
    /// <summary>K = 56 (32 payload bits plus CRC24C).</summary>
    public const int K = PbchPayload.Length + 24;

    /// <summary>E = 864 rate-matched bits.</summary>
    public const int E = 864;

    private readonly PolarCode _code = PolarCode.ForDownlink(K, E);
    private readonly CrcCalculator _crc = new(CrcPolynomial.Crc24C);
    private readonly PolarDecoder _decoder;
    private readonly byte[] _block = new byte[K];
    private readonly byte[] _codeword = new byte[PolarCode.MaxLength];
    private readonly float[] _codewordLlrs = new float[PolarCode.MaxLength];
    private readonly byte[] _aBar = new byte[PbchPayload.Length];
    private readonly PseudoRandomSequence _sequence = new();

    /// <summary>Creates the codec with a CRC-aided SCL decoder of list size <paramref name="listSize"/> (1..32, default 8).</summary>
    public BchCodec(int listSize = 8)
    {
        _decoder = new PolarDecoder(listSize, 512) { ListSize = listSize };
    }

    /// <summary>The polar code (K = 56, E = 864, N = 512).</summary>
    public PolarCode Code => _code;

    /// <summary>Encodes a BCCH-BCH message into the 864 rate-matched bits (see <see cref="PbchPayload.Build"/> for the parameters).</summary>
    public void Encode(ReadOnlySpan<byte> bcchBch, int sfn, int halfFrame, int lMax, int blockIndexOrKSsb, int nIdCell, Span<byte> output)
    {
        ThrowHelper.ThrowIfLengthDiffers(output.Length, E, nameof(output));
        PbchPayload.Build(bcchBch, sfn, halfFrame, lMax, blockIndexOrKSsb, nIdCell, _block.AsSpan(0, PbchPayload.Length), _sequence);
        _crc.Attach(_block, PbchPayload.Length);
        Span<byte> d = _codeword.AsSpan(0, _code.N);
        PolarEncoder.Encode(_code, _block, d);
        PolarRateMatcher.Match(_code, d, output);
    }

    /// <summary>Encodes an MIB for the given half frame and block (L_max ≤ 8: k_SSB from the MIB; L_max = 64: <paramref name="ssbIndex"/>).</summary>
    public void Encode(Mib mib, int halfFrame, int lMax, int ssbIndex, int nIdCell, Span<byte> output)
    {
        Span<byte> bits = stackalloc byte[Mib.PackedLength];
        mib.Pack(bits);
        Encode(bits, mib.SystemFrameNumber, halfFrame, lMax, lMax == 64 ? ssbIndex : mib.SsbSubcarrierOffset, nIdCell, output);
    }

    /// <summary>Decodes 864 LLRs (after PBCH descrambling; L = ln(P(0)/P(1))).</summary>
    public BchDecodeResult Decode(ReadOnlySpan<float> llrs, int lMax, int nIdCell)
    {
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, E, nameof(llrs));
        Span<float> d = _codewordLlrs.AsSpan(0, _code.N);
        PolarRateDematcher.Recover(_code, llrs, d);
        PolarDecodeResult result = _decoder.Decode(_code, d, _block, new CrcPathCheck(_crc));
        if (!result.CheckPassed)
        {
            return new BchDecodeResult(false, null, 0, 0, result.PathMetric);
        }

        PbchPayload.Recover(_block.AsSpan(0, PbchPayload.Length), lMax, nIdCell, _aBar, _sequence);
        int sfnLsbs = (int)BitPacking.ReadUInt(_aBar, 24, 4);
        int kSsbMsb = lMax == 64 ? 0 : _aBar[29];
        Mib? mib = Mib.Unpack(_aBar.AsSpan(0, Mib.PackedLength), sfnLsbs, kSsbMsb);
        int blockMsbs = lMax == 64 ? (int)BitPacking.ReadUInt(_aBar, 29, 3) : 0;
        return new BchDecodeResult(true, mib, _aBar[28], blockMsbs, result.PathMetric);
    }
}
