using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

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
