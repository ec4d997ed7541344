namespace OpenRan.Engine.Configuration;

/// <summary>One entry of the <c>pucch:</c> list (PUCCH-Resource, TS 38.331; TS 38.213 §9.2).</summary>
public sealed record PucchResourceOptions
{
    /// <summary>PUCCH format 0..4.</summary>
    public int Format { get; init; } = 1;

    /// <summary>startingPRB relative to the UL BWP.</summary>
    public int StartPrb { get; init; }

    /// <summary>First symbol in the slot.</summary>
    public int StartSymbol { get; init; }

    /// <summary>nrofSymbols: 1..2 (formats 0, 2), 4..14 (formats 1, 3, 4).</summary>
    public int SymbolCount { get; init; } = 14;

    /// <summary>nrofPRBs (formats 2, 3): 1..16.</summary>
    public int PrbCount { get; init; } = 1;

    /// <summary>initialCyclicShift (formats 0, 1): 0..11.</summary>
    public int InitialCyclicShift { get; init; }

    /// <summary>timeDomainOCC (format 1): 0..6.</summary>
    public int TimeDomainOcc { get; init; }
}
