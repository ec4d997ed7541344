using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.RateMatching;

/// <summary>
/// LDPC rate matching of one code block (TS 38.212 §5.4.2): bit selection from the circular buffer (§5.4.2.1) followed by
/// bit interleaving (§5.4.2.2), on unpacked bits.
/// </summary>
public static class LdpcRateMatcher
{
    /// <summary>
    /// Computes f_0 … f_(E−1): e_k = d_((k0 + j) mod N_cb) skipping fillers (§5.4.2.1), then f_(i + j·Q_m) = e_(i·E/Q_m + j)
    /// for i &lt; Q_m, j &lt; E/Q_m (§5.4.2.2).
    /// </summary>
    /// <param name="codeword">d_0 … d_(N_cb−1) (longer is allowed; filler positions are not read), one bit per byte.</param>
    /// <param name="buffer">N_cb, k0 and the filler positions.</param>
    /// <param name="modulationOrder">Q_m: 1 (π/2-BPSK), 2, 4, 6, 8 or 10.</param>
    /// <param name="output">Receives the E rate-matched bits; E must be a multiple of Q_m.</param>
    public static void Match(ReadOnlySpan<byte> codeword, LdpcCircularBuffer buffer, int modulationOrder, Span<byte> output)
    {
        ValidateModulationOrder(modulationOrder, output.Length);
        if (codeword.Length < buffer.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(codeword), codeword.Length, buffer.Length);
        }

        int rowLength = output.Length / modulationOrder;
        BitSelectionRuns runs = buffer.Runs(output.Length);
        while (runs.MoveNext())
        {
            ReadOnlySpan<byte> source = codeword.Slice(runs.Position, runs.Length);
            if (modulationOrder == 1)
            {
                source.CopyTo(output[runs.OutputIndex..]);
                continue;
            }

            // Within interleaver row i the selected bits e_(i·E/Qm + j) go to f_(i + j·Qm): a stride-Qm scatter.
            int k = runs.OutputIndex;
            while (!source.IsEmpty)
            {
                int i = k / rowLength;
                int j = k - (i * rowLength);
                int count = Math.Min(source.Length, rowLength - j);
                // Bounds: the last element written is i + (j + count − 1)·Q_m < E since j + count ≤ E/Q_m.
                ref byte destination = ref Unsafe.Add(ref MemoryMarshal.GetReference(output), i + (j * modulationOrder));
                ref byte from = ref MemoryMarshal.GetReference(source);
                for (int t = 0; t < count; t++)
                {
                    Unsafe.Add(ref destination, t * modulationOrder) = Unsafe.Add(ref from, t);
                }

                source = source[count..];
                k += count;
            }
        }
    }

    /// <summary>Checks Q_m ∈ {1, 2, 4, 6, 8, 10} and that E is a multiple of it.</summary>
    internal static void ValidateModulationOrder(int modulationOrder, int e)
    {
        if (modulationOrder is not (1 or 2 or 4 or 6 or 8 or 10))
        {
            ThrowHelper.ThrowOutOfRange(nameof(modulationOrder), modulationOrder, "1, 2, 4, 6, 8 or 10");
        }

        if (e % modulationOrder != 0)
        {
            ThrowHelper.ThrowArgument("output", $"E = {e} is not a multiple of Q_m = {modulationOrder} (TS 38.212 §5.4.2.1).");
        }
    }
}
