using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// A polar decoder (TS 38.212 §5.3.1 inverted): successive cancellation (list size 1) or CRC-aided successive-cancellation
/// list decoding, created by <see cref="PolarDecoderFactory"/>. Implementations differ only in speed; <c>generic</c> is the
/// reference the others are tested against. Not thread-safe: one instance per worker.
/// </summary>
public interface IPolarDecoder
{
    /// <summary>The implementation name (<c>avx2</c>, <c>generic</c>).</summary>
    string Name { get; }

    /// <summary>The largest list size.</summary>
    int MaxListSize { get; }

    /// <summary>The largest code length.</summary>
    int MaxLength { get; }

    /// <summary>The list size L used by <see cref="Decode{TCheck}"/>, 1..<see cref="MaxListSize"/> (1 = SC).</summary>
    int ListSize { get; set; }

    /// <summary>
    /// The check-node rule: false for min-sum f = sign·sign·min, true for the exact box-plus with inputs clipped to ±30
    /// (a reference, several times slower).
    /// </summary>
    bool ExactCheckNode { get; set; }

    /// <summary>
    /// Decodes the N codeword LLRs of <paramref name="code"/> into its K bits c with list size <see cref="ListSize"/>,
    /// returning the most likely path that <paramref name="check"/> accepts (or the most likely path, flagged as failed).
    /// </summary>
    /// <param name="code">The code.</param>
    /// <param name="llrs">N LLRs of d (after rate recovery), L = ln(P(0)/P(1)).</param>
    /// <param name="c">Receives K bits.</param>
    /// <param name="check">The path check, for example a CRC.</param>
    PolarDecodeResult Decode<TCheck>(PolarCode code, ReadOnlySpan<float> llrs, Span<byte> c, TCheck check)
        where TCheck : struct, IPolarPathCheck;

    /// <summary>Decodes with successive cancellation (list size 1) and no check: the K bits c of the single SC path.</summary>
    PolarDecodeResult DecodeSuccessiveCancellation(PolarCode code, ReadOnlySpan<float> llrs, Span<byte> c);

    /// <summary>Successive-cancellation decoding for an arbitrary frozen set: the N decisions û_n.</summary>
    /// <param name="llrs">N channel LLRs.</param>
    /// <param name="kinds">The kind of each u_n.</param>
    /// <param name="u">Receives the N decisions.</param>
    void DecodeSuccessiveCancellation(ReadOnlySpan<float> llrs, ReadOnlySpan<PolarBitKind> kinds, Span<byte> u);
}
