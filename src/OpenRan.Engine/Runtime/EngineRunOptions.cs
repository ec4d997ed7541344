using OpenRan.Engine.Capture;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Runtime;

/// <summary>How a <see cref="GnbEngine"/> runs (the cell configuration holds the rest).</summary>
public sealed record EngineRunOptions
{
    /// <summary>Real time or virtual time.</summary>
    public DeadlineMode Deadlines { get; init; } = DeadlineMode.RealTime;

    /// <summary>
    /// G: downlink slot n + 1 + G must be with the radio once uplink slot n has been received (0..k − 1). The rest of the
    /// transmit advance k is the processing budget of a downlink slot.
    /// </summary>
    public int GuardSlots { get; init; } = 1;

    /// <summary>Warm-up rounds of every processor before the radio starts (JIT, per-instance caches).</summary>
    public int WarmUpRounds { get; init; } = 2;

    /// <summary>A scheduler used only to make warm-up slots (a fresh instance of the real one), or null for SS/PBCH only.</summary>
    public ISlotScheduler? WarmUpScheduler { get; init; }

    /// <summary>Where transmitted and decoded transport blocks go (pcap), or null.</summary>
    public ITransportBlockSink? Capture { get; init; }

    /// <summary>Fault injection (tests), or null.</summary>
    public IEngineFaults? Faults { get; init; }

    /// <summary>
    /// Called on the slot thread after each slot with its index (per-slot observers such as per-second reports); must not
    /// block or allocate.
    /// </summary>
    public System.Action<long>? SlotCompleted { get; init; }

    /// <summary>Slots the engine drops PDCCH/PDSCH/PUSCH work for after the radio reports Late, Underflow or Overflow.</summary>
    public int ShedSlotsAfterRadioFault { get; init; } = 10;
}
