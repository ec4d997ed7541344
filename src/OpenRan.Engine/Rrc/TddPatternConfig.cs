namespace OpenRan.Engine.Rrc;

/// <summary>A TDD-UL-DL-Pattern.</summary>
public sealed record TddPatternConfig(double PeriodicityMs, int DownlinkSlots, int DownlinkSymbols, int UplinkSlots, int UplinkSymbols);
