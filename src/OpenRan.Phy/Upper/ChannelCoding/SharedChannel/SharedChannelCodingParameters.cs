using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.ChannelCoding.Segmentation;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

/// <summary>
/// The coding parameters of one transport block of DL-SCH (TS 38.212 §7.2) or UL-SCH (§6.2), validated at construction,
/// with everything that follows from them: transport-block CRC (§7.2.1/§6.2.1), LDPC base graph (§7.2.2/§6.2.2) and
/// code-block segmentation (§5.2.2). The two channels share this procedure; they differ only in their usual
/// limited-buffer setting (DL-SCH I_LBRM = 1; UL-SCH I_LBRM = 0 unless <c>limitedBufferRM</c> is configured), which is
/// explicit here. A value type: building one per slot allocates nothing.
/// </summary>
public readonly record struct SharedChannelCodingParameters
{
    /// <summary>Largest transport block size accepted (above any NR TBS).</summary>
    public const int MaxTransportBlockSize = 4_000_000;

    /// <summary>Largest transport block that gets the 16-bit CRC (TS 38.212 §7.2.1).</summary>
    public const int MaxCrc16TransportBlockSize = 3824;

    /// <summary>Builds and validates the parameters.</summary>
    /// <param name="transportBlockSize">A: transport block bits, 1..<see cref="MaxTransportBlockSize"/>, a size TS 38.214 §5.1.3.2 can give (it segments evenly).</param>
    /// <param name="targetCodeRate">R: the target code rate of the MCS (for base graph selection), in (0, 1).</param>
    /// <param name="modulationOrder">Q_m: 1 (π/2-BPSK), 2, 4, 6, 8 or 10.</param>
    /// <param name="layerCount">N_L: layers the transport block is mapped onto, 1..4.</param>
    /// <param name="limitedBuffer">Limited-buffer rate matching (N_cb).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range (the message names it and the valid range).</exception>
    public SharedChannelCodingParameters(int transportBlockSize, double targetCodeRate, int modulationOrder, int layerCount, LimitedBufferRateMatching limitedBuffer)
    {
        ThrowHelper.ThrowIfOutside(transportBlockSize, 1, MaxTransportBlockSize);
        if (!(targetCodeRate > 0 && targetCodeRate < 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(targetCodeRate), targetCodeRate, "0 < R < 1");
        }

        if (modulationOrder is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            ThrowHelper.ThrowOutOfRange(nameof(modulationOrder), modulationOrder, "1, 2, 4, 6, 8 or 10");
        }

        ThrowHelper.ThrowIfOutside(layerCount, 1, 4);
        TransportBlockSize = transportBlockSize;
        TargetCodeRate = targetCodeRate;
        ModulationOrder = modulationOrder;
        LayerCount = layerCount;
        LimitedBuffer = limitedBuffer;
        TransportBlockCrc = transportBlockSize > MaxCrc16TransportBlockSize ? CrcPolynomial.Crc24A : CrcPolynomial.Crc16;
        BaseGraph = SelectBaseGraph(transportBlockSize, targetCodeRate);
        int b = transportBlockSize + TransportBlockCrcLength;
        if (!CodeBlockSegmentation.SegmentsEvenly(b, BaseGraph))
        {
            ThrowHelper.ThrowOutOfRange(nameof(transportBlockSize), transportBlockSize,
                $"a transport block size of TS 38.214 §5.1.3.2: with its CRC, B = {b} bits must split into code blocks of equal size for {BaseGraph} (TS 38.212 §5.2.2)");
        }

        Segmentation = CodeBlockSegmentation.Compute(b, BaseGraph);
    }

    /// <summary>A: transport block bits.</summary>
    public int TransportBlockSize { get; }

    /// <summary>R: target code rate.</summary>
    public double TargetCodeRate { get; }

    /// <summary>Q_m.</summary>
    public int ModulationOrder { get; }

    /// <summary>N_L.</summary>
    public int LayerCount { get; }

    /// <summary>Limited-buffer rate matching.</summary>
    public LimitedBufferRateMatching LimitedBuffer { get; }

    /// <summary>The transport-block CRC: CRC24A for A &gt; 3824, else CRC16 (TS 38.212 §7.2.1).</summary>
    public CrcPolynomial TransportBlockCrc { get; }

    /// <summary>L of the transport-block CRC (24 or 16).</summary>
    public int TransportBlockCrcLength => TransportBlockCrc == CrcPolynomial.Crc24A ? 24 : 16;

    /// <summary>The LDPC base graph (TS 38.212 §7.2.2).</summary>
    public LdpcBaseGraph BaseGraph { get; }

    /// <summary>Code-block segmentation of the B = A + L bits (TS 38.212 §5.2.2).</summary>
    public CodeBlockSegmentation Segmentation { get; }

    /// <summary>N_cb of every code block (TS 38.212 §5.4.2.1).</summary>
    public int CircularBufferLength => LimitedBuffer.CircularBufferLength(Segmentation.Code.CodewordLength, Segmentation.CodeBlockCount);

    /// <summary>
    /// LDPC base graph selection (TS 38.212 §7.2.2, §6.2.2): base graph 2 if A ≤ 292, or A ≤ 3824 and R ≤ 0.67, or R ≤ 0.25;
    /// otherwise base graph 1.
    /// </summary>
    public static LdpcBaseGraph SelectBaseGraph(int transportBlockSize, double targetCodeRate) =>
        transportBlockSize <= 292 || (transportBlockSize <= MaxCrc16TransportBlockSize && targetCodeRate <= 0.67) || targetCodeRate <= 0.25
            ? LdpcBaseGraph.Bg2
            : LdpcBaseGraph.Bg1;

    /// <summary>
    /// E_r, the rate-matched length of code block r for G coded bits (TS 38.212 §5.4.2.1, all C code blocks scheduled):
    /// N_L·Q_m·⌊G/(N_L·Q_m·C)⌋ for r ≤ C − mod(G/(N_L·Q_m), C) − 1, else N_L·Q_m·⌈G/(N_L·Q_m·C)⌉.
    /// </summary>
    /// <param name="codedBitCount">G: a multiple of N_L·Q_m.</param>
    /// <param name="r">Code block index, 0..C−1.</param>
    public int RateMatchedLength(int codedBitCount, int r)
    {
        int c = Segmentation.CodeBlockCount;
        ValidateCodedBitCount(codedBitCount);
        ThrowHelper.ThrowIfOutside(r, 0, c - 1);
        int unit = LayerCount * ModulationOrder;
        int symbols = codedBitCount / unit;
        return r <= c - (symbols % c) - 1 ? unit * (symbols / c) : unit * ((symbols + c - 1) / c);
    }

    /// <summary>The offset of code block r's E_r bits in the concatenated output (TS 38.212 §5.5).</summary>
    public int RateMatchedOffset(int codedBitCount, int r)
    {
        int c = Segmentation.CodeBlockCount;
        ValidateCodedBitCount(codedBitCount);
        ThrowHelper.ThrowIfOutside(r, 0, c);
        int unit = LayerCount * ModulationOrder;
        int symbols = codedBitCount / unit;
        int small = c - (symbols % c);
        int lower = unit * (symbols / c);
        return r <= small ? r * lower : (small * lower) + ((r - small) * unit * ((symbols + c - 1) / c));
    }

    /// <summary>Throws unless G is positive and a multiple of N_L·Q_m.</summary>
    internal void ValidateCodedBitCount(int codedBitCount)
    {
        int unit = LayerCount * ModulationOrder;
        int minimum = unit * Segmentation.CodeBlockCount;
        if (codedBitCount < minimum || codedBitCount % unit != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(codedBitCount), codedBitCount,
                $"a multiple of N_L·Q_m = {unit} of at least C·N_L·Q_m = {minimum}, so every one of the C = {Segmentation.CodeBlockCount} code blocks gets coded bits (TS 38.212 §5.4.2.1)");
        }
    }
}
