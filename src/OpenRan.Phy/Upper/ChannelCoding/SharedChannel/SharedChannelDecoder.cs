using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

/// <summary>The outcome of decoding one transport block.</summary>
/// <param name="Decoded">
/// The verdict: the transport block is decoded. True only when every code block is decoded (its final word satisfies the
/// LDPC parity checks and its CRC passes: CB-CRC24B when C &gt; 1, the transport-block CRC when C = 1) and the
/// transport-block CRC passes on the reassembled block.
/// </param>
/// <param name="TransportBlockCrcPassed">Whether the transport-block CRC (CRC24A or CRC16) passed on the reassembled bits.</param>
/// <param name="CodeBlockCount">C.</param>
/// <param name="CodeBlocksDecoded">Code blocks whose LDPC verdict was success (parity checks and their CRC).</param>
/// <param name="MaxIterations">The largest iteration count of any code block.</param>
/// <param name="TotalIterations">Iterations summed over the code blocks.</param>
public readonly record struct SharedChannelDecodeResult(bool Decoded, bool TransportBlockCrcPassed, int CodeBlockCount, int CodeBlocksDecoded, int MaxIterations, int TotalIterations)
{
    /// <summary>The verdict under the name the channel receivers report it (the same as <see cref="Decoded"/>).</summary>
    public bool CrcPassed => Decoded;

    /// <summary>Mean iterations per code block.</summary>
    public double MeanIterations => CodeBlockCount == 0 ? 0 : (double)TotalIterations / CodeBlockCount;
}

/// <summary>
/// The DL-SCH / UL-SCH transport block decoder, the mirror of <see cref="SharedChannelEncoder"/>: code-block
/// de-concatenation, rate dematching with HARQ combining into the caller's <see cref="SharedChannelSoftBuffer"/>, LDPC
/// decoding per code block (early termination on the parity checks), desegmentation and the transport-block CRC check.
/// </summary>
/// <remarks>
/// A transport block is reported decoded only when every code block is (LDPC parity checks of the final word, with no
/// undecided bit, and the CB CRC when C &gt; 1) and the transport-block CRC passes. Erased input never decodes: zero LLRs
/// (nothing received, or a redundancy version whose bit selection skipped the systematic bits, received alone) leave those
/// bits undecided, so the all-zero block, which every CRC accepts, is not reported.
/// Allocates nothing per call; per-code-block results are in <see cref="CodeBlockResults"/> until the next call. Not thread-safe.
/// </remarks>
public sealed class SharedChannelDecoder
{
    private readonly ILdpcDecoder _decoder;
    private readonly CrcCalculator _crc24A = new(CrcPolynomial.Crc24A);
    private readonly CrcCalculator _crc16 = new(CrcPolynomial.Crc16);
    private readonly CrcCalculator _crc24B = new(CrcPolynomial.Crc24B);
    private readonly byte[] _codeBlock = new byte[22 * LiftingSize.Max];
    private readonly byte[] _transportBlockCrc = new byte[24];
    private readonly LdpcDecoderResult[] _results;

    /// <summary>Builds the decoder around an LDPC decoder (from <see cref="LdpcDecoderFactory"/>).</summary>
    /// <param name="decoder">The LDPC decoder.</param>
    /// <param name="maxCodeBlockCount">Largest C to decode, 1..1000.</param>
    public SharedChannelDecoder(ILdpcDecoder decoder, int maxCodeBlockCount = 152)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ThrowHelper.ThrowIfOutside(maxCodeBlockCount, 1, 1000);
        _decoder = decoder;
        _results = new LdpcDecoderResult[maxCodeBlockCount];
    }

    /// <summary>The LDPC decoder in use.</summary>
    public ILdpcDecoder LdpcDecoder => _decoder;

    /// <summary>Number of code blocks of the last decoded transport block.</summary>
    public int LastCodeBlockCount { get; private set; }

    /// <summary>The result of each code block of the last call (length C).</summary>
    public ReadOnlySpan<LdpcDecoderResult> CodeBlockResults => _results.AsSpan(0, LastCodeBlockCount);

    /// <summary>
    /// Combines one transmission into the soft buffer and decodes the transport block.
    /// </summary>
    /// <param name="llrs">The G received LLRs g_0 … g_(G−1) of this transmission (descrambled, project convention).</param>
    /// <param name="parameters">The transport block's coding parameters.</param>
    /// <param name="rv">This transmission's redundancy version, 0..3.</param>
    /// <param name="softBuffer">The HARQ process's soft buffer.</param>
    /// <param name="newData">True for a new transport block (clears the soft buffer), false for a retransmission.</param>
    /// <param name="transportBlock">Receives the A decoded bits a_0 … a_(A−1).</param>
    public SharedChannelDecodeResult Decode(ReadOnlySpan<sbyte> llrs, SharedChannelCodingParameters parameters, int rv, SharedChannelSoftBuffer softBuffer, bool newData, Span<byte> transportBlock)
    {
        SharedChannelEncoder.ValidateParameters(parameters);
        ArgumentNullException.ThrowIfNull(softBuffer);
        ThrowHelper.ThrowIfOutside(rv, 0, 3);
        parameters.ValidateCodedBitCount(llrs.Length);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        CodeBlockSegmentation segmentation = parameters.Segmentation;
        int c = segmentation.CodeBlockCount;
        if (c > _results.Length)
        {
            ThrowHelper.ThrowArgument(nameof(parameters), $"the transport block has {c} code blocks; this decoder was built for at most {_results.Length}.");
        }

        softBuffer.Begin(parameters, newData);
        CrcCalculator tbCrc = parameters.TransportBlockCrc == CrcPolynomial.Crc24A ? _crc24A : _crc16;
        Span<byte> parity = _transportBlockCrc.AsSpan(0, tbCrc.Length);
        LdpcCode code = segmentation.Code;
        int ncb = parameters.CircularBufferLength;
        int kPrime = segmentation.CodeBlockInformationLength;
        Span<byte> decoded = _codeBlock.AsSpan(0, kPrime);
        LdpcCrcCheck crc = new(c > 1 ? _crc24B : tbCrc, kPrime);
        int g = llrs.Length;
        int decodedBlocks = 0, maxIterations = 0, totalIterations = 0;
        for (int r = 0; r < c; r++)
        {
            LdpcCircularBuffer buffer = LdpcCircularBuffer.ForCodeBlock(code, kPrime, ncb, rv);
            Span<sbyte> soft = softBuffer.CodeBlock(r, ncb);
            if (softBuffer.IsEmpty(r))
            {
                LdpcRateDematcher.Reset(buffer, soft);
            }

            int offset = parameters.RateMatchedOffset(g, r);
            int filled = LdpcRateDematcher.Dematch(llrs.Slice(offset, parameters.RateMatchedLength(g, r)), buffer, parameters.ModulationOrder, soft);
            softBuffer.MarkFilled(r, filled);

            LdpcDecoderResult result = _decoder.Decode(soft[..softBuffer.Filled(r)], decoded, code, crc);
            _results[r] = result;
            decodedBlocks += result.Success ? 1 : 0;
            maxIterations = Math.Max(maxIterations, result.Iterations);
            totalIterations += result.Iterations;
            CodeBlockSegmentation.ScatterRange(decoded[..segmentation.PayloadLength], r * segmentation.PayloadLength, transportBlock, parity);
        }

        LastCodeBlockCount = c;
        bool crcPassed = tbCrc.Compute(transportBlock) == (uint)BitPacking.ReadUInt(parity, 0, parity.Length);
        return new SharedChannelDecodeResult(crcPassed && decodedBlocks == c, crcPassed, c, decodedBlocks, maxIterations, totalIterations);
    }
}
