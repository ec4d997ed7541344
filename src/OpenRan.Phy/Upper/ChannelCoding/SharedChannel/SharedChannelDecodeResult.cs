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
