using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Fuzz.Targets;

/// <summary>The PUSCH receiver (<see cref="SharedChannelReceiver"/>) on arbitrary received grids.</summary>
internal sealed class PuschTarget : SharedChannelTarget<PuschConfiguration>
{
    public override string Name => "pusch";

    public override string Description => "byte 0: configuration, 1: sample format, 2: slot, 3: rv; the rest is the received grid for PuschReceiver.Receive";

    protected override IReadOnlyList<(PuschConfiguration Configuration, int RxPorts)> Configurations { get; } =
    [
        (new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 24,
            NSizeBwp = 24,
            PrbSet = [.. Enumerable.Range(0, 24)],
            Modulation = ModulationScheme.Qpsk,
            TargetCodeRate = 0.3,
            NRnti = 0x4601,
            NId = 17,
            Dmrs = new DmrsConfiguration { Ports = [0], ScramblingId0 = 17, ScramblingId1 = 17 },
        }, 1),
        (new PuschConfiguration
        {
            NSizeGrid = 25,
            NSizeBwp = 25,
            PrbSet = [.. Enumerable.Range(0, 25)],
            Modulation = ModulationScheme.Qam16,
            TargetCodeRate = 0.5,
            LayerCount = 2,
            AntennaPortCount = 2,
            Dmrs = new DmrsConfiguration { ConfigurationType = DmrsConfigurationType.Type2, CdmGroupsWithoutData = 2, AdditionalPosition = 2, Ports = [0, 1] },
        }, 2),
        (new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 48,
            NSizeBwp = 48,
            PrbSet = [.. Enumerable.Range(0, 48)],
            Modulation = ModulationScheme.Qam64,
            TargetCodeRate = 0.6,
            TransformPrecoding = true,
            TransformPrecodingDmrs = new TransformPrecodingDmrs { NIdRs = 501, GroupHopping = true },
            NRnti = 1234,
            NId = 501,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 1, Ports = [0], ScramblingId0 = 501, ScramblingId1 = 501 },
        }, 1),
        (new PuschConfiguration
        {
            Numerology = 1,
            NSizeGrid = 51,
            NSizeBwp = 51,
            PrbSet = [.. Enumerable.Range(5, 40)],
            Modulation = ModulationScheme.Qam256,
            TargetCodeRate = 0.8,
            LayerCount = 1,
            AntennaPortCount = 1,
            Dmrs = new DmrsConfiguration { AdditionalPosition = 3, Ports = [0] },
        }, 1),
    ];

    protected override SharedChannelReceiver CreateReceiver() => new SharedChannelReceiver(4, 4);

    protected override SharedChannelTransmitter CreateTransmitter() => new SharedChannelTransmitter(4);
}
