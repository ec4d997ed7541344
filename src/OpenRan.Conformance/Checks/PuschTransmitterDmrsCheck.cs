using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The DM-RS resource elements of Sionna's PUSCH transmitter grids (<c>sionna/nr/pusch_transmitter</c>, README §1.8):
/// the precoded DM-RS (TS 38.211 §6.4.1.1, §6.3.1.5) of every configuration must equal the reference grid within 1e-6
/// on every DM-RS symbol element of the CDM groups without data (including the empty ones). Data elements need the
/// transport-block encoder and are checked by the chain check.
/// </summary>
public sealed class PuschTransmitterDmrsCheck : SionnaPuschTransmitterCheck
{
    /// <inheritdoc />
    public override string Category => "pusch-transmitter-dmrs";

    /// <inheritdoc />
    public override string Description => "DM-RS elements of Sionna PUSCH transmitter grids, 1-4 layers, codebook and non-codebook (TS 38.211 §6.4.1.1)";

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        configuration.ThrowIfInvalid();
        SharedChannelLayout layout = configuration.BuildLayout();
        var layers = new ResourceGrid(configuration.LayerCount, 14, configuration.NSizeGrid * 12);
        var ports = new ResourceGrid(configuration.AntennaPortCount, 14, configuration.NSizeGrid * 12);
        new SharedChannelReferenceSignals().MapDmrs(layers, layout, vector.Slot, configuration.Dmrs.Beta);
        SharedChannelDataMapper.Precode(layout, configuration.Precoding, layers, ports);
        string? diff = FirstDifference(vector, ports, (l, k) => layout.Kinds(l)[k] is ResourceElementKind.Dmrs or ResourceElementKind.DmrsCdmNoData);
        return diff is null
            ? CaseResult.Pass($"{configuration.LayerCount} layer(s) on {configuration.AntennaPortCount} port(s), {configuration.TransmissionScheme}, DM-RS mask 0x{layout.DmrsSymbolMask:X}")
            : CaseResult.Fail(diff);
    }
}
