namespace OpenRan.Radio;

/// <summary>The direction of a stream, of a setting or of an event.</summary>
public enum StreamDirection
{
    /// <summary>From the radio to the caller (RX, uplink at a base station).</summary>
    Receive,

    /// <summary>From the caller to the radio (TX, downlink at a base station).</summary>
    Transmit,
}
