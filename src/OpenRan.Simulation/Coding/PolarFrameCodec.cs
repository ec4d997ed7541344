using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.Uci;

namespace OpenRan.Simulation.Coding;

/// <summary>
/// A 5G polar code under test (<c>openran sim code --code polar</c>), in one of two set-ups:
/// <list type="bullet">
/// <item><b>SC</b>: K information bits on the 5G reliability sequence (TS 38.212 Table 5.3.1.2-1, n_max = 10, no CRC, no
/// input or channel interleaving), rate-matched to E (E = N gives the plain (N, K) code of AFF3CT's "5G" frozen set),
/// decoded by successive cancellation.</item>
/// <item><b>CA-SCL</b>: the 5G UCI chain (TS 38.212 §6.3.1: CRC6 or CRC11, n_max = 10, parity-check bits where they apply,
/// channel interleaver) for A information bits, decoded by CRC-aided SCL with list size L.</item>
/// </list>
/// </summary>
/// <remarks>Encode and Decode allocate nothing. One instance per worker.</remarks>
public sealed class PolarFrameCodec : IFrameCodec
{
    private readonly PolarCode? _scCode;
    private readonly PolarDecoder? _scDecoder;
    private readonly UciPolarEncoder? _uciEncoder;
    private readonly UciPolarDecoder? _uciDecoder;
    private readonly byte[] _codeword = new byte[PolarCode.MaxLength];
    private readonly float[] _codewordLlrs = new float[PolarCode.MaxLength];

    /// <summary>Creates the codec.</summary>
    /// <param name="informationBits">K (SC) or A (CA-SCL, 12..1706).</param>
    /// <param name="codedBits">E, the rate-matched length.</param>
    /// <param name="listSize">1 for SC (no CRC); 2..32 for CA-SCL with the UCI CRC.</param>
    public PolarFrameCodec(int informationBits, int codedBits, int listSize)
    {
        ThrowHelper.ThrowIfOutside(listSize, 1, 32);
        InformationBitCount = informationBits;
        CodedBitCount = codedBits;
        ListSize = listSize;
        if (listSize == 1)
        {
            _scCode = new PolarCode(informationBits, codedBits, 10, false, 0, 0, false);
            _scDecoder = new PolarDecoder(1, _scCode.N);
            Name = $"polar SC K={informationBits} E={codedBits} N={_scCode.N} (5G sequence, no CRC)";
        }
        else
        {
            var parameters = UciPolarParameters.Create(informationBits, codedBits);
            try
            {
                // Build the code once here, so that a (K, E) the UCI chain cannot carry is refused at construction
                // rather than on the first Encode (which may run on a worker thread).
                _ = PolarCode.ForUci(parameters.Kr, parameters.Er);
            }
            catch (ArgumentOutOfRangeException e)
            {
                string message = e.Message.Split(" (Parameter", 2)[0];
                int valid = message.IndexOf("valid:", StringComparison.Ordinal);
                throw new ArgumentOutOfRangeException(nameof(codedBits), codedBits,
                    $"codedBits = {codedBits} is out of range for A = {informationBits} on the UCI chain ({parameters.C} code block(s) of K_r = {parameters.Kr} bits with CRC{parameters.CrcLength}, E_r = {parameters.Er} bits each); {(valid >= 0 ? message[valid..].TrimEnd('.') + " bits per code block" : message)}.");
            }

            _uciEncoder = new UciPolarEncoder();
            _uciDecoder = new UciPolarDecoder(listSize);
            Name = $"polar CA-SCL L={listSize} A={informationBits} E={codedBits} (5G UCI, CRC{parameters.CrcLength}, C={parameters.C})";
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int InformationBitCount { get; }

    /// <inheritdoc />
    public int CodedBitCount { get; }

    /// <summary>The list size (1 = SC).</summary>
    public int ListSize { get; }

    /// <inheritdoc />
    public void Encode(ReadOnlySpan<byte> information, Span<byte> coded)
    {
        ThrowHelper.ThrowIfLengthDiffers(information.Length, InformationBitCount, nameof(information));
        ThrowHelper.ThrowIfLengthDiffers(coded.Length, CodedBitCount, nameof(coded));
        if (_scCode is not null)
        {
            Span<byte> d = _codeword.AsSpan(0, _scCode.N);
            PolarEncoder.Encode(_scCode, information, d);
            PolarRateMatcher.Match(_scCode, d, coded);
            return;
        }

        _uciEncoder!.Encode(information, coded);
    }

    /// <inheritdoc />
    public bool Decode(ReadOnlySpan<float> channelLlrs, Span<byte> information)
    {
        ThrowHelper.ThrowIfLengthDiffers(channelLlrs.Length, CodedBitCount, nameof(channelLlrs));
        ThrowHelper.ThrowIfLengthDiffers(information.Length, InformationBitCount, nameof(information));
        if (_scCode is not null)
        {
            Span<float> d = _codewordLlrs.AsSpan(0, _scCode.N);
            PolarRateDematcher.Recover(_scCode, channelLlrs, d);
            _scDecoder!.DecodeSuccessiveCancellation(_scCode, d, information);
            return true;
        }

        return _uciDecoder!.Decode(channelLlrs, information);
    }
}
