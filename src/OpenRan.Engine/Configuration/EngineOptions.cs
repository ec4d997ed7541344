namespace OpenRan.Engine.Configuration;

/// <summary>The <c>engine:</c> section.</summary>
public sealed record EngineOptions
{
    /// <summary>k: the downlink of slot n + k is prepared while slot n is received (1..16).</summary>
    public int TxAdvanceSlots { get; init; } = 4;

    /// <summary>Worker threads (0 = everything on the slot thread).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Slots an uplink decode may take after its slot was received (null = the transmit advance).</summary>
    public int? UplinkBudgetSlots { get; init; }

    /// <summary>SFN of the first slot.</summary>
    public int StartSfn { get; init; }

    /// <summary>LDPC decoder iterations for PUSCH.</summary>
    public int LdpcIterations { get; init; } = 6;
}
