namespace OpenRan.Simulation.Sweeps;

/// <summary>Progress of a sweep, reported after every finished work unit.</summary>
/// <param name="PointIndex">The SNR point whose batch finished.</param>
/// <param name="SnrDb">Its SNR in dB.</param>
/// <param name="SlotsDone">Slots of that point counted so far (its completed prefix of batches).</param>
/// <param name="MaxSlots">The most slots the point can take in this run (shard).</param>
/// <param name="TransmissionErrors">Transmission errors counted so far at that point.</param>
/// <param name="PointFinished">True when the point has met its stopping rule.</param>
/// <param name="PointsFinished">Points finished so far.</param>
/// <param name="PointCount">Points in the sweep.</param>
public sealed record SweepProgress(int PointIndex, double SnrDb, long SlotsDone, long MaxSlots, long TransmissionErrors, bool PointFinished, int PointsFinished, int PointCount);
