using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;

namespace OpenRan.Fuzz.Targets;

/// <summary>The PDSCH receiver (<see cref="SharedChannelReceiver"/>) on arbitrary received grids.</summary>
internal sealed class PdschTarget : SharedChannelTarget<PdschConfiguration>
{
    public override string Name => "pdsch";

    public override string Description => "byte 0: configuration, 1: sample format, 2: slot, 3: rv; the rest is the received grid for PdschReceiver.Receive";

    protected override IReadOnlyList<(PdschConfiguration Configuration, int RxPorts)> Configurations { get; } =
    [
        (new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 52,
            NSizeBwp = 52,
            PrbSet = [.. Enumerable.Range(2, 24), .. Enumerable.Range(30, 12)],
            StartSymbol = 1,
            SymbolCount = 13,
            Modulation = ModulationScheme.Qpsk,
            TargetCodeRate = 0.4,
            NRnti = 0x4601,
            NId = 77,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0], ScramblingId0 = 12, ScramblingId1 = 12 },
            ReservedResources = [ReservedResource.Blocks([4, 5, 6], 1 << 12, 0b000100100000)],
        }, 1),
        (new PdschConfiguration
        {
            NSizeGrid = 51,
            NSizeBwp = 51,
            PrbSet = [.. Enumerable.Range(0, 51)],
            Modulation = ModulationScheme.Qam256,
            TargetCodeRate = 0.75,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 0, Ports = [0] },
            Ptrs = new PtrsConfiguration { TimeDensity = 1, FrequencyDensity = 2 },
        }, 1),
        (new PdschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 25,
            NSizeBwp = 25,
            PrbSet = [.. Enumerable.Range(0, 25)],
            Modulation = ModulationScheme.Qam64,
            TargetCodeRate = 0.5,
            LayerCount = 4,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0, 1, 2, 3] },
        }, 4),
    ];

    protected override SharedChannelReceiver CreateReceiver() => new SharedChannelReceiver(4, 4);

    protected override SharedChannelTransmitter CreateTransmitter() => new SharedChannelTransmitter(4);
}
