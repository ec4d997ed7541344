using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

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
        Begin(llrs, parameters, rv, softBuffer, newData, transportBlock);
        Span<byte> parity = _transportBlockCrc.AsSpan(0, TransportBlockCrc(parameters).Length);
        CodeBlockDecodeSummary summary = DecodeCodeBlocks(llrs, parameters, rv, softBuffer, 0, parameters.Segmentation.CodeBlockCount, transportBlock, parity);
        return Finish(parameters, transportBlock, parity, summary);
    }

    /// <summary>
    /// The first step of a transport block decoded in parts (for example code blocks spread over several threads, each with
    /// its own decoder): validates the call and prepares the soft buffer (cleared for new data). Then
    /// <see cref="DecodeCodeBlocks"/> for disjoint ranges of code blocks (any decoders, concurrently), then
    /// <see cref="Finish"/> once with the combined summaries. The result equals <see cref="Decode"/>'s.
    /// </summary>
    public void Begin(ReadOnlySpan<sbyte> llrs, SharedChannelCodingParameters parameters, int rv, SharedChannelSoftBuffer softBuffer, bool newData, Span<byte> transportBlock)
    {
        SharedChannelEncoder.ValidateParameters(parameters);
        ArgumentNullException.ThrowIfNull(softBuffer);
        ThrowHelper.ThrowIfOutside(rv, 0, 3);
        parameters.ValidateCodedBitCount(llrs.Length);
        ThrowHelper.ThrowIfLengthDiffers(transportBlock.Length, parameters.TransportBlockSize, nameof(transportBlock));
        int c = parameters.Segmentation.CodeBlockCount;
        if (c > _results.Length)
        {
            ThrowHelper.ThrowArgument(nameof(parameters), $"the transport block has {c} code blocks; this decoder was built for at most {_results.Length}.");
        }

        softBuffer.Begin(parameters, newData);
    }

    /// <summary>
    /// Combines and decodes code blocks <paramref name="firstBlock"/> … <paramref name="firstBlock"/> + <paramref name="count"/> − 1
    /// (after <see cref="Begin"/>): rate dematching into the soft buffer, LDPC decoding, and their payload bits into
    /// <paramref name="transportBlock"/> (and the transport-block CRC bits into <paramref name="transportBlockCrc"/>, 24 or 16
    /// bits). Calls for disjoint ranges touch disjoint memory, so several decoders may run them at once.
    /// </summary>
    public CodeBlockDecodeSummary DecodeCodeBlocks(ReadOnlySpan<sbyte> llrs, SharedChannelCodingParameters parameters, int rv, SharedChannelSoftBuffer softBuffer, int firstBlock, int count, Span<byte> transportBlock, Span<byte> transportBlockCrc)
    {
        ArgumentNullException.ThrowIfNull(softBuffer);
        CodeBlockSegmentation segmentation = parameters.Segmentation;
        int c = segmentation.CodeBlockCount;
        ThrowHelper.ThrowIfOutside(firstBlock, 0, c);
        ThrowHelper.ThrowIfOutside(count, 0, c - firstBlock);
        CrcCalculator tbCrc = TransportBlockCrc(parameters);
        ThrowHelper.ThrowIfLengthDiffers(transportBlockCrc.Length, tbCrc.Length, nameof(transportBlockCrc));
        LdpcCode code = segmentation.Code;
        int ncb = parameters.CircularBufferLength;
        int kPrime = segmentation.CodeBlockInformationLength;
        Span<byte> decoded = _codeBlock.AsSpan(0, kPrime);
        LdpcCrcCheck crc = new(c > 1 ? _crc24B : tbCrc, kPrime);
        int g = llrs.Length;
        int decodedBlocks = 0, maxIterations = 0, totalIterations = 0;
        for (int r = firstBlock; r < firstBlock + count; r++)
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
            CodeBlockSegmentation.ScatterRange(decoded[..segmentation.PayloadLength], r * segmentation.PayloadLength, transportBlock, transportBlockCrc);
        }

        return new CodeBlockDecodeSummary(decodedBlocks, maxIterations, totalIterations);
    }

    /// <summary>Checks the transport-block CRC once every code block was decoded (<paramref name="summary"/>: all of them, combined).</summary>
    public SharedChannelDecodeResult Finish(SharedChannelCodingParameters parameters, ReadOnlySpan<byte> transportBlock, ReadOnlySpan<byte> transportBlockCrc, CodeBlockDecodeSummary summary)
    {
        int c = parameters.Segmentation.CodeBlockCount;
        CrcCalculator tbCrc = TransportBlockCrc(parameters);
        LastCodeBlockCount = c;
        bool crcPassed = tbCrc.Compute(transportBlock) == (uint)BitPacking.ReadUInt(transportBlockCrc, 0, transportBlockCrc.Length);
        return new SharedChannelDecodeResult(crcPassed && summary.DecodedBlocks == c, crcPassed, c, summary.DecodedBlocks, summary.MaxIterations, summary.TotalIterations);
    }

    private CrcCalculator TransportBlockCrc(SharedChannelCodingParameters parameters) => parameters.TransportBlockCrc == CrcPolynomial.Crc24A ? _crc24A : _crc16;
}
