using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Crc;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>When an LDPC decoder may stop before its iteration limit.</summary>
[Flags]
public enum LdpcEarlyTermination
{
    /// <summary>Always run the maximum number of iterations.</summary>
    None = 0,

    /// <summary>
    /// Stop after the first iteration whose hard decisions satisfy every active parity check (H·ĉ = 0, every bit decided,
    /// <see cref="LdpcParityCheck"/>); the CRC, when given, is checked once on that word.
    /// </summary>
    ParityCheck = 1,

    /// <summary>
    /// Stop after the first iteration whose hard decisions pass the CRC given with the call (the code-block CRC24B, or the
    /// transport-block CRC when C = 1) and satisfy every active parity check. With <see cref="ParityCheck"/> as well, the
    /// parity check alone stops (a codeword that fails its CRC does not change with more iterations).
    /// </summary>
    Crc = 2,
}

/// <summary>
/// Configuration of an LDPC decoder (validated once at construction): iteration limit, early termination and the
/// min-sum correction applied to the two smallest magnitudes of every check node.
/// </summary>
/// <remarks>
/// The decoder is a layered min-sum decoder on int8 LLRs. Its check-to-variable magnitude is
/// max(0, ⌊α·min⌋ − β) with α = <see cref="ScalingSixteenths"/>/16 and β = <see cref="Offset"/>: α &lt; 1 is normalized
/// min-sum, β &gt; 0 offset min-sum, both may be combined. The default is offset min-sum, α = 1 and β = 2, for int8 LLRs
/// that carry about 4 units per natural LLR unit (β ≈ 0.5 in LLR units; scale β with the LLR quantization). Chosen with
/// <c>openran sim code</c> (README): at BG1, Z_c = 288, K = 6144, R = 1/2, 10 iterations it matched the best normalized
/// and combined settings within the statistical error (FER ≈ 1e-2 at E_b/N_0 = 1.5 dB) and costs one saturating
/// subtraction per check node, where normalization needs a multiply. Plain min-sum (α = 1, β = 0) does not converge there.
/// </remarks>
public sealed record LdpcDecoderOptions
{
    /// <summary>Builds validated options.</summary>
    /// <param name="maxIterations">Iteration limit, 1..100.</param>
    /// <param name="earlyTermination">Early-termination rules.</param>
    /// <param name="scalingSixteenths">α · 16, 1..16.</param>
    /// <param name="offset">β in LLR units, 0..64.</param>
    public LdpcDecoderOptions(int maxIterations = 10, LdpcEarlyTermination earlyTermination = LdpcEarlyTermination.ParityCheck | LdpcEarlyTermination.Crc, int scalingSixteenths = DefaultScalingSixteenths, int offset = DefaultOffset)
    {
        ThrowHelper.ThrowIfOutside(maxIterations, 1, 100);
        ThrowHelper.ThrowIfOutside(scalingSixteenths, 1, 16);
        ThrowHelper.ThrowIfOutside(offset, 0, 64);
        if ((earlyTermination & ~(LdpcEarlyTermination.ParityCheck | LdpcEarlyTermination.Crc)) != 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(earlyTermination), earlyTermination, "None, ParityCheck, Crc or ParityCheck | Crc");
        }

        MaxIterations = maxIterations;
        EarlyTermination = earlyTermination;
        ScalingSixteenths = scalingSixteenths;
        Offset = offset;
    }

    /// <summary>Default α·16 (see the remarks).</summary>
    public const int DefaultScalingSixteenths = 16;

    /// <summary>Default β (see the remarks).</summary>
    public const int DefaultOffset = 2;

    /// <summary>10 iterations, early termination on parity check and CRC, default correction.</summary>
    public static LdpcDecoderOptions Default { get; } = new();

    /// <summary>The iteration limit.</summary>
    public int MaxIterations { get; }

    /// <summary>The early-termination rules.</summary>
    public LdpcEarlyTermination EarlyTermination { get; }

    /// <summary>α · 16: the normalization factor of the check-to-variable magnitudes in sixteenths (16 = no scaling).</summary>
    public int ScalingSixteenths { get; }

    /// <summary>β: the offset subtracted from the (scaled) check-to-variable magnitudes.</summary>
    public int Offset { get; }

    /// <summary>The corrected magnitude max(0, ⌊α·m⌋ − β) of a minimum m (0..127).</summary>
    internal int Correct(int magnitude) => Math.Max(0, ((magnitude * ScalingSixteenths) >> 4) - Offset);
}

/// <summary>A CRC that the decoder checks on its hard decisions c_0 … c_(BitCount−1) (message followed by its CRC).</summary>
/// <param name="Calculator">The CRC (CRC24B for a code block of a segmented transport block, else the transport-block CRC).</param>
/// <param name="BitCount">Bits covered including the parity bits (K′ for a code block).</param>
public readonly record struct LdpcCrcCheck(CrcCalculator? Calculator, int BitCount)
{
    /// <summary>Whether a CRC is given.</summary>
    public bool IsPresent => Calculator is not null && BitCount > 0;
}

/// <summary>The outcome of decoding one code block.</summary>
/// <param name="Success">
/// The verdict: the code block is decoded. True only when the final hard decisions satisfy every active parity check
/// (<paramref name="ParityCheckPassed"/>) and, when a CRC was given, pass it (<paramref name="CrcPassed"/>); without a CRC
/// the parity check alone decides.
/// </param>
/// <param name="Iterations">Iterations run (1..maximum).</param>
/// <param name="ParityCheckPassed">
/// Whether the final hard decisions satisfy every active parity check with every bit decided (a bit whose a-posteriori LLR is
/// exactly 0 is undecided and fails: an erased, all-zero input is never a codeword; see <see cref="LdpcParityCheck"/>).
/// </param>
/// <param name="CrcPassed">Whether the CRC given with the call passed on the final hard decisions (false when none was given).</param>
public readonly record struct LdpcDecoderResult(bool Success, int Iterations, bool ParityCheckPassed, bool CrcPassed);

/// <summary>
/// An LDPC decoder for the codes of TS 38.212 §5.3.2 (layered min-sum on int8 LLRs). Implementations differ only in
/// instruction set and give bit-identical results; <see cref="LdpcDecoderFactory"/> creates them by name.
/// </summary>
public interface ILdpcDecoder
{
    /// <summary>The implementation name (<c>generic</c>, <c>avx2</c>).</summary>
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
