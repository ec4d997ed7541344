using System.Collections.Generic;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// Decides what each slot carries. The engine asks for each downlink slot k slots ahead of the air; the scheduler fills
/// the downlink plan and, through <see cref="IUplinkPlanner"/>, the uplink slots its grants point at. The PHY never calls
/// into the scheduler's internals: it returns results as values. The built-in PhyTestScheduler implements
/// this now; an SCF FAPI P7 adaptor for an external MAC replaces it later. Calls come from the engine's slot thread only,
/// in slot order, and must not allocate, lock or throw.
/// </summary>
public interface ISlotScheduler
{
    /// <summary>The largest number of slots between a downlink slot and an uplink slot it plans (k2 or PUCCH k1).</summary>
    int UplinkHorizonSlots { get; }

    /// <summary>Fills <paramref name="downlink"/> (already reset to <paramref name="slot"/>) and plans uplink slots through <paramref name="uplink"/>.</summary>
    void ScheduleDownlink(SlotPoint slot, DownlinkSlotPlan downlink, IUplinkPlanner uplink);

    /// <summary>The uplink slot of <paramref name="results"/> was received and processed (or its work was dropped: results marked late).</summary>
    void OnUplinkResults(UplinkSlotResults results);

    /// <summary>The downlink slot's PDCCH/PDSCH were not transmitted (late work replaced by SS/PBCH only).</summary>
    void OnDownlinkDropped(DownlinkSlotPlan downlink);

    /// <summary>
    /// Every PDSCH/PUSCH configuration instance the scheduler may put in a PDU, for the engine to prepare in each processor
    /// before the radio starts (so a procedure's first slot, such as a first random access, allocates nothing). Read once at
    /// start-up; none by default (a scheduler that cannot know them in advance).
    /// </summary>
    IEnumerable<SharedChannelConfiguration> SharedChannelConfigurations => [];
}
