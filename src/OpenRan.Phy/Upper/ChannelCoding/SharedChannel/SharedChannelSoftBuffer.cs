using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

/// <summary>
/// The HARQ soft buffer of one HARQ process: one circular buffer of int8 LLRs per code block (N_cb positions, TS 38.212
/// §5.4.2.1) that accumulates every transmission of the transport block, whatever its redundancy version. Owned by the
/// caller (one per HARQ process), sized at construction for the largest configuration, so decoding allocates nothing.
/// </summary>
public sealed class SharedChannelSoftBuffer
{
    private readonly sbyte[] _llrs;
    private readonly int[] _filled;
    private CodeBlockSegmentation _segmentation;
    private int _circularBufferLength;
    private bool _holdsData;

    /// <summary>Allocates the buffer.</summary>
    /// <param name="maxCodeBlockCount">Largest C the process will receive, 1..1000 (152 covers every NR transport block).</param>
    /// <param name="maxCircularBufferLength">Largest N_cb, 1..25344 (66·384, the longest LDPC codeword; less with limited-buffer rate matching).</param>
    public SharedChannelSoftBuffer(int maxCodeBlockCount, int maxCircularBufferLength = MaxCircularBufferLength)
    {
        ThrowHelper.ThrowIfOutside(maxCodeBlockCount, 1, 1000);
        ThrowHelper.ThrowIfOutside(maxCircularBufferLength, 1, MaxCircularBufferLength);
        MaxCodeBlockCount = maxCodeBlockCount;
        CodeBlockCapacity = maxCircularBufferLength;
        _llrs = new sbyte[maxCodeBlockCount * maxCircularBufferLength];
        _filled = new int[maxCodeBlockCount];
    }

    /// <summary>The longest LDPC codeword N = 66 · 384.</summary>
    public const int MaxCircularBufferLength = 66 * LiftingSize.Max;

    /// <summary>Largest number of code blocks.</summary>
    public int MaxCodeBlockCount { get; }

    /// <summary>Largest N_cb per code block.</summary>
    public int CodeBlockCapacity { get; }

    /// <summary>Whether the buffer holds soft bits of a transport block (since the last <see cref="Reset"/>).</summary>
    public bool HoldsData => _holdsData;

    /// <summary>Forgets the stored transport block (the next transmission is decoded as new data).</summary>
    public void Reset() => _holdsData = false;

    /// <summary>
    /// Prepares for a transmission of the transport block with <paramref name="parameters"/>: for new data (or an empty
    /// buffer) every code block is cleared and its fillers set to known 0; a retransmission must keep the soft-buffer
    /// layout (segmentation and N_cb; Q_m and N_L may change, as with the reserved MCS indices of TS 38.214 §5.1.3.1).
    /// </summary>
    internal void Begin(SharedChannelCodingParameters parameters, bool newData)
    {
        int c = parameters.Segmentation.CodeBlockCount;
        int ncb = parameters.CircularBufferLength;
        if (c > MaxCodeBlockCount || ncb > CodeBlockCapacity)
        {
            ThrowHelper.ThrowArgument(nameof(parameters), $"the transport block needs {c} code blocks of N_cb = {ncb}; this soft buffer holds {MaxCodeBlockCount} of {CodeBlockCapacity}.");
        }

        if (!newData && _holdsData && (_segmentation != parameters.Segmentation || _circularBufferLength != ncb))
        {
            ThrowHelper.ThrowArgument(nameof(parameters), "a retransmission (newData = false) must keep the stored transport block's segmentation and N_cb; pass newData = true for a new one.");
        }

        if (newData || !_holdsData)
        {
            _segmentation = parameters.Segmentation;
            _circularBufferLength = ncb;
            _filled.AsSpan(0, c).Clear();
            _holdsData = true;
        }
    }

    /// <summary>Whether code block r has not yet received any transmission since <see cref="Begin"/> started new data.</summary>
    internal bool IsEmpty(int r) => _filled[r] == 0;

    /// <summary>The N_cb soft values of code block r.</summary>
    internal Span<sbyte> CodeBlock(int r, int circularBufferLength) => _llrs.AsSpan(r * CodeBlockCapacity, circularBufferLength);

    /// <summary>The filled prefix length of code block r (the highest position written + 1).</summary>
    internal int Filled(int r) => _filled[r];

    /// <summary>Records that code block r is filled up to <paramref name="length"/>.</summary>
    internal void MarkFilled(int r, int length) => _filled[r] = Math.Max(_filled[r], length);
}
