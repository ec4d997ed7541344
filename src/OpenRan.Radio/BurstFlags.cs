using System;

namespace OpenRan.Radio;

/// <summary>Burst delimiters carried by a block of samples.</summary>
[Flags]
public enum BurstFlags
{
    /// <summary>A block inside a continuous stream.</summary>
    None = 0,

    /// <summary>The first block of a burst: the radio starts transmitting (or receiving) at the block's timestamp.</summary>
    StartOfBurst = 1,

    /// <summary>The last block of a burst: after it the transmitter is idle until the next start of burst.</summary>
    EndOfBurst = 2,
}
