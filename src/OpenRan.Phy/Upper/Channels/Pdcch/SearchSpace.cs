using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// A PDCCH search-space set (TS 38.213 §10.1, TS 38.331 SearchSpace): its CORESET, type, monitoring occasions and the
/// number of candidates per aggregation level.
/// </summary>
/// <param name="Id">searchSpaceId s.</param>
/// <param name="Common">True for a common search space (Y = 0), false for UE-specific (Y from the hashing function).</param>
/// <param name="PeriodSlots">k_s, the monitoring periodicity in slots.</param>
/// <param name="OffsetSlots">o_s, the slot offset (0..k_s−1).</param>
/// <param name="DurationSlots">T_s, consecutive monitored slots per period (1..k_s).</param>
/// <param name="FirstSymbol">The first symbol of the monitoring occasion within the slot (monitoringSymbolsWithinSlot).</param>
/// <param name="CandidateCounts">M^(L) for L = 1, 2, 4, 8, 16 (5 entries, each 0..8).</param>
public sealed record SearchSpaceConfiguration(int Id, bool Common, int PeriodSlots, int OffsetSlots, int DurationSlots, int FirstSymbol, int[] CandidateCounts)
{
    /// <summary>The aggregation levels 1, 2, 4, 8, 16 indexed like <see cref="CandidateCounts"/>.</summary>
    public static ReadOnlySpan<int> AggregationLevels => [1, 2, 4, 8, 16];

    /// <summary>Whether slot n_s of frame n_f is monitored: ((n_f·N_slot^frame + n_s − o_s) mod k_s) &lt; T_s (TS 38.213 §10.1).</summary>
    public bool IsMonitored(int frame, int slot, int slotsPerFrame)
    {
        long n = ((long)frame * slotsPerFrame) + slot - OffsetSlots;
        long phase = ((n % PeriodSlots) + PeriodSlots) % PeriodSlots;
        return phase < DurationSlots;
    }

    /// <summary>M^(L) for aggregation level <paramref name="aggregationLevel"/> (1, 2, 4, 8 or 16).</summary>
    public int CandidateCount(int aggregationLevel) => CandidateCounts[LevelIndex(aggregationLevel)];

    /// <summary>The index 0..4 of an aggregation level.</summary>
    public static int LevelIndex(int aggregationLevel) => aggregationLevel switch
    {
        1 => 0,
        2 => 1,
        4 => 2,
        8 => 3,
        16 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregationLevel), aggregationLevel, "aggregation level must be 1, 2, 4, 8 or 16."),
    };
}

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
