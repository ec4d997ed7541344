namespace OpenRan.Radio;

/// <summary>The kinds of stream events. They are counted and logged, never thrown from the sample path.</summary>
public enum RadioEventKind
{
    /// <summary>A transmit block arrived after its timestamp had passed; its late part was not sent.</summary>
    Late,

    /// <summary>The transmitter ran out of samples and sent zeros (or nothing) in their place.</summary>
    Underflow,

    /// <summary>The receive ring was full: received samples were discarded, leaving a gap in timestamps.</summary>
    Overflow,

    /// <summary>Samples were lost for another reason (short or malformed transfer, write timeout, samples before the start time).</summary>
    Dropped,

    /// <summary>The peer or device went away (ZMQ peer silent, USB device unplugged).</summary>
    Disconnected,

    /// <summary>
    /// A stream made no progress for its whole timeout while there was work to do: a read got no samples, a write could
    /// not queue, or queued samples were not taken by the peer (a stalled or absent peer, a hung device).
    /// </summary>
    Stalled,
}
