namespace OpenRan.Simulation.Sweeps;

/// <summary>The counts of one batch of one SNR point.</summary>
/// <param name="PointIndex">SNR point index.</param>
/// <param name="BatchIndex">Batch index within the point.</param>
/// <param name="Counters">The batch's counts.</param>
public readonly record struct BatchRecord(int PointIndex, int BatchIndex, LinkCounters Counters);
