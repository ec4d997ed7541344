using System;
using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The cyclic shifts C_v of one root sequence (TS 38.211 §6.3.3.1): v·N_CS for the unrestricted set, and the
/// d_u-dependent groups of the restricted sets type A and B (d_start, n_shift^RA, n_group^RA, n̄_shift^RA and, for type B,
/// d̄_start, d̄̄_start, n̄̄_shift^RA, n̄̄̄_shift^RA).
/// </summary>
/// <remarks>
/// d_u = q when 0 ≤ q &lt; L_RA/2, else L_RA − q, with q the smallest non-negative integer such that (q·u) mod L_RA = 1
/// (the cyclic shift that a frequency offset of one subcarrier spacing produces). A root whose d_u falls outside every
/// range of the set has no cyclic shifts. The property that makes these sets work — for every preamble of a root, its
/// zero-correlation zone [C_v, C_v + N_CS) and the Doppler aliases at ±d_u (type A) or ±d_u, ±2d_u (type B) overlap no
/// other preamble's zone — is checked by the tests for every root and every N_CS of Tables 6.3.3.1-5/-6.
/// </remarks>
internal static class PrachCyclicShifts
{
    /// <summary>Appends the cyclic shifts of root <paramref name="u"/> in increasing v to <paramref name="shifts"/>.</summary>
    public static void Append(int u, int length, int nCs, PrachRestrictedSet set, List<int> shifts)
    {
        if (set == PrachRestrictedSet.Unrestricted)
        {
            if (nCs == 0)
            {
                shifts.Add(0);
                return;
            }

            for (int v = 0; v < length / nCs; v++)
            {
                shifts.Add(v * nCs);
            }

            return;
        }

        int du = DopplerShift(u, length);
        int l = length;
        int nShift, dStart, nGroup, nShiftBar;
        int nShiftBar2 = 0, nShiftBar3 = 0, dStartBar = 0, dStartBar2 = 0;
        if (set == PrachRestrictedSet.TypeA)
        {
            if (nCs <= du && 3 * du < l)
            {
                nShift = du / nCs;
                dStart = (2 * du) + (nShift * nCs);
                nGroup = l / dStart;
                nShiftBar = Math.Max((l - (2 * du) - (nGroup * dStart)) / nCs, 0);
            }
            else if (3 * du >= l && 2 * du <= l - nCs)
            {
                nShift = (l - (2 * du)) / nCs;
                dStart = l - (2 * du) + (nShift * nCs);
                nGroup = du / dStart;
                nShiftBar = Math.Min(Math.Max((du - (nGroup * dStart)) / nCs, 0), nShift);
            }
            else
            {
                return;
            }
        }
        else if (nCs <= du && 5 * du < l)
        {
            nShift = du / nCs;
            dStart = (4 * du) + (nShift * nCs);
            nGroup = l / dStart;
            nShiftBar = Math.Max((l - (4 * du) - (nGroup * dStart)) / nCs, 0);
        }
        else if (5 * du >= l && 4 * du <= l - nCs)
        {
            nShift = (l - (4 * du)) / nCs;
            dStart = l - (4 * du) + (nShift * nCs);
            nGroup = du / dStart;
            nShiftBar = Math.Min(Math.Max((du - (nGroup * dStart)) / nCs, 0), nShift);
        }
        else if (4 * du >= l + nCs && 7 * du < 2 * l)
        {
            nShift = ((4 * du) - l) / nCs;
            dStart = (4 * du) - l + (nShift * nCs);
            nGroup = du / dStart;
            nShiftBar = Math.Max((l - (3 * du) - (nGroup * dStart)) / nCs, 0);
            nShiftBar2 = Math.Min(du - (nGroup * dStart), (4 * du) - l - (nShiftBar * nCs)) / nCs;
            int m = Math.Min(1, nShiftBar);
            nShiftBar3 = ((((1 - m) * (du - (nGroup * dStart))) + (m * ((4 * du) - l - (nShiftBar * nCs)))) / nCs) - nShiftBar2;
            dStartBar = l - (3 * du) + (nGroup * dStart) + (nShiftBar * nCs);
            dStartBar2 = l - (2 * du) + (nGroup * dStart) + (nShiftBar2 * nCs);
        }
        else if (7 * du >= 2 * l && 3 * du <= l - nCs)
        {
            nShift = (l - (3 * du)) / nCs;
            dStart = l - (3 * du) + (nShift * nCs);
            nGroup = du / dStart;
            nShiftBar = Math.Max(((4 * du) - l - (nGroup * dStart)) / nCs, 0);
            nShiftBar2 = Math.Min(du - (nGroup * dStart), l - (3 * du) - (nShiftBar * nCs)) / nCs;
            dStartBar = du + (nGroup * dStart) + (nShiftBar * nCs);
        }
        else if (3 * du >= l + nCs && 5 * du < 2 * l)
        {
            nShift = ((3 * du) - l) / nCs;
            dStart = (3 * du) - l + (nShift * nCs);
            nGroup = du / dStart;
            nShiftBar = Math.Max((l - (2 * du) - (nGroup * dStart)) / nCs, 0);
        }
        else if (5 * du >= 2 * l && 2 * du <= l - nCs)
        {
            nShift = (l - (2 * du)) / nCs;
            dStart = (2 * (l - (2 * du))) + (nShift * nCs);
            nGroup = (l - du) / dStart;
            nShiftBar = Math.Max(((3 * du) - l - (nGroup * dStart)) / nCs, 0);
        }
        else
        {
            return;
        }

        // C_v = d_start·⌊v/n_shift⌋ + (v mod n_shift)·N_CS for v < w = n_shift·n_group + n̄_shift, then (type B) n̄̄_shift
        // shifts from d̄_start and n̄̄̄_shift shifts from d̄̄_start.
        int w = (nShift * nGroup) + nShiftBar;
        for (int v = 0; v < w; v++)
        {
            shifts.Add((dStart * (v / nShift)) + ((v % nShift) * nCs));
        }

        for (int v = 0; v < nShiftBar2; v++)
        {
            shifts.Add(dStartBar + (v * nCs));
        }

        for (int v = 0; v < nShiftBar3; v++)
        {
            shifts.Add(dStartBar2 + (v * nCs));
        }
    }

    /// <summary>d_u of TS 38.211 §6.3.3.1 for root <paramref name="u"/> of length <paramref name="length"/> (a prime).</summary>
    public static int DopplerShift(int u, int length)
    {
        int q = ModularInverse(u, length);
        return 2 * q < length ? q : length - q;
    }

    private static int ModularInverse(int u, int length)
    {
        // Extended Euclid; L_RA is prime, so every u in 1..L−1 is invertible.
        long t = 0, newT = 1, r = length, newR = u % length;
        while (newR != 0)
        {
            long quotient = r / newR;
            (t, newT) = (newT, t - (quotient * newT));
            (r, newR) = (newR, r - (quotient * newR));
        }

        return (int)(t < 0 ? t + length : t);
    }
}
