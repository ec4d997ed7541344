using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH DM-RS (TS 38.211 §6.4.1.1) and its codebook precoding (§6.3.1.5) against Sionna (<c>sionna/nr/pusch_dmrs</c>,
/// README §1.9): <c>reference_dmrs_{1,2}.npy</c> hold, per (cell, slot, port), the non-zero pilots of symbols 2, 3, 10, 11
/// divided by √3; <c>pusch_dmrs_precoded_{L}_layer_{P}_ports.npy</c> hold the precoded DM-RS grid of every TPMI divided
/// by √3. Tolerance 1e-6.
/// </summary>
/// <remarks>
/// Configurations from Sionna's <c>test_pusch_config.py</c>: type 2, three CDM groups without data, double-symbol,
/// mapping type A symbols 0..13 (dmrs-TypeA-Position 2), N_ID^0 = N_ID^1 = 4 (8 for the precoded files), n_SCID 0;
/// reference files: n_size_grid 1 and 4, cells [0, 1, 10, 24, 99, 1006], slots [0, 1, 5, 9], ports [0, 3, 4, 9, 11],
/// additional position 1; precoded files: 1 PRB, slot 1, additional position 0, ports 0..L−1.
/// </remarks>
public sealed class PuschDmrsCheck : IConformanceCheck
{
    /// <summary>Complex tolerance.</summary>
    public const double Tolerance = 1e-6;

    private static readonly int[] s_cells = [0, 1, 10, 24, 99, 1006];
    private static readonly int[] s_slots = [0, 1, 5, 9];
    private static readonly int[] s_ports = [0, 3, 4, 9, 11];

    /// <inheritdoc />
    public string Category => "pusch-dmrs";

    /// <inheritdoc />
    public string Description => "PUSCH DM-RS, double-symbol type 2, all TPMI precoders (TS 38.211 §6.4.1.1, §6.3.1.5)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/pusch_dmrs";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.npy");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        string name = Path.GetFileNameWithoutExtension(caseId);
        NpyArray array = NpyArray.Load(caseId);
        return name.StartsWith("reference_dmrs_", StringComparison.Ordinal) ? RunReference(name, array) : RunPrecoded(name, array);
    }

    private static CaseResult RunReference(string name, NpyArray array)
    {
        int prbs = name.EndsWith("_1", StringComparison.Ordinal) ? 1 : 4;
        Complex[] all = array.ToComplexArray();
        int rows = array.Shape[0];
        int columns = array.Shape[1];
        var signals = new SharedChannelReferenceSignals();
        var grid = new ResourceGrid(1, 14, prbs * 12);
        for (int c = 0; c < s_cells.Length; c++)
        {
            for (int s = 0; s < s_slots.Length; s++)
            {
                for (int p = 0; p < s_ports.Length; p++)
                {
                    int column = (((c * 4) + s) * 5) + p;
                    PuschConfiguration configuration = Configuration(prbs, s_cells[c], additionalPosition: 1, scramblingId: 4, layers: 1, [s_ports[p]]);
                    SharedChannelLayout layout = configuration.BuildLayout();
                    grid.Configure(1, 14, prbs);
                    signals.MapDmrs(grid, layout, s_slots[s], configuration.Dmrs.Beta);
                    var actual = new List<ComplexF32>();
                    int group = DmrsPortTable.CdmGroup(DmrsConfigurationType.Type2, s_ports[p]);
                    foreach (int l in (int[])[2, 3, 10, 11])
                    {
                        for (int k = 0; k < prbs * 12; k++)
                        {
                            if (SharedChannelLayout.CdmGroupOf(DmrsConfigurationType.Type2, k % 12) == group)
                            {
                                actual.Add(grid[0, l, k] * (1f / MathF.Sqrt(3)));
                            }
                        }
                    }

                    Complex[] expected = [.. Enumerable.Range(0, rows).Select(r => all[(r * columns) + column])];
                    string? diff = Compare.FirstDifference(actual.ToArray(), expected, Tolerance, $"{name} column {column} (cell {s_cells[c]}, slot {s_slots[s]}, port {s_ports[p]})");
                    if (diff is not null)
                    {
                        return CaseResult.Fail(diff);
                    }
                }
            }
        }

        return CaseResult.Pass($"{columns} (cell, slot, port) columns, {prbs} PRB");
    }

    private static CaseResult RunPrecoded(string name, NpyArray array)
    {
        // pusch_dmrs_precoded_{L}_layer_{P}_ports
        string[] parts = name.Split('_');
        int layers = int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        int ports = int.Parse(parts[5], System.Globalization.CultureInfo.InvariantCulture);
        int tpmiCount = array.Shape[0];
        if (tpmiCount != PrecodingMatrix.CodebookSize(layers, ports, transformPrecoding: false))
        {
            return CaseResult.Fail($"{name}: {tpmiCount} TPMIs in the file, codebook has {PrecodingMatrix.CodebookSize(layers, ports, false)}");
        }

        Complex[] all = array.ToComplexArray();
        var signals = new SharedChannelReferenceSignals();
        var layerGrid = new ResourceGrid(layers, 14, 12);
        var portGrid = new ResourceGrid(ports, 14, 12);
        for (int tpmi = 0; tpmi < tpmiCount; tpmi++)
        {
            PuschConfiguration configuration = Configuration(1, 1, additionalPosition: 0, scramblingId: 8, layers, [.. Enumerable.Range(0, layers)]) with
            {
                AntennaPortCount = ports,
                TransmissionScheme = PuschTransmissionScheme.Codebook,
                Tpmi = tpmi,
            };
            configuration.ThrowIfInvalid();
            SharedChannelLayout layout = configuration.BuildLayout();
            layerGrid.Configure(layers, 14, 1);
            portGrid.Configure(ports, 14, 1);
            signals.MapDmrs(layerGrid, layout, 1, configuration.Dmrs.Beta);
            SharedChannelDataMapper.Precode(layout, configuration.Precoding, layerGrid, portGrid);
            for (int p = 0; p < ports; p++)
            {
                // Entry (tpmi, p, k, l) at ((tpmi·P + p)·12 + k)·14 + l.
                var actual = new ComplexF32[12 * 14];
                var expected = new Complex[12 * 14];
                for (int k = 0; k < 12; k++)
                {
                    for (int l = 0; l < 14; l++)
                    {
                        actual[(k * 14) + l] = portGrid[p, l, k] * (1f / MathF.Sqrt(3));
                        expected[(k * 14) + l] = all[(((((tpmi * ports) + p) * 12) + k) * 14) + l];
                    }
                }

                string? diff = Compare.FirstDifference(actual, expected, Tolerance, $"{name} TPMI {tpmi} port {p} [k·14 + l]");
                if (diff is not null)
                {
                    return CaseResult.Fail(diff);
                }
            }
        }

        return CaseResult.Pass($"{tpmiCount} TPMIs, {layers} layer(s) on {ports} ports");
    }

    private static PuschConfiguration Configuration(int prbs, int cellId, int additionalPosition, int scramblingId, int layers, int[] dmrsPorts) => new()
    {
        NSizeGrid = prbs,
        NSizeBwp = prbs,
        NIdCell = cellId,
        NId = cellId,
        PrbSet = [.. Enumerable.Range(0, prbs)],
        LayerCount = layers,
        AntennaPortCount = layers,
        Dmrs = new DmrsConfiguration
        {
            ConfigurationType = DmrsConfigurationType.Type2,
            CdmGroupsWithoutData = 3,
            Length = 2,
            AdditionalPosition = additionalPosition,
            ScramblingId0 = scramblingId,
            ScramblingId1 = scramblingId,
            Ports = dmrsPorts,
        },
    };
}
