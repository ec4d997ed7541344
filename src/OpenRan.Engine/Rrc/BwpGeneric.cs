namespace OpenRan.Engine.Rrc;

/// <summary>A BWP's generic parameters: locationAndBandwidth (RIV over 275 RBs, TS 38.214 §5.1.2.2.2) decoded, SCS, extended CP.</summary>
public sealed record BwpGeneric(int LocationAndBandwidth, int StartRb, int RbCount, int SubcarrierSpacingKhz, bool ExtendedCyclicPrefix);
