namespace OpenRan.Engine.Ue.Runtime;

/// <summary>How a run of the UE runtime ended.</summary>
public enum UeOutcome
{
    /// <summary>The requested air time ran with the cell followed.</summary>
    Completed,

    /// <summary>Stopped on request (SIGINT, <see cref="UeEngine.Stop"/>).</summary>
    Stopped,

    /// <summary>No SS/PBCH block with a valid PBCH within the sync timeout.</summary>
    NoCell,

    /// <summary>A cell was found but its PCI is not the configured one.</summary>
    PciMismatch,

    /// <summary>The radio delivered no samples for the stream timeout (the peer stopped or the device is gone).</summary>
    RadioGone,

    /// <summary>The cell's SS/PBCH blocks were no longer detected for the configured number of periods.</summary>
    LostCell,
}
