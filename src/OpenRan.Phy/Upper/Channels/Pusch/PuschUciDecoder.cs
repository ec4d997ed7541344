using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// UCI decoding for PUSCH, the inverse of <see cref="PuschUciEncoder"/> per part: repetitions combined (TS 38.212 §5.4.3
/// undone), then for A = 1, 2 the maximum-likelihood repetition/simplex decision over the coded positions (the x
/// positions carry no information and are skipped; the y positions of A = 1 count as c0, so the caller must have re-signed
/// their LLRs for the scrambler's repeat of TS 38.211 §6.3.1.1, as <see cref="SharedChannel.SharedChannelReceiver"/> does), for A = 3..11 the maximum-likelihood (32, A) decision,
/// for A ≥ 12 CRC-aided SCL polar decoding (<see cref="UciPolarDecoder"/>). Parts without a CRC are valid when the
/// decision is unique (the decoders refuse erasures and non-finite input).
/// </summary>
/// <remarks>One instance per worker; allocation-free after the first use of each polar code; not thread-safe.</remarks>
public sealed class PuschUciDecoder
{
    private readonly UciPolarDecoder _polar;
    private readonly float[] _llrs = new float[2 * PolarCode.MaxRateMatchedLength];
    private readonly float[] _recovered = new float[32];
    private readonly float[] _coded = new float[6];

    /// <summary>Creates the decoder with a CA-SCL list of <paramref name="polarListSize"/> (1..8).</summary>
    public PuschUciDecoder(int polarListSize = 8)
    {
        ThrowHelper.ThrowIfOutside(polarListSize, 1, 8);
        _polar = new UciPolarDecoder(polarListSize);
    }

    /// <summary>Decodes one UCI part of A = a.Length bits from its E_UCI descrambled LLRs (positive favours 0).</summary>
    /// <param name="e">The part's E_UCI LLRs.</param>
    /// <param name="bitsPerSymbol">Q_m of the PUSCH.</param>
    /// <param name="a">Receives the A bits (zeros when not decided).</param>
    public UciPartStatus DecodePart(ReadOnlySpan<sbyte> e, int bitsPerSymbol, Span<byte> a)
    {
        if (a.IsEmpty)
        {
            return UciPartStatus.Absent;
        }

        if (a.Length <= 11)
        {
            int n = SmallBlockCode.EncodedLength(a.Length, bitsPerSymbol);
            Span<float> d = _recovered.AsSpan(0, n);
            d.Clear();
            for (int k = 0; k < e.Length; k++)
            {
                d[k % n] += e[k];
            }

            SmallBlockDecodeResult result;
            if (a.Length > 2)
            {
                result = SmallBlockCode.DecodeReedMuller(d, a);
            }
            else if (a.Length == 1)
            {
                // d = [c0 y x …]: the y position repeats c0 once its LLRs are re-signed for the scrambler's repeat.
                result = SmallBlockCode.DecodeRepetitionSimplex(d[..Math.Min(n, 2)], a);
            }
            else if (bitsPerSymbol == 1)
            {
                result = SmallBlockCode.DecodeRepetitionSimplex(d, a);
            }
            else
            {
                // d = [c0 c1 x … c2 c0 x … c1 c2 x …]: two coded bits at the head of each group of Q_m.
                Span<float> coded = _coded;
                for (int group = 0; group < 3; group++)
                {
                    coded[2 * group] = d[group * bitsPerSymbol];
                    coded[(2 * group) + 1] = d[(group * bitsPerSymbol) + 1];
                }

                result = SmallBlockCode.DecodeRepetitionSimplex(coded, a);
            }

            return result.Decided ? UciPartStatus.Valid : UciPartStatus.Invalid;
        }

        if (e.Length > _llrs.Length)
        {
            ThrowHelper.ThrowArgument(nameof(e), $"E_UCI = {e.Length} exceeds the polar limit {_llrs.Length}.");
        }

        // An erasure (every LLR 0) carries no information: the list decoder would return the all-zero message, whose CRC
        // is zero and passes. Report it invalid rather than a decode that was not made.
        if (!e.ContainsAnyExcept((sbyte)0))
        {
            a.Clear();
            return UciPartStatus.Invalid;
        }

        Span<float> llrs = _llrs.AsSpan(0, e.Length);
        for (int k = 0; k < e.Length; k++)
        {
            llrs[k] = e[k];
        }

        return _polar.Decode(llrs, a) ? UciPartStatus.Valid : UciPartStatus.Invalid;
    }
}
