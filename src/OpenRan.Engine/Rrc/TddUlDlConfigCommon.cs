namespace OpenRan.Engine.Rrc;

/// <summary>TDD-UL-DL-ConfigCommon.</summary>
public sealed record TddUlDlConfigCommon(int ReferenceSubcarrierSpacingKhz, TddPatternConfig Pattern1, TddPatternConfig? Pattern2);
