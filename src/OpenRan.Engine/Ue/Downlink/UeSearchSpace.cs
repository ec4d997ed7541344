using System.Collections.Generic;
using System.Linq;
using OpenRan.Engine.Rrc;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// A common search space set the receiver monitors, resolved from SIB1's PDCCH-ConfigCommon (TS 38.213 §10.1, TS 38.331
/// SearchSpace): searchSpaceId 0 means the Type0-PDCCH occasions of searchSpaceZero (TS 38.213 §13); any other id one
/// entry of commonSearchSpaceList, with its monitoring periodicity, offset, duration, one PDCCH monitoring occasion per
/// symbol set in monitoringSymbolsWithinSlot, and its candidates per aggregation level, on CORESET#0 or on
/// commonControlResourceSet (<see cref="Coreset"/>).
/// </summary>
/// <param name="Id">searchSpaceId.</param>
/// <param name="Name">How reports name it, e.g. "common1 (ra)".</param>
/// <param name="Occasions">One configuration per first symbol of a monitoring occasion in the slot (empty for id 0).</param>
/// <param name="Coreset">commonControlResourceSet when the search space is on it, null for CORESET#0.</param>
internal sealed record UeSearchSpace(int Id, string Name, IReadOnlyList<SearchSpaceConfiguration> Occasions, RrcControlResourceSet? Coreset = null)
{
    /// <summary>Whether this is searchSpaceZero (monitored in the Type0-PDCCH occasions).</summary>
    public bool IsSearchSpaceZero => Id == 0;

    /// <summary>
    /// The search space <paramref name="id"/> of <paramref name="pdcch"/> for <paramref name="role"/> ("ra", "paging"),
    /// or null with the reason when the receiver cannot monitor it (absent from the list, on a CORESET that is neither
    /// CORESET#0 nor commonControlResourceSet, or without candidates).
    /// </summary>
    public static UeSearchSpace? Resolve(PdcchConfigCommon pdcch, int id, string role, out string? problem)
    {
        problem = null;
        if (id == 0)
        {
            return new UeSearchSpace(0, $"common0 ({role})", []);
        }

        RrcSearchSpace? space = pdcch.CommonSearchSpaces.FirstOrDefault(s => s.Id == id);
        if (space is null)
        {
            problem = $"{role}-SearchSpace {id} is not in commonSearchSpaceList";
            return null;
        }

        RrcControlResourceSet? coreset = null;
        if (space.ControlResourceSetId is not 0)
        {
            if (space.ControlResourceSetId is int c && pdcch.CommonControlResourceSet is { } common && common.Id == c)
            {
                coreset = common;
            }
            else
            {
                problem = space.ControlResourceSetId is int other
                    ? $"{role}-SearchSpace {id} is on CORESET {other}, which is neither CORESET#0 nor commonControlResourceSet{(pdcch.CommonControlResourceSet is { } cc ? $" (id {cc.Id})" : " (absent)")}"
                    : $"{role}-SearchSpace {id} names no controlResourceSetId";
                return null;
            }
        }

        if (space.Candidates is not { Count: 5 } candidates || candidates.All(c => c == 0))
        {
            problem = $"{role}-SearchSpace {id} has no PDCCH candidates (nrofCandidates)";
            return null;
        }

        // monitoringSymbolsWithinSlot: 14 bits, the most significant bit is symbol 0; absent means symbol 0.
        int bitmap = space.MonitoringSymbols ?? (1 << 13);
        int period = space.PeriodSlots ?? 1;
        var occasions = new List<SearchSpaceConfiguration>();
        for (int symbol = 0; symbol < 14; symbol++)
        {
            if ((bitmap & (1 << (13 - symbol))) != 0)
            {
                occasions.Add(new SearchSpaceConfiguration(id, true, period, space.OffsetSlots ?? 0, space.Duration ?? 1, symbol, [.. candidates]));
            }
        }

        if (occasions.Count == 0)
        {
            problem = $"{role}-SearchSpace {id} monitors no symbol (monitoringSymbolsWithinSlot 0)";
            return null;
        }

        return new UeSearchSpace(id, coreset is null ? $"common{id} ({role})" : $"common{id} ({role}, CORESET#{coreset.Id})", occasions, coreset);
    }
}
