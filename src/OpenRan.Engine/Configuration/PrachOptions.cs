namespace OpenRan.Engine.Configuration;

/// <summary>The <c>prach:</c> section (RACH-ConfigCommon / RACH-ConfigGeneric).</summary>
public sealed record PrachOptions
{
    /// <summary>prach-ConfigurationIndex, 0..255.</summary>
    public int ConfigIndex { get; init; } = 16;

    /// <summary>prach-RootSequenceIndex: 0..837 (L = 839) or 0..137 (L = 139).</summary>
    public int RootSequenceIndex { get; init; } = 1;

    /// <summary>zeroCorrelationZoneConfig, 0..15.</summary>
    public int ZeroCorrelationZone { get; init; }

    /// <summary>msg1-FrequencyStart, 0..274.</summary>
    public int FrequencyStart { get; init; }

    /// <summary>
    /// The most transmissions of a Msg3 (the first one, granted by the RAR, and its retransmissions on DCI 0_0 with the
    /// TC-RNTI, TS 38.213 §8.3, TS 38.321 §5.4.2.1), 1..8.
    /// </summary>
    public int Msg3MaxTransmissions { get; init; } = 4;

    /// <summary>Whether PRACH occasions are searched (needs the PRACH detector).</summary>
    public bool Enabled { get; init; } = true;
}
