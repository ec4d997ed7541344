using System;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using LiftingSizes = OpenRan.Phy.Upper.ChannelCoding.Ldpc.LiftingSize;

namespace OpenRan.Simulation.Coding;

/// <summary>Settings of <see cref="LdpcFrameCodec"/>, validated at construction.</summary>
public sealed record LdpcFrameCodecOptions
{
    /// <summary>The default LLR quantization: channel LLR × 4 → int8 (see the README's tuning table).</summary>
    public const float DefaultLlrScale = 4f;

    /// <summary>The largest rate-matched length E per frame.</summary>
    public const int MaxCodedBits = 10_000_000;

    /// <summary>Builds validated options.</summary>
    /// <param name="baseGraph">The base graph.</param>
    /// <param name="liftingSize">Z_c; 0 to take the smallest lifting size that holds <paramref name="informationBits"/>.</param>
    /// <param name="informationBits">K (information bits per frame, 2·Z_c + 1 … K_code); 0 for the full K_code = 22·Z_c or 10·Z_c (no fillers).</param>
    /// <param name="codedBits">E (rate-matched bits per frame, ≥ 1); 0 to derive it from <paramref name="rate"/>.</param>
    /// <param name="rate">The code rate R = K/E used when <paramref name="codedBits"/> is 0, in (0, 1].</param>
    /// <param name="decoder">Decoder implementation: auto, avx512, avx2 or generic.</param>
    /// <param name="decoderOptions">Decoder iterations, early termination and min-sum correction.</param>
    /// <param name="llrScale">Factor from channel LLR to int8 LLR before rounding and clamping to ±120, (0, 100].</param>
    public LdpcFrameCodecOptions(LdpcBaseGraph baseGraph, int liftingSize, int informationBits, int codedBits, double rate, string decoder, LdpcDecoderOptions decoderOptions, float llrScale = DefaultLlrScale)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(decoderOptions);
        int kb = LdpcBaseGraphTable.For(baseGraph).InformationColumnCount;
        if (liftingSize == 0)
        {
            if (informationBits <= 0)
            {
                ThrowHelper.ThrowArgument(nameof(informationBits), "give the lifting size Z_c or the information bits K.");
            }

            liftingSize = LiftingSizes.Smallest(kb, informationBits);
            if (liftingSize < 0)
            {
                ThrowHelper.ThrowOutOfRange(nameof(informationBits), informationBits, $"1..{kb * LiftingSizes.Max} for BG{(int)baseGraph}");
            }
        }

        if (!LiftingSizes.IsValid(liftingSize))
        {
            ThrowHelper.ThrowOutOfRange(nameof(liftingSize), liftingSize, "a lifting size of TS 38.212 Table 5.3.2-1");
        }

        int kCode = kb * liftingSize;
        informationBits = informationBits == 0 ? kCode : informationBits;
        ThrowHelper.ThrowIfOutside(informationBits, (2 * liftingSize) + 1, kCode);
        if (codedBits == 0)
        {
            if (!(rate > 0 && rate <= 1))
            {
                ThrowHelper.ThrowOutOfRange(nameof(rate), rate, "0 < R ≤ 1");
            }

            // K/R in double first: a tiny rate must be refused by name, not wrap or saturate the integer E.
            double e = Math.Round(informationBits / rate);
            if (!(e <= MaxCodedBits))
            {
                ThrowHelper.ThrowOutOfRange(nameof(rate), rate, string.Create(CultureInfo.InvariantCulture, $"{(double)informationBits / MaxCodedBits:G3} ≤ R ≤ 1 (E = K/R ≤ {MaxCodedBits} for K = {informationBits})"));
            }

            codedBits = (int)e;
        }

        ThrowHelper.ThrowIfOutside(codedBits, 1, MaxCodedBits);
        if (!(llrScale > 0 && llrScale <= 100))
        {
            ThrowHelper.ThrowOutOfRange(nameof(llrScale), llrScale, "0 < scale ≤ 100");
        }

        BaseGraph = baseGraph;
        LiftingSize = liftingSize;
        InformationBits = informationBits;
        CodedBits = codedBits;
        Decoder = LdpcDecoderFactory.Resolve(decoder);
        DecoderOptions = decoderOptions;
        LlrScale = llrScale;
    }

    /// <summary>The base graph.</summary>
    public LdpcBaseGraph BaseGraph { get; }

    /// <summary>Z_c.</summary>
    public int LiftingSize { get; }

    /// <summary>K: information bits per frame (the code's remaining K_code − K positions are filler bits).</summary>
    public int InformationBits { get; }

    /// <summary>E: rate-matched bits per frame.</summary>
    public int CodedBits { get; }

    /// <summary>The resolved decoder implementation name.</summary>
    public string Decoder { get; }

    /// <summary>Decoder options.</summary>
    public LdpcDecoderOptions DecoderOptions { get; }

    /// <summary>Channel-LLR to int8 scale.</summary>
    public float LlrScale { get; }
}
