using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Phy.Upper.ChannelCoding.Segmentation;

/// <summary>
/// LDPC code-block segmentation and code-block CRC attachment (TS 38.212 §5.2.2): how a bit sequence b_0 … b_(B−1)
/// (transport block plus its CRC) is cut into C code blocks of K bits, each carrying K′ − L payload bits, an L-bit CRC24B
/// when C &gt; 1, and F = K − K′ filler bits at its end.
/// </summary>
/// <remarks>
/// K_cb = 8448 (BG1) or 3840 (BG2). If B ≤ K_cb: L = 0, C = 1; else L = 24, C = ⌈B / (K_cb − L)⌉. K′ = (B + C·L) / C.
/// K_b = 22 for BG1; for BG2 K_b = 10 (B &gt; 640), 9 (B &gt; 560), 8 (B &gt; 192) or 6. Z_c is the smallest lifting size with
/// K_b·Z_c ≥ K′, and K = 22·Z_c (BG1) or 10·Z_c (BG2). A value type: computing it allocates nothing.
/// </remarks>
public readonly record struct CodeBlockSegmentation
{
    /// <summary>Largest B this implementation accepts (about six times the largest NR transport block).</summary>
    public const int MaxInputLength = 8_000_000;

    /// <summary>The code-block CRC length L when C &gt; 1 (CRC24B).</summary>
    public const int CodeBlockCrcLength = 24;

    private CodeBlockSegmentation(LdpcBaseGraph baseGraph, int b, int c, int l, int kPrime, int kb, int zc)
    {
        BaseGraph = baseGraph;
        InputLength = b;
        CodeBlockCount = c;
        CrcLength = l;
        CodeBlockInformationLength = kPrime;
        InformationColumnCount = kb;
        LiftingSize = zc;
    }

    /// <summary>The base graph.</summary>
    public LdpcBaseGraph BaseGraph { get; }

    /// <summary>B: input bits (transport block and transport-block CRC).</summary>
    public int InputLength { get; }

    /// <summary>C: number of code blocks.</summary>
    public int CodeBlockCount { get; }

    /// <summary>L: code-block CRC bits per block (0 when C = 1, else 24).</summary>
    public int CrcLength { get; }

    /// <summary>K′: bits per code block before filler bits (payload and code-block CRC).</summary>
    public int CodeBlockInformationLength { get; }

    /// <summary>K_b: the information columns that K′ must fit (TS 38.212 §5.2.2); the code itself always has 22 or 10.</summary>
    public int InformationColumnCount { get; }

    /// <summary>Z_c: the lifting size.</summary>
    public int LiftingSize { get; }

    /// <summary>K: bits per code block including filler bits (22·Z_c or 10·Z_c).</summary>
    public int CodeBlockLength => (BaseGraph == LdpcBaseGraph.Bg1 ? 22 : 10) * LiftingSize;

    /// <summary>F = K − K′: filler bits at the end of every code block.</summary>
    public int FillerCount => CodeBlockLength - CodeBlockInformationLength;

    /// <summary>K′ − L: bits of b carried by each code block.</summary>
    public int PayloadLength => CodeBlockInformationLength - CrcLength;

    /// <summary>The lifted LDPC code every code block uses.</summary>
    public LdpcCode Code => LdpcCode.Get(BaseGraph, LiftingSize);

    /// <summary>Segments B bits for base graph <paramref name="baseGraph"/> (TS 38.212 §5.2.2).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="b"/> is outside 1..<see cref="MaxInputLength"/> or the base graph is unknown.</exception>
    public static CodeBlockSegmentation Compute(int b, LdpcBaseGraph baseGraph)
    {
        ThrowHelper.ThrowIfOutside(b, 1, MaxInputLength);
        int kcb;
        int kb;
        switch (baseGraph)
        {
            case LdpcBaseGraph.Bg1:
                kcb = 8448;
                kb = 22;
                break;
            case LdpcBaseGraph.Bg2:
                kcb = 3840;
                kb = b > 640 ? 10 : b > 560 ? 9 : b > 192 ? 8 : 6;
                break;
            default:
                ThrowHelper.ThrowOutOfRange(nameof(baseGraph), baseGraph, "Bg1 or Bg2");
                return default;
        }

        (int c, int l) = CodeBlockCountAndCrcLength(b, kcb);
        int kPrime = (b + (c * l)) / c; // exact: B' = B + C·L and the blocks are filled evenly only when C | B'; see below
        if ((b + (c * l)) % c != 0)
        {
            // TS 38.212 §5.2.2 sets K' = B'/C; segmentation inputs (TB plus CRC sizes from TS 38.214) always make B' divisible by C.
            ThrowHelper.ThrowArgument(nameof(b), $"B = {b} with C = {c} code blocks gives B' = {b + (c * l)}, not divisible by C (TS 38.212 §5.2.2 needs K' = B'/C to be an integer).");
        }

        int zc = Ldpc.LiftingSize.Smallest(kb, kPrime);
        return new CodeBlockSegmentation(baseGraph, b, c, l, kPrime, kb, zc);
    }

    /// <summary>
    /// Whether B bits split into C code blocks of K′ = B′/C bits each for base graph <paramref name="baseGraph"/> (TS 38.212
    /// §5.2.2 needs C | B′ with B′ = B + C·L). Every transport block size of TS 38.214 §5.1.3.2 with its CRC does; an
    /// arbitrary B above K_cb often does not, and <see cref="Compute"/> rejects it.
    /// </summary>
    /// <param name="b">B: 1..<see cref="MaxInputLength"/>.</param>
    /// <param name="baseGraph">The base graph (K_cb = 8448 for BG1, 3840 for BG2).</param>
    public static bool SegmentsEvenly(int b, LdpcBaseGraph baseGraph)
    {
        ThrowHelper.ThrowIfOutside(b, 1, MaxInputLength);
        (int c, int l) = CodeBlockCountAndCrcLength(b, baseGraph == LdpcBaseGraph.Bg1 ? 8448 : 3840);
        return (b + (c * l)) % c == 0;
    }

    /// <summary>C and L for B bits and the maximum code block size K_cb (TS 38.212 §5.2.2).</summary>
    private static (int CodeBlockCount, int CrcLength) CodeBlockCountAndCrcLength(int b, int kcb) =>
        b > kcb ? ((b + (kcb - CodeBlockCrcLength) - 1) / (kcb - CodeBlockCrcLength), CodeBlockCrcLength) : (1, 0);

    /// <summary>
    /// Writes code block r: c_rk = b_(r·(K′−L)+k) for k &lt; K′ − L, then its CRC24B when C &gt; 1, then F filler bits as 0
    /// (the encoder's value for them).
    /// </summary>
    /// <param name="b">b_0 … b_(B−1), one bit per byte.</param>
    /// <param name="r">The code block, 0..C−1.</param>
    /// <param name="codeBlock">Receives c_r0 … c_r(K−1).</param>
    /// <param name="crc24B">A CRC24B calculator (used when C &gt; 1).</param>
    public void WriteCodeBlock(ReadOnlySpan<byte> b, int r, Span<byte> codeBlock, CrcCalculator crc24B) =>
        WriteCodeBlock(b, [], r, codeBlock, crc24B);

    /// <summary>
    /// As <see cref="WriteCodeBlock(ReadOnlySpan{byte}, int, Span{byte}, CrcCalculator)"/> with b given in two parts,
    /// b = (<paramref name="head"/>, <paramref name="tail"/>), for example the transport block and its CRC.
    /// </summary>
    public void WriteCodeBlock(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, int r, Span<byte> codeBlock, CrcCalculator crc24B)
    {
        ArgumentNullException.ThrowIfNull(crc24B);
        ThrowHelper.ThrowIfLengthDiffers(head.Length + tail.Length, InputLength, "b");
        ThrowHelper.ThrowIfLengthDiffers(codeBlock.Length, CodeBlockLength, nameof(codeBlock));
        ThrowHelper.ThrowIfOutside(r, 0, CodeBlockCount - 1);
        if (crc24B.Polynomial != CrcPolynomial.Crc24B)
        {
            ThrowHelper.ThrowArgument(nameof(crc24B), $"code-block CRC must be CRC24B (TS 38.212 §5.2.2), not {crc24B.Polynomial}.");
        }

        int payload = PayloadLength;
        CopyRange(head, tail, r * payload, codeBlock[..payload]);
        if (CrcLength > 0)
        {
            crc24B.Attach(codeBlock[..CodeBlockInformationLength], payload);
        }

        codeBlock[CodeBlockInformationLength..].Clear();
    }

    /// <summary>Copies b[start .. start + destination.Length) with b = (head, tail).</summary>
    internal static void CopyRange(ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail, int start, Span<byte> destination)
    {
        int fromHead = Math.Clamp(head.Length - start, 0, destination.Length);
        if (fromHead > 0)
        {
            head.Slice(start, fromHead).CopyTo(destination);
        }

        if (fromHead < destination.Length)
        {
            tail.Slice(start + fromHead - head.Length, destination.Length - fromHead).CopyTo(destination[fromHead..]);
        }
    }

    /// <summary>Writes source into b[start .. start + source.Length) with b = (head, tail): the inverse of <see cref="CopyRange"/>.</summary>
    internal static void ScatterRange(ReadOnlySpan<byte> source, int start, Span<byte> head, Span<byte> tail)
    {
        int toHead = Math.Clamp(head.Length - start, 0, source.Length);
        if (toHead > 0)
        {
            source[..toHead].CopyTo(head[start..]);
        }

        if (toHead < source.Length)
        {
            source[toHead..].CopyTo(tail[(start + toHead - head.Length)..]);
        }
    }
}
