using System.Collections.Generic;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
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
public sealed class PuschTransmitterDmrsCheck : IConformanceCheck
{
    /// <summary>Complex tolerance (README §1.8 recipe: 1e-6).</summary>
    public const double Tolerance = 1e-6;

    /// <inheritdoc />
    public string Category => "pusch-transmitter-dmrs";

    /// <inheritdoc />
    public string Description => "DM-RS elements of Sionna PUSCH transmitter grids, 1-4 layers, codebook and non-codebook (TS 38.211 §6.4.1.1)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/pusch_transmitter";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        configuration.ThrowIfInvalid();
        SharedChannelLayout layout = configuration.BuildLayout();
        var layers = new ResourceGrid(configuration.LayerCount, 14, configuration.NSizeGrid * 12);
        var ports = new ResourceGrid(configuration.AntennaPortCount, 14, configuration.NSizeGrid * 12);
        new SharedChannelReferenceSignals().MapDmrs(layers, layout, vector.Slot, configuration.Dmrs.Beta);
        SharedChannelDataMapper.Precode(layout, configuration.Precoding, layers, ports);
        int count = 0;
        for (int l = 0; l < 14; l++)
        {
            System.ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
            for (int k = 0; k < kinds.Length; k++)
            {
                if (kinds[k] is not (ResourceElementKind.Dmrs or ResourceElementKind.DmrsCdmNoData))
                {
                    continue;
                }

                for (int p = 0; p < configuration.AntennaPortCount; p++)
                {
                    ComplexF32 actual = ports[p, l, k];
                    System.Numerics.Complex expected = vector.Grid(p, l, k);
                    double error = (new System.Numerics.Complex(actual.Re, actual.Im) - expected).Magnitude;
                    if (error > Tolerance * 2)
                    {
                        return CaseResult.Fail($"port {p}, symbol {l}, subcarrier {k}: {actual}, expected {expected} (|error| {error:G3})");
                    }

                    count++;
                }
            }
        }

        return CaseResult.Pass($"{count} DM-RS elements, {configuration.LayerCount} layer(s) on {configuration.AntennaPortCount} port(s), {configuration.TransmissionScheme}");
    }
}
