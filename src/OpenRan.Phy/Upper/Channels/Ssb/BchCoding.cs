using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// The PBCH transport-block payload (TS 38.212 §7.1.1) and its first scrambling (§7.1.2): the BCCH-BCH message ā
/// (Ā = 24 bits) is extended with the 4 SFN LSBs, the half-frame bit and either the k_SSB MSB (L_max ≤ 8) or the SS/PBCH
/// block index bits 5, 4, 3 (L_max = 64), interleaved with G(j) (Table 7.1.1-1) and scrambled with c(j + v·M), c_init =
/// N_ID^cell, v = 2·(3rd SFN LSB) + (2nd SFN LSB), leaving the SFN 2nd/3rd LSBs, the half-frame bit and (L_max = 64) the
/// block index bits unscrambled.
/// </summary>
public static class PbchPayload
{
    /// <summary>A = Ā + 8 = 32 payload bits.</summary>
    public const int Length = 32;

    /// <summary>Position in a of ā_i, i = 0..31 (the G(j) interleaving of §7.1.1).</summary>
    private static readonly byte[] s_position = BuildPositions();

    /// <summary>
    /// Builds the scrambled payload a' (32 bits) from the BCCH-BCH message and the physical-layer bits.
    /// </summary>
    /// <param name="bcchBch">ā_0 … ā_23 (see <see cref="Mib.Pack"/>).</param>
    /// <param name="sfn">SFN, 0..1023 (its 4 LSBs are added here).</param>
    /// <param name="halfFrame">The half-frame bit, 0 or 1.</param>
    /// <param name="lMax">L_max: 4, 8 or 64.</param>
    /// <param name="blockIndexOrKSsb">k_SSB (L_max ≤ 8; its MSB is sent) or the SS/PBCH block index (L_max = 64; bits 5..3 are sent).</param>
    /// <param name="nIdCell">N_ID^cell, 0..1007.</param>
    /// <param name="payload">Receives a'_0 … a'_31.</param>
    /// <param name="sequence">A Gold-sequence generator to reuse (avoids allocating one), or null.</param>
    public static void Build(ReadOnlySpan<byte> bcchBch, int sfn, int halfFrame, int lMax, int blockIndexOrKSsb, int nIdCell, Span<byte> payload, PseudoRandomSequence? sequence = null)
    {
        ThrowHelper.ThrowIfLengthDiffers(bcchBch.Length, Mib.PackedLength, nameof(bcchBch));
        ThrowHelper.ThrowIfLengthDiffers(payload.Length, Length, nameof(payload));
        ThrowHelper.ThrowIfOutside(sfn, 0, 1023);
        ThrowHelper.ThrowIfOutside(halfFrame, 0, 1);
        ValidateLMax(lMax);
        ThrowHelper.ThrowIfOutside(blockIndexOrKSsb, 0, lMax == 64 ? 63 : 31);
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        Span<byte> aBar = stackalloc byte[Length];
        bcchBch.CopyTo(aBar);
        BitPacking.WriteUInt((ulong)(sfn & 0xF), aBar, 24, 4);
        aBar[28] = (byte)halfFrame;
        if (lMax == 64)
        {
            BitPacking.WriteUInt((ulong)(blockIndexOrKSsb >> 3), aBar, 29, 3);
        }
        else
        {
            aBar[29] = (byte)((blockIndexOrKSsb >> 4) & 1);
            aBar[30] = 0;
            aBar[31] = 0;
        }

        for (int i = 0; i < Length; i++)
        {
            payload[s_position[i]] = (byte)(aBar[i] & 1);
        }

        Scramble(payload, lMax, nIdCell, sequence ?? new PseudoRandomSequence());
    }

    /// <summary>
    /// Descrambles a received payload a' in place and de-interleaves it into ā (32 bits: the BCCH-BCH message, SFN LSBs,
    /// half-frame bit and the last three bits). Scrambling is an involution once v is known, and v is read from the
    /// unscrambled SFN bits.
    /// </summary>
    public static void Recover(Span<byte> payload, int lMax, int nIdCell, Span<byte> aBar, PseudoRandomSequence? sequence = null)
    {
        ThrowHelper.ThrowIfLengthDiffers(payload.Length, Length, nameof(payload));
        ThrowHelper.ThrowIfLengthDiffers(aBar.Length, Length, nameof(aBar));
        ValidateLMax(lMax);
        Scramble(payload, lMax, nIdCell, sequence ?? new PseudoRandomSequence());
        for (int i = 0; i < Length; i++)
        {
            aBar[i] = payload[s_position[i]];
        }
    }

    /// <summary>§7.1.2: a'_i = a_i ⊕ s_i, in place (v is read from a_G(7), a_G(8), which are never scrambled).</summary>
    private static void Scramble(Span<byte> a, int lMax, int nIdCell, PseudoRandomSequence c)
    {
        ReadOnlySpan<byte> g = Ts38212Table7_1_1_1.InterleaverPattern;
        // ā_(Ā+1) (3rd SFN LSB) and ā_(Ā+2) (2nd SFN LSB) sit at G(7) and G(8).
        int v = (2 * a[g[7]]) + a[g[8]];
        int m = lMax == 64 ? Length - 6 : Length - 3;
        c.Initialize((uint)nIdCell);
        c.Advance(v * m);
        for (int i = 0; i < Length; i++)
        {
            bool excluded = i == g[7] || i == g[8] || i == g[10] || (lMax == 64 && (i == g[11] || i == g[12] || i == g[13]));
            if (!excluded)
            {
                a[i] ^= (byte)c.Next(1);
            }
        }
    }

    private static void ValidateLMax(int lMax)
    {
        if (lMax is not (4 or 8 or 64))
        {
            ThrowHelper.ThrowOutOfRange(nameof(lMax), lMax, "4, 8 or 64");
        }
    }

    private static byte[] BuildPositions()
    {
        // §7.1.1: j_SFN = 0, j_HRF = 10, j_SSB = 11, j_other = 14. SFN bits are ā_1..ā_6 and ā_24..ā_27, the
        // half-frame bit ā_28, and ā_29..ā_31 take the j_SSB slots.
        ReadOnlySpan<byte> g = Ts38212Table7_1_1_1.InterleaverPattern;
        var position = new byte[Length];
        int jSfn = 0, jSsb = 11, jOther = 14;
        for (int i = 0; i < Length; i++)
        {
            if (i is (>= 1 and <= 6) or (>= 24 and <= 27))
            {
                position[i] = g[jSfn++];
            }
            else if (i == 28)
            {
                position[i] = g[10];
            }
            else if (i >= 29)
            {
                position[i] = g[jSsb++];
            }
            else
            {
                position[i] = g[jOther++];
            }
        }

        return position;
    }
}

/// <summary>The decoded content of a BCH transport block.</summary>
/// <param name="CrcPassed">Whether the CRC24C checked.</param>
/// <param name="Mib">The MIB with the full SFN and k_SSB, or null when the CRC failed or the message is not an MIB.</param>
/// <param name="HalfFrame">The half-frame bit.</param>
/// <param name="BlockIndexMsbs">For L_max = 64: bits 5..3 of the SS/PBCH block index, else 0.</param>
/// <param name="PathMetric">The polar decoder's path metric of the returned candidate.</param>
public readonly record struct BchDecodeResult(bool CrcPassed, Mib? Mib, int HalfFrame, int BlockIndexMsbs, float PathMetric);

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
