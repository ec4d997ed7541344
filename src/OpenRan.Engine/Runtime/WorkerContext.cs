using OpenRan.Engine.Configuration;
using OpenRan.Engine.Processing;

namespace OpenRan.Engine.Runtime;

/// <summary>The processor instances one thread owns (processors are not thread-safe): a downlink and an uplink slot processor.</summary>
internal sealed class WorkerContext(CellSetup cell, int maxTransportBlockBytes)
{
    public DownlinkSlotProcessor Downlink { get; } = new(cell, maxTransportBlockBytes);

    public UplinkSlotProcessor Uplink { get; } = new(cell, maxTransportBlockBytes);
}
