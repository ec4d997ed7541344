using System.Collections.Generic;

namespace OpenRan.Engine.Rrc;

/// <summary>PDCCH-ConfigCommon: CORESET#0, the common CORESET, searchSpaceZero, common search spaces and the ones SIB1, other SI, paging and RA use.</summary>
public sealed record PdcchConfigCommon(int? ControlResourceSetZero, RrcControlResourceSet? CommonControlResourceSet, int? SearchSpaceZero, IReadOnlyList<RrcSearchSpace> CommonSearchSpaces, int? SearchSpaceSib1, int? SearchSpaceOtherSystemInformation, int? PagingSearchSpace, int? RaSearchSpace);
