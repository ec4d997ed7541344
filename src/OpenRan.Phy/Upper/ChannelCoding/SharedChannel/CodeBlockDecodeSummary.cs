using System;

namespace OpenRan.Phy.Upper.ChannelCoding.SharedChannel;

/// <summary>What <see cref="SharedChannelDecoder.DecodeCodeBlocks"/> found in its range of code blocks.</summary>
/// <param name="DecodedBlocks">Code blocks that decoded.</param>
/// <param name="MaxIterations">Largest LDPC iteration count.</param>
/// <param name="TotalIterations">Sum of the iteration counts.</param>
public readonly record struct CodeBlockDecodeSummary(int DecodedBlocks, int MaxIterations, int TotalIterations)
{
    /// <summary>The summary of this range and the disjoint range <paramref name="other"/>.</summary>
    public CodeBlockDecodeSummary Combine(CodeBlockDecodeSummary other) =>
        new(DecodedBlocks + other.DecodedBlocks, Math.Max(MaxIterations, other.MaxIterations), TotalIterations + other.TotalIterations);
}
