using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Sequences;

/// <summary>
/// Low-PAPR sequences of TS 38.211 §5.2.2 (type 1, Zadoff-Chu and computer-generated base sequences with a cyclic
/// shift) and §5.2.3 (type 2, π/2-BPSK based, for the π/2-BPSK PUSCH DM-RS with transform precoding).
/// </summary>
/// <remarks>
/// Group and sequence hopping (which produce u and v) belong to the channel that uses the sequence (PUSCH, PUCCH, SRS);
/// this type takes u, v and α as inputs. Type-1 generation is stateless; type-2 generation needs a DFT of the sequence
/// length and a Gold sequence, so it lives in an instance (<see cref="LowPaprSequenceType2"/>).
/// </remarks>
public static class LowPaprSequence
{
    /// <summary>Number of sequence groups u (TS 38.211 §5.2.2).</summary>
    public const int GroupCount = 30;

    /// <summary>
    /// Writes the type-1 sequence r^{(α,δ)}_{u,v}(n) = e^{jαn}·r̄_{u,v}(n), n = 0..M_ZC−1 (TS 38.211 §5.2.2).
    /// </summary>
    /// <param name="u">Sequence group u, 0..29.</param>
    /// <param name="v">Base sequence number v within the group, 0 or 1 (1 only for M_ZC ≥ 72, TS 38.211 §5.2.2).</param>
    /// <param name="alpha">Cyclic shift α in radians.</param>
    /// <param name="destination">Receives M_ZC = destination.Length values; M_ZC ∈ {6, 12, 18, 24, 30} or a multiple of 6 that is ≥ 36.</param>
    /// <remarks>
    /// Base sequences (§5.2.2.1, §5.2.2.2): for M_ZC ≥ 36, r̄(n) = x_q(n mod N_ZC) with x_q(m) = e^{−jπqm(m+1)/N_ZC},
    /// N_ZC the largest prime below M_ZC, q = ⌊q̄ + 1/2⌋ + v·(−1)^⌊2q̄⌋ and q̄ = N_ZC(u + 1)/31; for M_ZC = 30,
    /// r̄(n) = e^{−jπ(u+1)(n+1)(n+2)/31}; for M_ZC ∈ {6, 12, 18, 24}, r̄(n) = e^{jφ(n)π/4} with φ from
    /// Tables 5.2.2.2-1 to -4. Phases are reduced exactly in integer arithmetic and evaluated in double precision.
    /// </remarks>
    public static void GenerateType1(int u, int v, double alpha, Span<ComplexF32> destination)
    {
        int mzc = destination.Length;
        ThrowHelper.ThrowIfOutside(u, 0, GroupCount - 1);
        ThrowHelper.ThrowIfOutside(v, 0, 1);
        if (!IsValidType1Length(mzc))
        {
            ThrowHelper.ThrowArgument(nameof(destination), $"M_ZC = {mzc} is not a low-PAPR length; valid: 6, 12, 18, 24, 30 or a multiple of 6 that is ≥ 36.");
        }

        if (v == 1 && mzc < 72)
        {
            ThrowHelper.ThrowOutOfRange(nameof(v), v, $"0 for M_ZC = {mzc} < 72 (TS 38.211 §5.2.2: two base sequences per group only from 6 resource blocks)");
        }

        if (mzc >= 36)
        {
            int nzc = LargestPrimeBelow(mzc);
            double qBar = nzc * (u + 1) / 31.0;
            int q = (int)Math.Floor(qBar + 0.5) + (v * ((((int)Math.Floor(2 * qBar)) & 1) == 0 ? 1 : -1));
            long twoN = 2L * nzc;
            for (int n = 0; n < mzc; n++)
            {
                long m = n % nzc;
                // −π·q·m(m+1)/N_ZC, reduced modulo 2π exactly: q·m(m+1) mod 2N_ZC.
                long e = (q * (m * (m + 1) % twoN)) % twoN;
                destination[n] = ComplexF32.FromPolar(1.0, (-Math.PI * e / nzc) + (alpha * n));
            }
        }
        else if (mzc == 30)
        {
            for (int n = 0; n < mzc; n++)
            {
                long e = (long)(u + 1) * (n + 1) * (n + 2) % 62; // −π·e/31 modulo 2π
                destination[n] = ComplexF32.FromPolar(1.0, (-Math.PI * e / 31.0) + (alpha * n));
            }
        }
        else
        {
            sbyte[,] phi = Ts38211Table5_2_2_2.ForLength(mzc);
            for (int n = 0; n < mzc; n++)
            {
                destination[n] = ComplexF32.FromPolar(1.0, (phi[u, n] * Math.PI / 4.0) + (alpha * n));
            }
        }
    }

    /// <summary>Whether <paramref name="mzc"/> is a type-1 low-PAPR sequence length (6, 12, 18, 24, 30, or 6k ≥ 36).</summary>
    public static bool IsValidType1Length(int mzc) => mzc is 6 or 12 or 18 or 24 or 30 || (mzc >= 36 && mzc % 6 == 0 && mzc <= 6 * 2 * 275);

    /// <summary>The largest prime strictly below <paramref name="value"/> (N_ZC of TS 38.211 §5.2.2.1).</summary>
    internal static int LargestPrimeBelow(int value)
    {
        for (int candidate = value - 1; candidate >= 2; candidate--)
        {
            if (IsPrime(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "no prime below value.");
    }

    private static bool IsPrime(int n)
    {
        if (n < 2)
        {
            return false;
        }

        for (int d = 2; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
