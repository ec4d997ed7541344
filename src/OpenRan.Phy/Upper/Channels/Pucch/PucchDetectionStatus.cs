namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>The outcome of receiving one PUCCH occasion.</summary>
public enum PucchDetectionStatus
{
    /// <summary>Nothing was detected (discontinuous transmission): no UCI is reported.</summary>
    Dtx = 0,

    /// <summary>The UCI was detected and decoded: passed the DTX test and, where present, every UCI CRC.</summary>
    Valid = 1,

    /// <summary>A transmission was detected but its UCI failed a CRC: the bits are not reported as decoded.</summary>
    Invalid = 2,
}
