using System;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// Interleaved VRB-to-PRB mapping (TS 38.211 §7.3.1.6). The N_BWP^size RBs of a bandwidth part that starts at common RB
/// N_BWP^start are cut into N_bundle = ⌈(N_BWP^size + (N_BWP^start mod L)) / L⌉ bundles: bundle 0 of L − (N_BWP^start mod L)
/// RBs, the last of (N_BWP^start + N_BWP^size) mod L RBs (L when that is 0), the others of L. VRB bundle N_bundle − 1 maps to
/// PRB bundle N_bundle − 1; VRB bundle j ∈ {0, …, N_bundle − 2} to PRB bundle f(j) = r·C + c, where j = c·R + r,
/// r ∈ {0, …, R − 1}, c ∈ {0, …, C − 1}, R = 2, C = ⌊N_bundle / R⌋. A DCI 1_0 in a common search space uses L = 2 over
/// CORESET#0's size with RBs counted from the CORESET's lowest RB: for SI-RNTI in the Type0-PDCCH CSS the bundles start
/// there (start 0: CORESET#0 sizes 24, 48 and 96 give an even N_bundle, so every bundle is interleaved); otherwise they are
/// aligned to the common RB grid, the start being the CORESET's lowest common RB N_BWP^start + N_start^CORESET.
/// </summary>
public static class VrbToPrbInterleaving
{
    /// <summary>
    /// The PRB (counted from the bandwidth's first RB) of VRB <paramref name="vrb"/> in a bandwidth of
    /// <paramref name="sizeRbs"/> RBs starting at common RB <paramref name="startCrb"/>, bundle size
    /// <paramref name="bundleSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static int Prb(int vrb, int sizeRbs, int startCrb = 0, int bundleSize = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeRbs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(startCrb);
        ArgumentOutOfRangeException.ThrowIfLessThan(bundleSize, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(vrb);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(vrb, sizeRbs);
        int shift = startCrb % bundleSize;
        int bundles = (sizeRbs + shift + bundleSize - 1) / bundleSize;
        int first = bundleSize - shift;

        // The bundle of the VRB and its position inside it (bundle 0 is shorter by the start's misalignment).
        int j = vrb < first ? 0 : 1 + ((vrb - first) / bundleSize);
        int inBundle = j == 0 ? vrb : (vrb - first) % bundleSize;
        int f = j;
        if (j < bundles - 1)
        {
            const int r = 2;
            int c = bundles / r;
            f = ((j % r) * c) + (j / r);
        }

        return (f == 0 ? 0 : first + ((f - 1) * bundleSize)) + inBundle;
    }

    /// <summary>Writes the PRBs of VRBs <paramref name="firstVrb"/> … + <paramref name="prbs"/>.Length − 1, each plus <paramref name="offset"/>.</summary>
    public static void Prbs(int firstVrb, int sizeRbs, int offset, Span<int> prbs, int startCrb = 0, int bundleSize = 2)
    {
        for (int i = 0; i < prbs.Length; i++)
        {
            prbs[i] = offset + Prb(firstVrb + i, sizeRbs, startCrb, bundleSize);
        }
    }
}
