namespace OpenRan.Engine.Configuration;

/// <summary>The <c>pdcch:</c> section.</summary>
public sealed record PdcchOptions
{
    /// <summary>controlResourceSetZero (TS 38.213 Tables 13-1..13-10), null to pick the first that fits the carrier.</summary>
    public int? Coreset0Index { get; init; }

    /// <summary>searchSpaceZero (TS 38.213 Table 13-11).</summary>
    public int SearchSpaceZero { get; init; }

    /// <summary>CORESET#1 (the test UE's) first CRB; null = 0.</summary>
    public int? Coreset1StartRb { get; init; }

    /// <summary>CORESET#1 size in RBs (multiple of 6); null = the carrier rounded down to 6.</summary>
    public int? Coreset1RbCount { get; init; }

    /// <summary>CORESET#1 duration in symbols, 1..3.</summary>
    public int Coreset1Duration { get; init; } = 1;

    /// <summary>Aggregation level of the test UE's DCIs: 1, 2, 4, 8, 16.</summary>
    public int UeAggregationLevel { get; init; } = 4;

    /// <summary>Aggregation level of SIB1's DCI in the Type0 CSS: 4, 8, 16.</summary>
    public int Sib1AggregationLevel { get; init; } = 4;
}
