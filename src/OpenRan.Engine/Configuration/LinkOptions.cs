namespace OpenRan.Engine.Configuration;

/// <summary>One direction of the test UE's grants.</summary>
public sealed record LinkOptions
{
    /// <summary>MCS table: qam64, qam256, qam64LowSE.</summary>
    public string McsTable { get; init; } = "qam256";

    /// <summary>MCS index.</summary>
    public int Mcs { get; init; } = 20;

    /// <summary>First PRB of the grant (relative to the BWP = carrier).</summary>
    public int StartPrb { get; init; }

    /// <summary>PRBs of the grant; null = the rest of the carrier.</summary>
    public int? PrbCount { get; init; }

    /// <summary>Layers, 1..4.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>DCI format: 1_1 or 1_0 (downlink), 0_1 or 0_0 (uplink).</summary>
    public string? Dci { get; init; }
}
