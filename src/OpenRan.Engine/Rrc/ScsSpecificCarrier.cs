namespace OpenRan.Engine.Rrc;

/// <summary>An SCS-SpecificCarrier: offsetToCarrier (RBs from point A), subcarrier spacing in kHz, carrier bandwidth in RBs.</summary>
public sealed record ScsSpecificCarrier(int OffsetToCarrier, int SubcarrierSpacingKhz, int CarrierBandwidth);
