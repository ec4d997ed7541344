namespace OpenRan.Simulation.Sweeps;

/// <summary>Simulates work units. One instance per worker thread (instances are not thread-safe).</summary>
public interface IWorkUnitSimulator
{
    /// <summary>Runs <paramref name="unit"/> from a fresh state (everything re-seeded from the unit) and returns its counts.</summary>
    LinkCounters Run(in WorkUnit unit);
}
