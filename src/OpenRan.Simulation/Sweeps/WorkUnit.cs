using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// One unit of a sweep: <see cref="SlotCount"/> consecutive slots at one SNR point, simulated from its own seed so that
/// the result does not depend on which thread, process or machine runs it, nor on the order.
/// </summary>
/// <param name="PointIndex">Index of the SNR point in the plan.</param>
/// <param name="SnrDb">The SNR in dB (see <see cref="Channels.SnrDefinition"/>).</param>
/// <param name="BatchIndex">Index of the batch within the point (0, 1, …).</param>
/// <param name="SlotCount">Slots to simulate.</param>
/// <param name="Seed">The batch seed, derived from the plan's master seed and the batch index.</param>
public readonly record struct WorkUnit(int PointIndex, double SnrDb, int BatchIndex, int SlotCount, ulong Seed)
{
    /// <summary>
    /// The seed of one random stream of this unit. Channel and data streams depend only on the batch (common random
    /// numbers across SNR points, which makes curves smooth and differences between receivers significant); the noise
    /// stream also depends on the SNR value (in millidecibels), not on its position in the SNR list.
    /// </summary>
    public ulong StreamSeed(RandomStreamKind kind) => kind == RandomStreamKind.Noise
        ? SeedSequence.Derive(Seed, (ulong)kind, unchecked((ulong)(long)System.Math.Round(SnrDb * 1000)))
        : SeedSequence.Derive(Seed, (ulong)kind);
}
