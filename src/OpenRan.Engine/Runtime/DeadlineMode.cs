namespace OpenRan.Engine.Runtime;

/// <summary>How the engine treats work that is not finished when its slot's deadline comes.</summary>
public enum DeadlineMode
{
    /// <summary>
    /// The radio is real (or paced by the monotonic clock): unfinished work at its deadline is dropped and counted; the
    /// downlink slot goes out with SS/PBCH only.
    /// </summary>
    RealTime,

    /// <summary>
    /// The radio's clock advances only as the engine consumes samples (the free-running loopback radio, file replay): the
    /// engine waits for the work, so runs are deterministic whatever the machine load. Faults can still be injected.
    /// </summary>
    VirtualTime,
}
