using System;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PDSCH from transport block to grid (TS 38.212 §7.2, TS 38.211 §7.3.1, §7.4.1.1) against MATLAB
/// (<c>py5gphy_matlab/pdsch/pdsch</c> and <c>pdsch_short</c>): for every slot, <see cref="SharedChannelTransmitter"/> encodes
/// <c>trblk_out</c> with the slot's redundancy version; its codeword must equal <c>RM_out</c>, the codeword scrambled,
/// modulated and layer-mapped must equal <c>layermap_out</c>, and the grid of every layer must equal <c>fd_slot_data</c>
/// within 1e-5 (DM-RS elements compared after the dataset's documented amplitude conversion,
/// <see cref="MatlabPdschCase.DmrsScaleToMatlab"/>).
/// </summary>
public sealed class PdschGridCheck : MatlabPdschCheck
{
    /// <summary>Complex tolerance, relative to the largest reference magnitude.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>Creates the check for one folder of <c>py5gphy_matlab/pdsch</c> (<c>pdsch</c> or <c>pdsch_short</c>).</summary>
    public PdschGridCheck(string folder)
        : base(folder, "grid", "PDSCH transport block → codeword → layers → grid, DM-RS (TS 38.212 §7.2, TS 38.211 §7.3.1, §7.4.1.1)")
    {
    }

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        MatlabPdschCase vector = MatlabPdschCase.Load(caseId);
        PdschConfiguration configuration = vector.Configuration;
        var processor = new SharedChannelTransmitter(configuration.LayerCount);
        SharedChannelLayout layout = processor.Modulator.Layout(configuration);
        var grid = new ResourceGrid(configuration.LayerCount, 14, vector.SubcarrierCount);
        int layers = configuration.LayerCount;
        byte[] transportBlock = vector.TransportBlock;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            byte[] codeword = vector.Codeword(slot);
            if (codeword.Length != processor.Modulator.CodewordLength(configuration))
            {
                return CaseResult.Fail($"slot {slot}: G = {processor.Modulator.CodewordLength(configuration)} computed, file has G_out = {codeword.Length}");
            }

            processor.Process(configuration, transportBlock, vector.RedundancyVersion(slot), slot, grid);
            string? diff = Compare.FirstDifference(processor.LastCodeword, codeword, $"slot {slot} (rv {vector.RedundancyVersion(slot)}) RM_out bit")
                ?? CompareLayers(vector, slot, codeword);
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            for (int v = 0; v < layers; v++)
            {
                Complex[] expected = vector.Grid(slot, v);
                ComplexF32[] actual = grid.Port(v).ToArray();
                ScaleDmrs(layout, actual, vector.DmrsScaleToMatlab, vector.SubcarrierCount);
                diff = Compare.FirstDifference(actual, expected, Tolerance, $"slot {slot} layer {v} grid (index l·K + k)");
                if (diff is not null)
                {
                    return CaseResult.Fail(diff);
                }
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture,
            $"{vector.SlotCount} slot(s), TBS {transportBlock.Length}, {layers} layer(s), {configuration.PrbSet.Count} PRB, symbols {configuration.StartSymbol}+{configuration.SymbolCount}, DM-RS mask 0x{layout.DmrsSymbolMask:X}"));
    }

    private static string? CompareLayers(MatlabPdschCase vector, int slot, byte[] codeword)
    {
        PdschConfiguration configuration = vector.Configuration;
        var scrambled = new byte[codeword.Length];
        new PseudoRandomSequence(configuration.ScramblingCInit).ApplyXor(codeword, scrambled);
        var symbols = new ComplexF32[codeword.Length / configuration.Modulation.BitsPerSymbol()];
        ModulationMapper.Map(scrambled, configuration.Modulation, symbols);
        var layered = new ComplexF32[symbols.Length];
        LayerMapper.Map<ComplexF32>(symbols, configuration.LayerCount, layered);
        int perLayer = symbols.Length / configuration.LayerCount;
        for (int v = 0; v < configuration.LayerCount; v++)
        {
            string? diff = Compare.FirstDifference(layered.AsSpan(v * perLayer, perLayer), vector.LayerSymbols(slot, v), Tolerance, $"slot {slot} layer {v} layermap_out");
            if (diff is not null)
            {
                return diff;
            }
        }

        return null;
    }

    private static void ScaleDmrs(SharedChannelLayout layout, Span<ComplexF32> port, float scale, int k)
    {
        for (int l = 0; l < layout.SymbolsPerSlot; l++)
        {
            ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
            for (int a = 0; a < kinds.Length; a++)
            {
                if (kinds[a] == ResourceElementKind.Dmrs)
                {
                    int index = (l * k) + layout.GridSubcarrierOfBlock(a / 12) + (a % 12);
                    port[index] *= scale;
                }
            }
        }
    }
}
