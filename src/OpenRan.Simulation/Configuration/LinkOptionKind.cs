namespace OpenRan.Simulation.Configuration;

/// <summary>How many values an option takes.</summary>
public enum LinkOptionKind
{
    /// <summary>Exactly one value.</summary>
    Scalar,

    /// <summary>One or more values (YAML sequence, or comma-separated on the command line).</summary>
    List,

    /// <summary>A boolean (a CLI switch; true/false in YAML).</summary>
    Flag,
}
