using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Capture;

/// <summary>
/// Receives every transport block the engine transmits or decodes (pcap writers, tests). Called on the slot thread:
/// implementations copy what they need into preallocated storage and return without blocking or allocating.
/// </summary>
public interface ITransportBlockSink
{
    /// <summary>A downlink transport block was put on air in <paramref name="slot"/>.</summary>
    void OnDownlink(SlotPoint slot, PdschPdu pdu);

    /// <summary>An uplink transport block was decoded (CRC passed) in <paramref name="slot"/>.</summary>
    void OnUplink(SlotPoint slot, PuschResult result);
}
