using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// The primary and secondary synchronization sequences (TS 38.211 §7.4.2.2, §7.4.2.3), 127 BPSK values each, with
/// N_ID^cell = 3·N_ID^(1) + N_ID^(2).
/// </summary>
/// <remarks>
/// PSS: d(n) = 1 − 2x(m), m = (n + 43·N_ID^(2)) mod 127, x(i+7) = (x(i+4) + x(i)) mod 2, [x(6) … x(0)] = [1 1 1 0 1 1 0].
/// SSS: d(n) = [1 − 2x0((n + m0) mod 127)]·[1 − 2x1((n + m1) mod 127)], m0 = 15⌊N_ID^(1)/112⌋ + 5·N_ID^(2),
/// m1 = N_ID^(1) mod 112, x0(i+7) = (x0(i+4) + x0(i)) mod 2, x1(i+7) = (x1(i+1) + x1(i)) mod 2, x0 = x1 = [0 … 0 1] initially.
/// The three m-sequences are computed once.
/// </remarks>
public static class SynchronizationSignals
{
    /// <summary>Sequence length, 127.</summary>
    public const int Length = 127;

    private static readonly byte[] s_pssM = MSequence([0, 1, 1, 0, 1, 1, 1], tap: 4);
    private static readonly byte[] s_sssX0 = MSequence([1, 0, 0, 0, 0, 0, 0], tap: 4);
    private static readonly byte[] s_sssX1 = MSequence([1, 0, 0, 0, 0, 0, 0], tap: 1);

    /// <summary>Writes d_PSS(0..126) for N_ID^(2) = <paramref name="nId2"/> (0..2).</summary>
    public static void Pss(int nId2, Span<float> destination)
    {
        ThrowHelper.ThrowIfOutside(nId2, 0, 2);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, Length, nameof(destination));
        for (int n = 0; n < Length; n++)
        {
            destination[n] = 1 - (2 * s_pssM[(n + (43 * nId2)) % Length]);
        }
    }

    /// <summary>Writes d_SSS(0..126) for N_ID^cell = <paramref name="nIdCell"/> (0..1007).</summary>
    public static void Sss(int nIdCell, Span<float> destination)
    {
        ThrowHelper.ThrowIfOutside(nIdCell, 0, 1007);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, Length, nameof(destination));
        int nId1 = nIdCell / 3, nId2 = nIdCell % 3;
        int m0 = (15 * (nId1 / 112)) + (5 * nId2);
        int m1 = nId1 % 112;
        for (int n = 0; n < Length; n++)
        {
            destination[n] = (1 - (2 * s_sssX0[(n + m0) % Length])) * (1 - (2 * s_sssX1[(n + m1) % Length]));
        }
    }

    /// <summary>x(i+7) = (x(i + tap) + x(i)) mod 2 from the initial x(0..6).</summary>
    private static byte[] MSequence(ReadOnlySpan<byte> initial, int tap)
    {
        var x = new byte[Length];
        initial.CopyTo(x);
        for (int i = 0; i + 7 < Length; i++)
        {
            x[i + 7] = (byte)((x[i + tap] + x[i]) % 2);
        }

        return x;
    }
}
