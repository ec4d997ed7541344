using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// LDPC rate dematching of one code block, the inverse of <see cref="LdpcRateMatcher"/>: bit de-interleaving, then soft
/// combining of every LLR into its circular-buffer position of a per-code-block soft buffer (HARQ combining across
/// transmissions and redundancy versions), saturating as <see cref="LogLikelihoodRatio.Add(sbyte, sbyte)"/>.
/// </summary>
public static class LdpcRateDematcher
{
    private const int Chunk = 256;

    /// <summary>
    /// Prepares a soft buffer for a new transport block: every position 0 (no information) and the filler positions
    /// +<see cref="LogLikelihoodRatio.Infinity"/> (known 0).
    /// </summary>
    /// <param name="buffer">The code block's circular buffer.</param>
    /// <param name="softBuffer">N_cb soft values.</param>
    public static void Reset(LdpcCircularBuffer buffer, Span<sbyte> softBuffer)
    {
        ThrowHelper.ThrowIfLengthDiffers(softBuffer.Length, buffer.Length, nameof(softBuffer));
        softBuffer.Clear();
        softBuffer[buffer.FillerStart..buffer.FillerEnd].Fill(LogLikelihoodRatio.Infinity);
    }

    /// <summary>
    /// Combines E received LLRs into the soft buffer: softBuffer[p_k] = Add(softBuffer[p_k], e_k) where e_(i·E/Q_m + j) =
    /// llrs[i + j·Q_m] and p_k is the k-th selected circular-buffer position (TS 38.212 §5.4.2.1–5.4.2.2 inverted).
    /// </summary>
    /// <param name="llrs">f_0 … f_(E−1) as LLRs (project convention, soft values within ±<see cref="LogLikelihoodRatio.Max"/>).</param>
    /// <param name="buffer">N_cb, k0 (of this transmission's redundancy version) and the filler positions.</param>
    /// <param name="modulationOrder">Q_m used by the interleaver.</param>
    /// <param name="softBuffer">The code block's N_cb soft values (from <see cref="Reset"/> or earlier transmissions).</param>
    /// <returns>The highest position + 1 written (N_cb once the selection wraps), see <see cref="LdpcCircularBuffer.FilledLength"/>.</returns>
    public static int Dematch(ReadOnlySpan<sbyte> llrs, LdpcCircularBuffer buffer, int modulationOrder, Span<sbyte> softBuffer)
    {
        LdpcRateMatcher.ValidateModulationOrder(modulationOrder, llrs.Length);
        ThrowHelper.ThrowIfLengthDiffers(softBuffer.Length, buffer.Length, nameof(softBuffer));
        int rowLength = llrs.Length / modulationOrder;
        Span<sbyte> gathered = stackalloc sbyte[Chunk];
        BitSelectionRuns runs = buffer.Runs(llrs.Length);
        while (runs.MoveNext())
        {
            Span<sbyte> destination = softBuffer.Slice(runs.Position, runs.Length);
            if (modulationOrder == 1)
            {
                LogLikelihoodRatio.Add(destination, llrs.Slice(runs.OutputIndex, runs.Length), destination);
                continue;
            }

            int k = runs.OutputIndex;
            while (!destination.IsEmpty)
            {
                // De-interleave a stretch of one interleaver row (stride-Qm gather), then combine it with vector adds.
                int i = k / rowLength;
                int j = k - (i * rowLength);
                int count = Math.Min(Math.Min(destination.Length, rowLength - j), Chunk);
                ReadOnlySpan<sbyte> source = llrs[(i + (j * modulationOrder))..];
                Span<sbyte> chunk = gathered[..count];
                for (int t = 0; t < count; t++)
                {
                    chunk[t] = source[t * modulationOrder];
                }

                Span<sbyte> target = destination[..count];
                LogLikelihoodRatio.Add(target, chunk, target);
                destination = destination[count..];
                k += count;
            }
        }

        return buffer.FilledLength(llrs.Length);
    }
}
