namespace OpenRan.Engine.Capture;

/// <summary>The direction of a MAC PDU in a capture.</summary>
public enum MacNrDirection
{
    /// <summary>UE to gNB.</summary>
    Uplink = 0,

    /// <summary>gNB to UE.</summary>
    Downlink = 1,
}
