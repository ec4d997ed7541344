namespace OpenRan.Simulation.Reporting;

/// <summary>How a sweep's 70 % throughput point compares with a requirement.</summary>
public enum RequirementVerdict
{
    /// <summary>The sweep has no requirement.</summary>
    NoRequirement,

    /// <summary>70 % is reached at or below the required SNR.</summary>
    Met,

    /// <summary>70 % is reached only above the required SNR.</summary>
    Missed,

    /// <summary>70 % is reached at the lowest SNR simulated, which is above the requirement: simulate lower SNRs.</summary>
    Undetermined,

    /// <summary>70 % is not reached in the simulated SNR range.</summary>
    NotReached,
}
