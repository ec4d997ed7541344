using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// UCI decoding for PUCCH formats 2, 3 and 4 (the inverse of <see cref="PucchUciEncoder"/>, TS 38.212 §6.3.1): the
/// descrambled E_tot LLRs are demultiplexed into UCI part 1 and part 2 (§6.3.1.6), each part rate-recovered and decoded —
/// the maximum-likelihood (32, A) block decoder for A ≤ 11 (no CRC: validity rests on the DTX test) or CRC-aided SCL polar
/// decoding with CRC6/CRC11 (<see cref="UciPolarDecoder"/>) — and part 1 is split into HARQ-ACK, SR and CSI part 1
/// (§6.3.1.1). One instance per worker; allocation-free after the first use of each polar code; not thread-safe.
/// </summary>
public sealed class PucchUciDecoder
{
    private readonly UciPolarDecoder _polar;
    private readonly float[] _part1 = new float[PucchUciEncoder.MaxRateMatchedLength];
    private readonly float[] _part2 = new float[PucchUciEncoder.MaxRateMatchedLength];
    private readonly byte[] _partMap = new byte[PucchUciEncoder.MaxRateMatchedLength];
    private readonly short[] _indexMap = new short[PucchUciEncoder.MaxRateMatchedLength];
    private readonly float[] _recovered = new float[32];
    private readonly byte[] _bits = new byte[PucchUciEncoder.MaxPayloadBits];

    /// <summary>Creates the decoder with a CA-SCL list of <paramref name="polarListSize"/> (1..8).</summary>
    public PucchUciDecoder(int polarListSize = 8)
    {
        ThrowHelper.ThrowIfOutside(polarListSize, 1, 8);
        _polar = new UciPolarDecoder(polarListSize);
    }

    /// <summary>
    /// Decodes the UCI of <paramref name="sizes"/> from the descrambled LLRs <paramref name="llrs"/> (E_tot of
    /// <paramref name="layout"/>) into <paramref name="message"/>; returns whether part 1 and part 2 decoded (a part without
    /// CRC counts as decoded).
    /// </summary>
    public (bool Part1, bool Part2) Decode(PucchLayout layout, PucchUciSizes sizes, ReadOnlySpan<float> llrs, PucchUciMessage message)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(message);
        PucchUciCodingParameters p = PucchUciCodingParameters.Create(layout, sizes);
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, p.TotalRateMatchedLength, nameof(llrs));
        message.Reset(sizes);
        Span<float> f1 = _part1.AsSpan(0, p.Part1RateMatchedLength);
        Span<float> f2 = _part2.AsSpan(0, p.Part2RateMatchedLength);
        if (p.Part2BitCount == 0)
        {
            llrs.CopyTo(f1);
        }
        else
        {
            Span<byte> parts = _partMap.AsSpan(0, llrs.Length);
            Span<short> indices = _indexMap.AsSpan(0, llrs.Length);
            PucchUciMultiplexer.Map(layout, p, parts, indices);
            for (int e = 0; e < llrs.Length; e++)
            {
                int i = indices[e];
                if (i >= 0)
                {
                    (parts[e] == 1 ? f1 : f2)[i] = llrs[e];
                }
            }
        }

        Span<byte> a1 = _bits.AsSpan(0, p.Part1BitCount);
        bool part1 = DecodePart(f1, a1);
        a1[..sizes.HarqAckBitCount].CopyTo(message.HarqAck);
        a1.Slice(sizes.HarqAckBitCount, sizes.SrBitCount).CopyTo(message.Sr);
        a1.Slice(sizes.HarqAckBitCount + sizes.SrBitCount, sizes.CsiPart1BitCount).CopyTo(message.CsiPart1);
        bool part2 = false;
        if (p.Part2BitCount > 0)
        {
            part2 = DecodePart(f2, message.CsiPart2);
        }

        return (part1, part2);
    }

    /// <summary>Decodes one UCI part of A = a.Length bits from E_UCI = f.Length LLRs; false when its CRC fails.</summary>
    public bool DecodePart(ReadOnlySpan<float> f, Span<byte> a)
    {
        if (a.Length <= 11)
        {
            // e_k = d_(k mod 32): combine the repetitions (TS 38.212 §5.4.3 undone), then ML over the 2^A codewords.
            SmallBlockCode.RateRecover(f, _recovered);
            SmallBlockCode.DecodeReedMuller(_recovered, a);
            return true;
        }

        return _polar.Decode(f, a);
    }
}
