using System;

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
