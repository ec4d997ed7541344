using System;
using System.Threading;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Sweeps;

/// <summary>
/// A stand-in link: each slot fails with probability 1/(1 + 10^((SNR − 2)/2)), drawn from the unit's noise stream, with a
/// transport block of 1000 bits and no HARQ. Deterministic per work unit, like a real link simulator.
/// </summary>
internal sealed class FakeLinkSimulator : IWorkUnitSimulator
{
    private static int s_instances;
    private readonly RandomStream _random = new(0);

    public FakeLinkSimulator() => Interlocked.Increment(ref s_instances);

    public static int Instances => s_instances;

    public Func<WorkUnit, bool>? FailOn { get; init; }

    public LinkCounters Run(in WorkUnit unit)
    {
        if (FailOn?.Invoke(unit) == true)
        {
            throw new InvalidOperationException("simulated failure");
        }

        _random.Reset(unit.StreamSeed(RandomStreamKind.Noise));
        double p = 1 / (1 + Math.Pow(10, (unit.SnrDb - 2) / 2));
        long errors = 0;
        for (int s = 0; s < unit.SlotCount; s++)
        {
            errors += _random.NextDouble() < p ? 1 : 0;
        }

        return new LinkCounters
        {
            Slots = unit.SlotCount,
            Transmissions = unit.SlotCount,
            TransmissionErrors = errors,
            TransportBlocks = unit.SlotCount,
            ResidualErrors = errors,
            DecodedBits = (unit.SlotCount - errors) * 1000,
            OfferedBits = unit.SlotCount * 1000L,
        };
    }
}
