namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>One row of TS 38.213 Tables 13-11 and 13-12 (multiplexing pattern 1).</summary>
/// <param name="OTimes2">2·O, O in ms (0, 2, 2.5, 5, 7, 7.5).</param>
/// <param name="SearchSpaceSetsPerSlot">Number of search space sets per slot (1 or 2).</param>
/// <param name="MTimes2">2·M (M = 1/2, 1 or 2).</param>
/// <param name="FirstSymbol">First symbol index; −1 means 0 for even i and N_symb^CORESET for odd i; −7 means 0 for even i and 7 for odd i.</param>
public readonly record struct Type0MonitoringRow(int OTimes2, int SearchSpaceSetsPerSlot, int MTimes2, int FirstSymbol);
