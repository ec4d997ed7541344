using System;
using System.Globalization;
using System.Numerics.Tensors;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
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
    /// <param name="decoder">Decoder implementation: auto, avx2 or generic.</param>
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

/// <summary>
/// One LDPC code block as an <see cref="IFrameCodec"/>: K information bits plus K_code − K filler bits (known 0) encoded
/// with the lifted code (TS 38.212 §5.3.2), rate-matched to E bits from redundancy version 0 with N_cb = N and no
/// interleaving (Q_m = 1; over AWGN every bit sees the same channel, so interleaving changes nothing) (§5.4.2.1);
/// decoding quantizes the channel LLRs to int8, rate-dematches them and runs the chosen layered min-sum decoder with
/// early termination on the parity checks. The decoder's verdict is "all parity checks satisfied".
/// </summary>
public sealed class LdpcFrameCodec : IFrameCodec
{
    private readonly LdpcCode _code;
    private readonly LdpcEncoder _encoder = new();
    private readonly ILdpcDecoder _decoder;
    private readonly LdpcCircularBuffer _buffer;
    private readonly float _scale;
    private readonly byte[] _message;
    private readonly byte[] _codeword;
    private readonly float[] _scaled;
    private readonly sbyte[] _llrs;
    private readonly sbyte[] _soft;

    /// <summary>Builds the codec (one per worker thread).</summary>
    public LdpcFrameCodec(LdpcFrameCodecOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _code = LdpcCode.Get(options.BaseGraph, options.LiftingSize);
        _decoder = LdpcDecoderFactory.Create(options.Decoder, options.DecoderOptions);
        int z = options.LiftingSize;
        _buffer = new LdpcCircularBuffer(_code.CodewordLength, 0, options.InformationBits - (2 * z), _code.InformationLength - options.InformationBits);
        _scale = options.LlrScale;
        _message = new byte[_code.InformationLength];
        _codeword = new byte[_code.CodewordLength];
        _scaled = new float[options.CodedBits];
        _llrs = new sbyte[options.CodedBits];
        _soft = new sbyte[_code.CodewordLength];
    }

    /// <summary>The settings.</summary>
    public LdpcFrameCodecOptions Options { get; }

    /// <summary>The iterations the last <see cref="Decode"/> ran.</summary>
    public int LastIterations { get; private set; }

    /// <inheritdoc />
    public string Name => string.Create(CultureInfo.InvariantCulture, $"LDPC BG{(int)Options.BaseGraph} Zc={Options.LiftingSize} K={Options.InformationBits} E={Options.CodedBits} (R={(double)Options.InformationBits / Options.CodedBits:F4}), {_decoder.Name}, {Options.DecoderOptions.MaxIterations} it, α={Options.DecoderOptions.ScalingSixteenths}/16 β={Options.DecoderOptions.Offset}, LLR×{Options.LlrScale}");

    /// <inheritdoc />
    public int InformationBitCount => Options.InformationBits;

    /// <inheritdoc />
    public int CodedBitCount => Options.CodedBits;

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<byte> information, Span<byte> coded)
    {
        ThrowHelper.ThrowIfLengthDiffers(information.Length, InformationBitCount, nameof(information));
        ThrowHelper.ThrowIfLengthDiffers(coded.Length, CodedBitCount, nameof(coded));
        information.CopyTo(_message);
        _encoder.Encode(_message, _codeword, _code);
        LdpcRateMatcher.Match(_codeword, _buffer, 1, coded);
    }

    /// <inheritdoc />
    public bool Decode(ReadOnlySpan<float> channelLlrs, Span<byte> information)
    {
        ThrowHelper.ThrowIfLengthDiffers(channelLlrs.Length, CodedBitCount, nameof(channelLlrs));
        ThrowHelper.ThrowIfLengthDiffers(information.Length, InformationBitCount, nameof(information));

        // Quantize: round(L·scale) clamped to ±120 (LogLikelihoodRatio.Quantize, vectorized).
        TensorPrimitives.Multiply(channelLlrs, _scale, _scaled);
        TensorPrimitives.Clamp(_scaled, -LogLikelihoodRatio.Max, LogLikelihoodRatio.Max, _scaled);
        TensorPrimitives.Round(_scaled, _scaled);
        TensorPrimitives.ConvertTruncating<float, sbyte>(_scaled, _llrs);

        LdpcRateDematcher.Reset(_buffer, _soft);
        int filled = LdpcRateDematcher.Dematch(_llrs, _buffer, 1, _soft);
        LdpcDecoderResult result = _decoder.Decode(_soft.AsSpan(0, filled), information, _code);
        LastIterations = result.Iterations;
        return result.Success;
    }
}
