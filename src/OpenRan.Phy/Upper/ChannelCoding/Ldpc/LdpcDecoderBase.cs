using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// The layered schedule shared by every implementation: validation, the active rows, the iteration loop and early
/// termination. Implementations supply the data layout and the per-layer update, which must be arithmetically identical.
/// </summary>
/// <remarks>
/// Layered min-sum (one layer = one row of H_BG, i.e. Z_c parity checks), rows in increasing order, for each check:
/// t_e = sat(L_e − R_e) with L the a-posteriori LLR and R the previous check-to-variable message of edge e; the new message is
/// R_e = s_e · max(0, ⌊α·μ_e⌋ − β), μ_e the smallest |t| over the other edges and s_e the product of their signs; then
/// L_e = sat(t_e + R_e). Saturation is to ±127 (int8 without −128), and ±127 means "settled": a variable whose
/// a-posteriori LLR reaches ±127 (or enters as ±127, like a filler bit) keeps it, t_e = L_e and L_e is not updated. Without
/// this rule saturation breaks L = L_channel + Σ R: t = L − R of a saturated L is too small, the check's minimum collapses,
/// its other variables lose their magnitude and signs flip (fixed-point layered decoders diverge after convergence). With it,
/// every unsaturated L stays exact and saturated ones are frozen, like the "infinity" of srsRAN's LLR convention.
/// </remarks>
public abstract class LdpcDecoderBase : ILdpcDecoder
{
    /// <summary>Largest number of columns (BG1).</summary>
    protected internal const int MaxColumns = 68;

    /// <summary>Largest number of edges (BG1).</summary>
    protected internal const int MaxEdges = 316;

    /// <summary>Largest row degree of both base graphs.</summary>
    protected internal const int MaxRowDegree = 19;

    /// <summary>Saturation bound of LLRs and messages inside the decoder.</summary>
    protected internal const int Saturation = 127;

    /// <summary>Builds the decoder.</summary>
    protected LdpcDecoderBase(LdpcDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public LdpcDecoderOptions Options { get; }

    /// <inheritdoc />
    public LdpcDecoderResult Decode(ReadOnlySpan<sbyte> llrs, Span<byte> bits, LdpcCode code, LdpcCrcCheck crc = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (llrs.Length < 1 || llrs.Length > code.CodewordLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(llrs), llrs.Length, $"length 1..{code.CodewordLength} (N for BG{(int)code.BaseGraph}, Z_c = {code.LiftingSize})");
        }

        if (bits.Length > code.InformationLength)
        {
            ThrowHelper.ThrowOutOfRange(nameof(bits), bits.Length, $"length 0..{code.InformationLength} (K)");
        }

        if (crc.IsPresent && (crc.BitCount > bits.Length || crc.BitCount <= crc.Calculator!.Length))
        {
            ThrowHelper.ThrowOutOfRange(nameof(crc), crc.BitCount, $"{crc.Calculator!.Length + 1}..{bits.Length} (bits.Length)");
        }

        int activeRows = ActiveRowCount(code, llrs.Length);
        Initialize(llrs, code, activeRows);
        bool stopOnParity = (Options.EarlyTermination & LdpcEarlyTermination.ParityCheck) != 0;
        bool stopOnCrc = crc.IsPresent && (Options.EarlyTermination & LdpcEarlyTermination.Crc) != 0;
        int iteration = 0;
        bool parity = false;
        int parityIteration = -1;
        while (iteration < Options.MaxIterations)
        {
            for (int row = 0; row < activeRows; row++)
            {
                ProcessLayer(code, row);
            }

            iteration++;
            if (stopOnParity)
            {
                // Converged to a codeword: stop (the CRC gives the verdict below).
                parity = ParityCheck(code, activeRows);
                parityIteration = iteration;
                if (parity)
                {
                    break;
                }
            }
            else if (stopOnCrc)
            {
                // A passing CRC alone is not a decode: stop only when the word is also a codeword.
                HardDecide(code, bits[..crc.BitCount]);
                if (crc.Calculator!.Check(bits[..crc.BitCount]))
                {
                    parity = ParityCheck(code, activeRows);
                    parityIteration = iteration;
                    if (parity)
                    {
                        break;
                    }
                }
            }
        }

        if (parityIteration != iteration)
        {
            parity = ParityCheck(code, activeRows);
        }

        HardDecide(code, bits);
        bool crcPassed = crc.IsPresent && crc.Calculator!.Check(bits[..crc.BitCount]);
        return new LdpcDecoderResult(parity && (crcPassed || !crc.IsPresent), iteration, parity, crcPassed);
    }

    /// <summary>
    /// Rows used for L received LLRs: the four core rows always, extension row i ≥ 4 when its parity column K_b + i holds
    /// at least one received bit (columns present: 2 + ⌈L / Z_c⌉).
    /// </summary>
    public static int ActiveRowCount(LdpcCode code, int llrCount)
    {
        ArgumentNullException.ThrowIfNull(code);
        int z = code.LiftingSize;
        int columns = 2 + ((llrCount + z - 1) / z);
        return Math.Clamp(columns - code.InformationColumnCount, 4, code.RowCount);
    }

    /// <summary>Loads the channel LLRs (punctured columns and missing bits as 0) and clears the messages of the active rows.</summary>
    protected abstract void Initialize(ReadOnlySpan<sbyte> llrs, LdpcCode code, int activeRows);

    /// <summary>Runs one layer (row of H_BG) of the min-sum update.</summary>
    protected abstract void ProcessLayer(LdpcCode code, int row);

    /// <summary>Whether the current hard decisions satisfy every check of the active rows (<see cref="LdpcParityCheck"/>: a bit with a-posteriori LLR 0 is undecided and fails its checks).</summary>
    protected abstract bool ParityCheck(LdpcCode code, int activeRows);

    /// <summary>Writes the hard decisions c_0 … c_(bits.Length−1) (1 where the a-posteriori LLR is negative).</summary>
    protected abstract void HardDecide(LdpcCode code, Span<byte> bits);
}
