namespace OpenRan.Engine.Configuration;

/// <summary>The <c>antennas:</c> section.</summary>
public sealed record AntennaOptions
{
    /// <summary>Transmit antennas (radio TX channels), 1..4.</summary>
    public int Tx { get; init; } = 1;

    /// <summary>Receive antennas (radio RX channels), 1..4.</summary>
    public int Rx { get; init; } = 1;
}
