using System;
using System.Collections.Generic;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// A CSI-RS resource set for tracking (TRS; TS 38.214 §5.1.6.1.1, NZP-CSI-RS-ResourceSet with <c>trs-Info</c>): in FR1
/// four periodic single-port resources of row 1 (density 3) in two consecutive slots, two per slot on the symbol pair
/// l ∈ {4, 8}, {5, 9} or {6, 10}, all with the same bandwidth, k_0, periodicity and scrambling identity.
/// </summary>
public static class TrsResourceSet
{
    /// <summary>The symbol pairs a TRS slot may use in FR1 (TS 38.214 §5.1.6.1.1).</summary>
    public static ReadOnlySpan<int> AllowedFirstSymbols => [4, 5, 6];

    /// <summary>Creates the four resources.</summary>
    /// <param name="firstSymbol">l of the first resource in each slot: 4, 5 or 6 (the second is l + 4).</param>
    /// <param name="k0">k_0, the subcarrier of the first element in each block, 0..3 (row 1 bitmap bit).</param>
    /// <param name="startRb">First common resource block.</param>
    /// <param name="rbCount">Resource blocks (the BWP width, or 52 when the BWP is wider, per TS 38.214 §5.1.6.1.1).</param>
    /// <param name="periodicitySlots">Periodicity in slots: 10, 20, 40 or 80 ms worth of slots (TS 38.214 §5.1.6.1.1).</param>
    /// <param name="offsetSlots">Offset of the first of the two slots within the period.</param>
    /// <param name="scramblingId">n_ID of all four resources, 0..1023.</param>
    /// <param name="powerOffsetDb">β_CSIRS in dB.</param>
    public static IReadOnlyList<CsiRsConfiguration> Create(int firstSymbol, int k0, int startRb, int rbCount, int periodicitySlots, int offsetSlots, int scramblingId, double powerOffsetDb = 0)
    {
        if (firstSymbol is not (4 or 5 or 6))
        {
            throw new ArgumentOutOfRangeException(nameof(firstSymbol), firstSymbol, "TRS first symbol: valid 4, 5 or 6 (symbol pairs {4,8}, {5,9}, {6,10}; TS 38.214 §5.1.6.1.1)");
        }

        if (k0 is < 0 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(k0), k0, "k_0 of a row-1 resource: valid 0..3");
        }

        if (offsetSlots < 0 || offsetSlots + 1 >= periodicitySlots)
        {
            throw new ArgumentOutOfRangeException(nameof(offsetSlots), offsetSlots, $"valid 0..{periodicitySlots - 2} (two consecutive slots within the period)");
        }

        var resources = new List<CsiRsConfiguration>(4);
        for (int slot = 0; slot < 2; slot++)
        {
            foreach (int l in (int[])[firstSymbol, firstSymbol + 4])
            {
                var resource = new CsiRsConfiguration
                {
                    RowNumber = 1,
                    Density = CsiRsDensity.Three,
                    FrequencyDomainAllocation = 1 << k0,
                    FirstSymbol = l,
                    StartRb = startRb,
                    RbCount = rbCount,
                    ScramblingId = scramblingId,
                    PowerOffsetDb = powerOffsetDb,
                    PeriodicitySlots = periodicitySlots,
                    OffsetSlots = offsetSlots + slot,
                };
                resource.ThrowIfInvalid();
                resources.Add(resource);
            }
        }

        return resources;
    }
}
