namespace OpenRan.Engine.Scheduling;

/// <summary>Hands the scheduler the preallocated uplink plan of a future slot, so a grant and its PUSCH are planned together.</summary>
public interface IUplinkPlanner
{
    /// <summary>The plan of uplink slot <paramref name="slotIndex"/> (later than the downlink slot being planned, within the engine's uplink horizon).</summary>
    UplinkSlotPlan PlanFor(long slotIndex);
}
