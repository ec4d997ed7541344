using System;
using System.Globalization;
using System.Numerics.Tensors;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;

namespace OpenRan.Simulation.Coding;

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
