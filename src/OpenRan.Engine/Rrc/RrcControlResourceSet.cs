namespace OpenRan.Engine.Rrc;

/// <summary>A ControlResourceSet (TS 38.331): id, frequencyDomainResources (45 bits, MSB = RBs 0..5), duration, mapping.</summary>
public sealed record RrcControlResourceSet(int Id, ulong FrequencyDomainResources, int Duration, bool Interleaved, int RegBundleSize, int InterleaverSize, int? ShiftIndex, bool AllContiguousRbs, int? DmrsScramblingId);
