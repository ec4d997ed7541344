using System.Collections.Generic;

namespace OpenRan.Engine.Rrc;

/// <summary>A SearchSpace (TS 38.331): id, CORESET, monitoring period and offset in slots, duration, symbols, candidates per aggregation level, common or UE-specific.</summary>
public sealed record RrcSearchSpace(int Id, int? ControlResourceSetId, int? PeriodSlots, int? OffsetSlots, int? Duration, int? MonitoringSymbols, IReadOnlyList<int>? Candidates, string? Type);
