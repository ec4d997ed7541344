using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// The circular buffer of one LDPC code block (TS 38.212 §5.4.2.1): its length N_cb, the starting position k0 of the
/// redundancy version, and the filler bits d_k = &lt;NULL&gt; that bit selection skips (positions K′ − 2Z_c … K − 2Z_c − 1).
/// </summary>
public readonly record struct LdpcCircularBuffer
{
    /// <summary>Describes a circular buffer.</summary>
    /// <param name="length">N_cb, 1..N.</param>
    /// <param name="startPosition">k0, 0..N_cb − 1.</param>
    /// <param name="fillerStart">First filler position in the codeword d (K′ − 2Z_c).</param>
    /// <param name="fillerCount">Number of filler bits F (may be 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or the fillers leave no transmittable bit.</exception>
    public LdpcCircularBuffer(int length, int startPosition, int fillerStart, int fillerCount)
    {
        ThrowHelper.ThrowIfOutside(length, 1, int.MaxValue);
        ThrowHelper.ThrowIfOutside(startPosition, 0, length - 1);
        ThrowHelper.ThrowIfOutside(fillerStart, 0, int.MaxValue);
        ThrowHelper.ThrowIfOutside(fillerCount, 0, int.MaxValue - fillerStart);
        Length = length;
        StartPosition = startPosition;
        FillerStart = Math.Min(fillerStart, length);
        FillerEnd = Math.Min(fillerStart + fillerCount, length);
        if (FillerEnd - FillerStart >= length)
        {
            ThrowHelper.ThrowArgument(nameof(fillerCount), $"the {fillerCount} filler bits fill the whole circular buffer of {length} bits.");
        }
    }

    /// <summary>N_cb.</summary>
    public int Length { get; }

    /// <summary>k0.</summary>
    public int StartPosition { get; }

    /// <summary>First filler position inside the buffer.</summary>
    public int FillerStart { get; }

    /// <summary>One past the last filler position inside the buffer.</summary>
    public int FillerEnd { get; }

    /// <summary>Bits of the buffer that can be transmitted (N_cb minus the fillers inside it).</summary>
    public int TransmittableLength => Length - (FillerEnd - FillerStart);

    /// <summary>
    /// The circular buffer of a code block of <paramref name="code"/> with K′ = <paramref name="kPrime"/>, N_cb =
    /// <paramref name="length"/> and redundancy version <paramref name="rv"/> (k0 from TS 38.212 Table 5.4.2.1-2).
    /// </summary>
    public static LdpcCircularBuffer ForCodeBlock(LdpcCode code, int kPrime, int length, int rv)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfOutside(kPrime, 2 * code.LiftingSize, code.InformationLength);
        ThrowHelper.ThrowIfOutside(length, 1, code.CodewordLength);
        int z = code.LiftingSize;
        return new LdpcCircularBuffer(length, StartingPosition(code.BaseGraph, rv, length, z), kPrime - (2 * z), code.InformationLength - kPrime);
    }

    /// <summary>
    /// k0 (TS 38.212 Table 5.4.2.1-2): 0 for rv 0; ⌊a·N_cb / (n·Z_c)⌋·Z_c for rv 1, 2, 3 with a = 17, 33, 56 and n = 66 (BG1)
    /// or a = 13, 25, 43 and n = 50 (BG2).
    /// </summary>
    public static int StartingPosition(LdpcBaseGraph baseGraph, int rv, int length, int zc)
    {
        ThrowHelper.ThrowIfOutside(rv, 0, 3);
        ThrowHelper.ThrowIfOutside(zc, 2, Ldpc.LiftingSize.Max);
        ThrowHelper.ThrowIfOutside(length, 1, int.MaxValue / 64);
        if (rv == 0)
        {
            return 0;
        }

        (int a, int n) = baseGraph switch
        {
            LdpcBaseGraph.Bg1 => (rv == 1 ? 17 : rv == 2 ? 33 : 56, 66),
            LdpcBaseGraph.Bg2 => (rv == 1 ? 13 : rv == 2 ? 25 : 43, 50),
            _ => throw new ArgumentOutOfRangeException(nameof(baseGraph), baseGraph, "valid: Bg1, Bg2."),
        };
        return (int)((long)a * length / ((long)n * zc)) * zc;
    }

    /// <summary>
    /// Bit selection (TS 38.212 §5.4.2.1) as runs of contiguous buffer positions: e_k = d_((k0 + j) mod N_cb) for successive
    /// j, skipping fillers, for k = 0 … <paramref name="e"/> − 1.
    /// </summary>
    internal BitSelectionRuns Runs(int e) => new(this, e);

    /// <summary>The highest buffer position + 1 that <paramref name="e"/> selected bits reach (N_cb once they wrap).</summary>
    public int FilledLength(int e)
    {
        ThrowHelper.ThrowIfOutside(e, 0, int.MaxValue);
        if (e == 0)
        {
            return 0;
        }

        // Positions from k0 up to N_cb (minus fillers in that stretch) come first; more bits wrap to 0.
        int beforeWrap = Length - StartPosition - Math.Max(0, FillerEnd - Math.Max(FillerStart, StartPosition));
        if (e > beforeWrap)
        {
            return Length;
        }

        int end = StartPosition + e;
        if (StartPosition < FillerEnd && end > FillerStart)
        {
            end += FillerEnd - Math.Max(FillerStart, StartPosition);
        }

        return end;
    }
}
