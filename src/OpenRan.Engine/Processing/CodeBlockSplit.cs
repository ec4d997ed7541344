using System;
using System.Threading;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

namespace OpenRan.Engine.Processing;

/// <summary>
/// One transport block whose code blocks are decoded by two threads, each with its own <see cref="SharedChannelDecoder"/>:
/// the owner publishes the block (LLRs, coding parameters, soft buffer, output), decodes the first half of the code
/// blocks, then either finds the second half done by a helper or, if no helper has claimed it yet, claims and decodes it
/// itself — so the owner never waits on a thread that has not started, and nothing locks. The second half's range of
/// code blocks touches memory disjoint from the first's (soft-buffer blocks, output bits). Preallocated; 0 B per use.
/// </summary>
public sealed class CodeBlockSplit
{
    private const int Idle = 0;
    private const int Published = 1;
    private const int Claimed = 2;
    private const int Done = 3;

    private readonly byte[] _transportBlockCrc = new byte[24];
    private int _state;
    private sbyte[] _llrs = [];
    private int _llrCount;
    private SharedChannelCodingParameters _parameters;
    private int _rv;
    private SharedChannelSoftBuffer? _softBuffer;
    private byte[] _transportBlock = [];
    private int _transportBlockBits;
    private int _first;
    private int _count;
    private CodeBlockDecodeSummary _summary;

    /// <summary>Whether a second half waits for a helper (polled by workers).</summary>
    public bool IsPublished => Volatile.Read(ref _state) == Published;

    /// <summary>How many times the owner decoded the second half itself (no helper in time).</summary>
    public long OwnerCompleted { get; private set; }

    /// <summary>
    /// Decodes the transport block (the owner's side): <paramref name="llrs"/> and <paramref name="transportBlock"/> must
    /// stay untouched until this returns. With one code block there is nothing to split: it decodes alone.
    /// </summary>
    public SharedChannelDecodeResult Decode(SharedChannelDecoder decoder, sbyte[] llrs, int llrCount, SharedChannelCodingParameters parameters, int rv, SharedChannelSoftBuffer softBuffer, bool newData, byte[] transportBlock)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(llrs);
        ArgumentNullException.ThrowIfNull(transportBlock);
        int a = parameters.TransportBlockSize;
        ReadOnlySpan<sbyte> input = llrs.AsSpan(0, llrCount);
        Span<byte> output = transportBlock.AsSpan(0, a);
        decoder.Begin(input, parameters, rv, softBuffer, newData, output);
        int c = parameters.Segmentation.CodeBlockCount;
        int crcLength = parameters.TransportBlockCrcLength;
        Span<byte> parity = _transportBlockCrc.AsSpan(0, crcLength);
        int half = c / 2;
        if (half == 0)
        {
            return decoder.Finish(parameters, output, parity, decoder.DecodeCodeBlocks(input, parameters, rv, softBuffer, 0, c, output, parity));
        }

        _llrs = llrs;
        _llrCount = llrCount;
        _parameters = parameters;
        _rv = rv;
        _softBuffer = softBuffer;
        _transportBlock = transportBlock;
        _transportBlockBits = a;
        _first = half;
        _count = c - half;
        Volatile.Write(ref _state, Published);

        CodeBlockDecodeSummary mine = decoder.DecodeCodeBlocks(input, parameters, rv, softBuffer, 0, half, output, parity);
        if (Interlocked.CompareExchange(ref _state, Claimed, Published) == Published)
        {
            RunSecondHalf(decoder);
            OwnerCompleted++;
        }
        else
        {
            var spin = default(SpinWait);
            while (Volatile.Read(ref _state) != Done)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        CodeBlockDecodeSummary total = mine.Combine(_summary);
        Volatile.Write(ref _state, Idle);
        return decoder.Finish(parameters, output, parity, total);
    }

    /// <summary>The helper's side: decodes the published second half with <paramref name="decoder"/>; false when there was none to claim.</summary>
    public bool TryHelp(SharedChannelDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if (Interlocked.CompareExchange(ref _state, Claimed, Published) != Published)
        {
            return false;
        }

        RunSecondHalf(decoder);
        return true;
    }

    private void RunSecondHalf(SharedChannelDecoder decoder)
    {
        Span<byte> parity = _transportBlockCrc.AsSpan(0, _parameters.TransportBlockCrcLength);
        _summary = decoder.DecodeCodeBlocks(_llrs.AsSpan(0, _llrCount), _parameters, _rv, _softBuffer!, _first, _count, _transportBlock.AsSpan(0, _transportBlockBits), parity);
        Volatile.Write(ref _state, Done);
    }
}
