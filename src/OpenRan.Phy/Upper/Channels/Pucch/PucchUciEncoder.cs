using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.SmallBlock;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// UCI channel coding for PUCCH formats 2, 3 and 4 (TS 38.212 §6.3.1): bit sequence generation (§6.3.1.1), for each UCI part
/// either the (32, A) small block code for A ≤ 11 (§5.3.3.3, no CRC) rate-matched by repetition (§5.4.3) or CRC6/CRC11,
/// segmentation, polar coding and rate matching (§6.3.1.2.1–§6.3.1.4.1, <see cref="UciPolarEncoder"/>), code-block
/// concatenation (§6.3.1.5) and multiplexing of the parts (§6.3.1.6). One instance per worker; allocation-free after the
/// first use of each polar code; not thread-safe.
/// </summary>
public sealed class PucchUciEncoder
{
    /// <summary>Largest UCI payload A (TS 38.212 §5.2.1).</summary>
    public const int MaxPayloadBits = 1706;

    /// <summary>Largest E_tot: format 3, QPSK, 16 PRBs, 12 UCI symbols (TS 38.212 Table 6.3.1.4-1).</summary>
    public const int MaxRateMatchedLength = 24 * 12 * 16;

    private readonly UciPolarEncoder _polar = new();
    private readonly byte[] _a = new byte[MaxPayloadBits];
    private readonly byte[] _part1 = new byte[MaxRateMatchedLength];
    private readonly byte[] _part2 = new byte[MaxRateMatchedLength];
    private readonly byte[] _partMap = new byte[MaxRateMatchedLength];
    private readonly short[] _indexMap = new short[MaxRateMatchedLength];
    private readonly sbyte[] _smallBlock = new sbyte[32];

    /// <summary>
    /// Encodes <paramref name="payload"/> into the E_tot coded bits g of <paramref name="layout"/> (0/1 per byte), before
    /// scrambling.
    /// </summary>
    /// <exception cref="ArgumentException">The payload does not fit (validate with <see cref="PucchConfigurationValidator"/> first).</exception>
    public void Encode(PucchLayout layout, PucchUciPayload payload, Span<byte> g)
    {
        ArgumentNullException.ThrowIfNull(layout);
        PucchUciCodingParameters p = PucchUciCodingParameters.Create(layout, payload.Sizes);
        ThrowHelper.ThrowIfLengthDiffers(g.Length, p.TotalRateMatchedLength, nameof(g));
        Span<byte> a = _a.AsSpan(0, p.Part1BitCount);
        PucchUciMultiplexer.Part1(payload, a);
        Span<byte> f1 = _part1.AsSpan(0, p.Part1RateMatchedLength);
        EncodePart(a, f1);
        if (p.Part2BitCount == 0)
        {
            f1.CopyTo(g);
            return;
        }

        Span<byte> a2 = _a.AsSpan(0, p.Part2BitCount);
        for (int i = 0; i < a2.Length; i++)
        {
            a2[i] = (byte)(payload.CsiPart2[i] & 1);
        }

        Span<byte> f2 = _part2.AsSpan(0, p.Part2RateMatchedLength);
        EncodePart(a2, f2);
        Span<byte> parts = _partMap.AsSpan(0, g.Length);
        Span<short> indices = _indexMap.AsSpan(0, g.Length);
        PucchUciMultiplexer.Map(layout, p, parts, indices);
        for (int e = 0; e < g.Length; e++)
        {
            int i = indices[e];
            g[e] = i < 0 ? (byte)0 : parts[e] == 1 ? f1[i] : f2[i];
        }
    }

    /// <summary>Codes one UCI part of A = a.Length bits into E_UCI = f.Length bits (TS 38.212 §6.3.1.2–§6.3.1.5).</summary>
    public void EncodePart(ReadOnlySpan<byte> a, Span<byte> f)
    {
        if (a.Length <= 11)
        {
            if (a.Length < 3)
            {
                ThrowHelper.ThrowArgument(nameof(a), $"A = {a.Length}: PUCCH formats 2–4 code 3..1706 UCI bits per part.");
            }

            // (32, A) block code (TS 38.212 §5.3.3.3), then e_k = d_(k mod 32) (§5.4.3).
            Span<sbyte> d = _smallBlock;
            SmallBlockCode.Encode(a, 2, d);
            for (int k = 0; k < f.Length; k++)
            {
                f[k] = (byte)d[k % d.Length];
            }

            return;
        }

        _polar.Encode(a, f);
    }
}
