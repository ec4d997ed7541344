using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// Polar encoding (TS 38.212 §5.3.1): input interleaving (§5.3.1.1), sub-channel allocation with parity-check bits
/// (§5.3.1.2) and the transform d = u·G_N with G_N = F^⊗n, F = [1 0; 1 1] (§5.3.1.2). Stateless and allocation-free.
/// </summary>
public static class PolarEncoder
{
    /// <summary>Encodes c (K bits, CRC attached) into the N-bit codeword d.</summary>
    /// <param name="code">The code construction.</param>
    /// <param name="c">c_0 … c_(K−1), one bit per byte.</param>
    /// <param name="d">Receives d_0 … d_(N−1).</param>
    public static void Encode(PolarCode code, ReadOnlySpan<byte> c, Span<byte> d)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(c.Length, code.K, nameof(c));
        ThrowHelper.ThrowIfLengthDiffers(d.Length, code.N, nameof(d));
        MapInput(code, c, d);
        Transform(d);
    }

    /// <summary>
    /// Builds u (N bits) from c: u_n = c'_k = c_Π(k) on the information positions, the cyclic-shift-register output on
    /// the parity-check positions and 0 on frozen positions (TS 38.212 §5.3.1.2).
    /// </summary>
    public static void MapInput(PolarCode code, ReadOnlySpan<byte> c, Span<byte> u)
    {
        ArgumentNullException.ThrowIfNull(code);
        ThrowHelper.ThrowIfLengthDiffers(c.Length, code.K, nameof(c));
        ThrowHelper.ThrowIfLengthDiffers(u.Length, code.N, nameof(u));
        ReadOnlySpan<short> pi = code.InputInterleaver;
        if (code.NPc == 0)
        {
            u.Clear();
            ReadOnlySpan<short> positions = code.InformationPositions;
            for (int k = 0; k < positions.Length; k++)
            {
                u[positions[k]] = (byte)(c[pi[k]] & 1);
            }

            return;
        }

        // Register y0..y4 as bits 0..4: each step rotates (y_tmp = y0; y0 = y1; …; y4 = y_tmp); an information bit then
        // updates y0 ^= u_n, a parity-check bit is u_n = y0 and leaves the register as it is (TS 38.212 §5.3.1.2).
        ReadOnlySpan<PolarBitKind> kinds = code.BitKinds;
        int y = 0;
        int next = 0;
        for (int n = 0; n < u.Length; n++)
        {
            y = (y >> 1) | ((y & 1) << 4);
            byte bit = 0;
            switch (kinds[n])
            {
                case PolarBitKind.Information:
                    bit = (byte)(c[pi[next++]] & 1);
                    y ^= bit;
                    break;
                case PolarBitKind.ParityCheck:
                    bit = (byte)(y & 1);
                    break;
            }

            u[n] = bit;
        }
    }

    /// <summary>
    /// In place, x ← x·G_N for N = x.Length (a power of two): for each stage of half-size h, x[i] ^= x[i + h] on every
    /// block of 2h. G_N is its own inverse over GF(2), so the same transform maps a codeword back to u.
    /// </summary>
    public static void Transform(Span<byte> x)
    {
        int n = x.Length;
        if (n == 0 || (n & (n - 1)) != 0)
        {
            ThrowHelper.ThrowArgument(nameof(x), $"length {n} is not a power of two.");
        }

        ref byte r = ref MemoryMarshal.GetReference(x);
        for (int h = 1; h < n; h <<= 1)
        {
            for (int block = 0; block < n; block += 2 * h)
            {
                int i = 0;
                if (Vector256.IsHardwareAccelerated && h >= Vector256<byte>.Count)
                {
                    for (; i < h; i += Vector256<byte>.Count)
                    {
                        // x[block+i .. +32) ^= x[block+h+i .. +32): 32 independent bit lanes per step.
                        Vector256<byte> a = Vector256.LoadUnsafe(ref r, (nuint)(block + i));
                        Vector256<byte> b = Vector256.LoadUnsafe(ref r, (nuint)(block + h + i));
                        (a ^ b).StoreUnsafe(ref r, (nuint)(block + i));
                    }
                }

                for (; i < h; i++)
                {
                    x[block + i] ^= x[block + h + i];
                }
            }
        }
    }
}
