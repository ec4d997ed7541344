using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The whole PUSCH transmit chain against Sionna's transmitter grids (<c>sionna/nr/pusch_transmitter</c>, README §1.8):
/// <see cref="SharedChannelTransmitter"/> encodes <c>tb_bits</c> (UL-SCH with the JSON's target code rate, rv 0), scrambles,
/// modulates, layer-maps, precodes (codebook TPMI or non-codebook) and maps data and DM-RS; every resource element of
/// every antenna port must equal the reference grid within 1e-6.
/// </summary>
public sealed class PuschTransmitterGridCheck : SionnaPuschTransmitterCheck
{
    /// <inheritdoc />
    public override string Category => "pusch-transmitter-grid";

    /// <inheritdoc />
    public override string Description => "Sionna PUSCH transport block → grid, 1-4 layers, codebook and non-codebook (TS 38.212 §6.2, TS 38.211 §6.3.1)";

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        var processor = new SharedChannelTransmitter(configuration.LayerCount);
        var grid = new ResourceGrid(configuration.AntennaPortCount, 14, configuration.NSizeGrid * NrConstants.SubcarriersPerRb);
        processor.Process(configuration, vector.TransportBlock, 0, vector.Slot, grid);
        string? diff = FirstDifference(vector, grid, (_, _) => true);
        return diff is null
            ? CaseResult.Pass($"TBS {vector.TransportBlock.Length}, {configuration.Modulation}, {configuration.LayerCount} layer(s) on {configuration.AntennaPortCount} port(s), {configuration.TransmissionScheme}")
            : CaseResult.Fail(diff);
    }
}
