using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>The PDCCH candidates of a search space (TS 38.213 §10.1).</summary>
public static class PdcchCandidates
{
    /// <summary>D = 65537.</summary>
    public const int D = 65537;

    /// <summary>A_p = 39827, 39829 or 39839 for p mod 3 = 0, 1, 2.</summary>
    public static int A(int coresetId) => (coresetId % 3) switch
    {
        0 => 39827,
        1 => 39829,
        _ => 39839,
    };

    /// <summary>
    /// Y_(p,n_s) for a UE-specific search space: Y_(p,−1) = n_RNTI ≠ 0, Y_(p,n) = (A_p·Y_(p,n−1)) mod D, n = the slot number
    /// within the frame; 0 for a common search space.
    /// </summary>
    public static int HashingY(bool common, int coresetId, int nRnti, int slot)
    {
        if (common)
        {
            return 0;
        }

        ThrowHelper.ThrowIfOutside(nRnti, 1, 65535);
        long y = nRnti;
        int a = A(coresetId);
        for (int n = 0; n <= slot; n++)
        {
            y = a * y % D;
        }

        return (int)y;
    }

    /// <summary>
    /// The first CCE of candidate m_(s,n_CI) at aggregation level L: L·((Y + ⌊m·N_CCE/(L·M)⌋ + n_CI) mod ⌊N_CCE/L⌋).
    /// </summary>
    /// <param name="y">Y_(p,n_s).</param>
    /// <param name="candidate">m, 0..M−1.</param>
    /// <param name="candidateCount">M^(L)_(p,s,max) (M^(L)_(p,s) for a single carrier).</param>
    /// <param name="aggregationLevel">L.</param>
    /// <param name="cceCount">N_CCE,p.</param>
    /// <param name="nCi">n_CI, the carrier indicator (0 without cross-carrier scheduling).</param>
    public static int FirstCce(int y, int candidate, int candidateCount, int aggregationLevel, int cceCount, int nCi = 0)
    {
        ThrowHelper.ThrowIfOutside(candidate, 0, Math.Max(0, candidateCount - 1));
        int groups = cceCount / aggregationLevel;
        if (groups == 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(aggregationLevel), aggregationLevel, $"≤ N_CCE = {cceCount}");
        }

        long offset = (long)candidate * cceCount / ((long)aggregationLevel * candidateCount);
        return aggregationLevel * (int)((y + offset + nCi) % groups);
    }
}
