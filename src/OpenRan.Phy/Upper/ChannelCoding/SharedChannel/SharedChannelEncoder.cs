using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

/// <summary>
/// The DL-SCH / UL-SCH transport block encoder (TS 38.212 §7.2 and §6.2 without UCI): transport-block CRC, code-block
/// segmentation with CB-CRC and fillers, LDPC encoding, rate matching per code block with E_r and bit interleaving, and
/// code-block concatenation, producing the G bits of one transmission (one redundancy version) before scrambling.
/// </summary>
/// <remarks>Scratch for one code block is allocated at construction; encoding allocates nothing. Not thread-safe.</remarks>
public sealed class SharedChannelEncoder
{
    private readonly LdpcEncoder _encoder = new();
    private readonly CrcCalculator _crc24A = new(CrcPolynomial.Crc24A);
    private readonly CrcCalculator _crc16 = new(CrcPolynomial.Crc16);
    private readonly CrcCalculator _crc24B = new(CrcPolynomial.Crc24B);
    private readonly byte[] _codeBlock = new byte[22 * LiftingSize.Max];
    private readonly byte[] _codeword = new byte[SharedChannelSoftBuffer.MaxCircularBufferLength];
    private readonly byte[] _transportBlockCrc = new byte[24];

    /// <summary>
    /// Encodes <paramref name="transportBlock"/> into the <paramref name="codeword"/>.Length = G coded bits of redundancy
    /// version <paramref name="rv"/>.
    /// </summary>
    /// <param name="transportBlock">a_0 … a_(A−1), one bit per byte.</param>
    /// <param name="parameters">The transport block's coding parameters.</param>
    /// <param name="rv">Redundancy version 0..3.</param>
    /// <param name="codeword">Receives g_0 … g_(G−1); G must be a multiple of N_L·Q_m.</param>
    public void Encode(ReadOnlySpan<byte> transportBlock, SharedChannelCodingParameters parameters, int rv, Span<byte> codeword)
    {
        ValidateParameters(parameters);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        ThrowHelper.ThrowIfOutside(rv, 0, 3);
        parameters.ValidateCodedBitCount(codeword.Length);

        // TS 38.212 §7.2.1: b = (a, p) with the CRC24A or CRC16 parity bits p.
        CrcCalculator tbCrc = parameters.TransportBlockCrc == CrcPolynomial.Crc24A ? _crc24A : _crc16;
        Span<byte> parity = _transportBlockCrc.AsSpan(0, tbCrc.Length);
        BitPacking.WriteUInt(tbCrc.Compute(transportBlock), parity, 0, tbCrc.Length);

        CodeBlockSegmentation segmentation = parameters.Segmentation;
        LdpcCode code = segmentation.Code;
        int ncb = parameters.CircularBufferLength;
        Span<byte> codeBlock = _codeBlock.AsSpan(0, code.InformationLength);
        Span<byte> encoded = _codeword.AsSpan(0, ncb);
        int g = codeword.Length;
        for (int r = 0; r < segmentation.CodeBlockCount; r++)
        {
            // §5.2.2 segmentation and CB-CRC, §5.3.2 encoding (only the N_cb bits the circular buffer holds),
            // §5.4.2 rate matching of E_r bits, §5.5 concatenation.
            // Only the prefix of the circular buffer that bit selection reads is encoded (all of it once E wraps).
            segmentation.WriteCodeBlock(transportBlock, parity, r, codeBlock, _crc24B);
            LdpcCircularBuffer buffer = LdpcCircularBuffer.ForCodeBlock(code, segmentation.CodeBlockInformationLength, ncb, rv);
            int e = parameters.RateMatchedLength(g, r);
            _encoder.Encode(codeBlock, encoded[..Math.Max(1, buffer.FilledLength(e))], code);
            LdpcRateMatcher.Match(encoded, buffer, parameters.ModulationOrder, codeword.Slice(parameters.RateMatchedOffset(g, r), e));
        }
    }

    /// <summary>Throws for default (unvalidated) parameters.</summary>
    internal static void ValidateParameters(SharedChannelCodingParameters parameters)
    {
        if (parameters.TransportBlockSize == 0)
        {
            ThrowHelper.ThrowArgument(nameof(parameters), "parameters are default-initialized; build them with the SharedChannelCodingParameters constructor.");
        }
    }
}
