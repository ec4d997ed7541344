using System.Collections.Generic;

namespace OpenRan.Engine.Rrc;

/// <summary>One PLMN-IdentityInfo: PLMNs, tracking area code, RAN area code, cell identity (36 bits), reserved for operator use.</summary>
public sealed record PlmnIdentityInfo(IReadOnlyList<PlmnIdentity> Plmns, int? TrackingAreaCode, int? RanAreaCode, long CellIdentity, bool CellReservedForOperatorUse);
