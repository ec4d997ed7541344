using System;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// An LDPC decoder for the codes of TS 38.212 §5.3.2 (layered min-sum on int8 LLRs). Implementations differ only in
/// instruction set and give bit-identical results; <see cref="LdpcDecoderFactory"/> creates them by name.
/// </summary>
public interface ILdpcDecoder
{
    /// <summary>The implementation name (<c>generic</c>, <c>avx2</c>, <c>avx512</c>).</summary>
    string Name { get; }

    /// <summary>The options the decoder was built with.</summary>
    LdpcDecoderOptions Options { get; }

    /// <summary>
    /// Decodes one code block.
    /// </summary>
    /// <param name="llrs">
    /// LLRs of d_0 … d_(L−1) (TS 38.212 §5.3.2: d_k = c_(k+2Z_c); the first 2·Z_c columns are punctured and start at 0),
    /// 1 ≤ L ≤ N, project convention (positive favours 0, +127 a known 0 such as a filler bit). Bits beyond L are treated as
    /// unknown (0); only the parity rows whose parity column lies within L are used, so passing the filled prefix of a soft
    /// buffer saves work.
    /// </param>
    /// <param name="bits">Receives the hard decisions c_0 … c_(M−1), M = bits.Length ≤ K.</param>
    /// <param name="code">The code (base graph and lifting size).</param>
    /// <param name="crc">An optional CRC over c_0 … c_(BitCount−1) for early termination and the verdict (BitCount ≤ M).</param>
    /// <returns>The verdict: decoded only when the final word satisfies every active parity check and the CRC (when given) passes.</returns>
    LdpcDecoderResult Decode(ReadOnlySpan<sbyte> llrs, Span<byte> bits, LdpcCode code, LdpcCrcCheck crc = default);
}
