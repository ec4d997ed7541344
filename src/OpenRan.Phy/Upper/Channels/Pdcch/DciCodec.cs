using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// DCI channel coding (TS 38.212 §7.3.2-§7.3.4): zero padding to 12 bits, CRC24C computed over 24 ones followed by the
/// payload with the last 16 parity bits scrambled by the RNTI, polar encoding (n_max = 9, I_IL = 1, n_PC = 0) and rate
/// matching (I_BIL = 0) to E bits; decoding with a CA-SCL decoder whose CRC check unmasks the RNTI. Polar codes are
/// built once per (K, E) and cached. One instance per worker.
/// </summary>
public sealed class DciCodec
{
    /// <summary>The smallest polar-coded DCI payload (TS 38.212 §7.3.1: shorter payloads are zero-padded to 12).</summary>
    public const int MinPayload = 12;

    private readonly CrcCalculator _crc = new(CrcPolynomial.Crc24C);
    private readonly Dictionary<int, PolarCode> _codes = [];
    private readonly PolarDecoder _decoder;
    private readonly byte[] _block = new byte[Ts38212Limits.MaxK];
    private readonly byte[] _codeword = new byte[512];
    private readonly float[] _codewordLlrs = new float[512];
    private readonly uint _onesRegister;

    /// <summary>Creates the codec with decoder list size <paramref name="listSize"/> (1..32, default 8).</summary>
    public DciCodec(int listSize = 8)
    {
        _decoder = new PolarDecoder(listSize, 512) { ListSize = listSize };
        Span<byte> ones = stackalloc byte[24];
        ones.Fill(1);
        _onesRegister = _crc.Update(0, ones);
    }

    /// <summary>The CRC calculator (CRC24C).</summary>
    public CrcCalculator Crc => _crc;

    /// <summary>The register state after the 24 leading ones.</summary>
    public uint OnesRegister => _onesRegister;

    /// <summary>The polar code for payload length <paramref name="payloadSize"/> (after padding) and E bits; built on first use.</summary>
    public PolarCode Code(int payloadSize, int e)
    {
        int a = Math.Max(payloadSize, MinPayload);
        int key = ((a + 24) << 16) | e;
        if (!_codes.TryGetValue(key, out PolarCode? code))
        {
            code = PolarCode.ForDownlink(a + 24, e);
            _codes[key] = code;
        }

        return code;
    }

    /// <summary>The 24 CRC parity bits p (before RNTI masking) of payload a, as an integer (p_0 in bit 23).</summary>
    public uint Parity(ReadOnlySpan<byte> payload) => _crc.Finish(_crc.Update(_onesRegister, payload));

    /// <summary>Encodes DCI payload bits (1..140; padded to 12) for RNTI <paramref name="rnti"/> into E = f.Length bits.</summary>
    public void Encode(ReadOnlySpan<byte> payload, int rnti, Span<byte> f)
    {
        ThrowHelper.ThrowIfOutside(payload.Length, 1, Ts38212Limits.MaxK - 24, "payload.Length");
        ThrowHelper.ThrowIfOutside(rnti, 0, 65535);
        int a = Math.Max(payload.Length, MinPayload);
        Span<byte> c = _block.AsSpan(0, a + 24);
        c.Clear();
        payload.CopyTo(c);
        uint parity = Parity(c[..a]) ^ (uint)rnti;
        BitPacking.WriteUInt(parity, c, a, 24);
        PolarCode code = Code(a, f.Length);
        Span<byte> d = _codeword.AsSpan(0, code.N);
        PolarEncoder.Encode(code, c, d);
        PolarRateMatcher.Match(code, d, f);
    }

    /// <summary>
    /// Decodes E LLRs (descrambled) as a DCI of <paramref name="payloadSize"/> bits for any of the RNTIs; writes the payload
    /// (padded length) and returns the matching RNTI (or −1) with the decoder result.
    /// </summary>
    public (int Rnti, PolarDecodeResult Result) Decode(ReadOnlySpan<float> llrs, int payloadSize, ushort[] rntis, int rntiCount, Span<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(rntis);
        PolarCode code = Code(payloadSize, llrs.Length);
        int a = code.K - 24;
        ThrowHelper.ThrowIfLengthDiffers(payload.Length, a, nameof(payload));
        Span<float> d = _codewordLlrs.AsSpan(0, code.N);
        PolarRateDematcher.Recover(code, llrs, d);
        var check = new DciCrcCheck(_crc, _onesRegister, rntis, rntiCount);
        Span<byte> c = _block.AsSpan(0, code.K);
        PolarDecodeResult result = _decoder.Decode(code, d, c, check);
        c[..a].CopyTo(payload);
        return (result.CheckPassed ? check.Match(c) : -1, result);
    }
}
