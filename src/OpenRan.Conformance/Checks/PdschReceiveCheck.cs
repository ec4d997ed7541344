using System;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PDSCH reception of MATLAB's reference grids (<c>py5gphy_matlab/pdsch/pdsch</c>, <c>pdsch_short</c>): every slot's
/// grid, brought to the specification's DM-RS amplitude (the inverse of <see cref="MatlabPdschCase.DmrsScaleToMatlab"/>),
/// passed through <see cref="TestChannel"/> noiseless and at 30 dB SNR, demodulated by <see cref="PdschDemodulator"/>
/// (channel estimation, MMSE, demapping, descrambling); the hard decisions of the codeword LLRs must equal
/// <c>RM_out</c> bit for bit.
/// </summary>
public sealed class PdschReceiveCheck : MatlabPdschCheck
{
    /// <summary>The noisy SNR, dB.</summary>
    public const double SnrDb = 30;

    /// <summary>Creates the check for one folder of <c>py5gphy_matlab/pdsch</c>.</summary>
    public PdschReceiveCheck(string folder)
        : base(folder, "receive", "PDSCH grid → codeword LLRs, noiseless and 30 dB (TS 38.211 §7.3.1 inverted)")
    {
    }

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        MatlabPdschCase vector = MatlabPdschCase.Load(caseId);
        PdschConfiguration configuration = vector.Configuration;
        int layers = configuration.LayerCount;
        var demodulator = new PdschDemodulator(layers, layers);
        SharedChannelLayout layout = demodulator.Layout(configuration);
        var transmitted = new ResourceGrid(layers, 14, vector.SubcarrierCount);
        var received = new ResourceGrid(layers, 14, vector.SubcarrierCount);
        string detail = string.Empty;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            byte[] codeword = vector.Codeword(slot);
            var llrs = new sbyte[codeword.Length];
            for (int v = 0; v < layers; v++)
            {
                Complex[] reference = vector.Grid(slot, v);
                Span<ComplexF32> port = transmitted.Port(v);
                for (int i = 0; i < port.Length; i++)
                {
                    port[i] = ComplexF32.FromComplex(reference[i]);
                }
            }

            ToSpecificationDmrs(layout, transmitted, 1f / vector.DmrsScaleToMatlab);
            foreach (double snr in (double[])[double.PositiveInfinity, SnrDb])
            {
                TestChannel.Apply(transmitted, snr, seed: slot + 1, received);
                SharedChannelMeasurements measurements = demodulator.Demodulate(configuration, received, slot, llrs);
                int errors = CountErrors(llrs, codeword);
                if (errors > 0)
                {
                    return CaseResult.Fail($"slot {slot}, SNR {snr} dB: {errors} of {codeword.Length} codeword bits wrong ({measurements})");
                }

                detail = $"SINR {measurements.SinrDb:F1} dB, EVM {measurements.EvmPercent:F2} % at {snr} dB";
            }
        }

        return CaseResult.Pass($"{vector.SlotCount} slot(s), {layers} layer(s); {detail}");
    }

    /// <summary>Number of positions where the hard decision of <paramref name="llrs"/> differs from <paramref name="bits"/>.</summary>
    public static int CountErrors(System.ReadOnlySpan<sbyte> llrs, System.ReadOnlySpan<byte> bits)
    {
        int errors = 0;
        for (int i = 0; i < bits.Length; i++)
        {
            errors += LogLikelihoodRatio.HardDecision(llrs[i]) != bits[i] ? 1 : 0;
        }

        return errors;
    }

    private static void ToSpecificationDmrs(SharedChannelLayout layout, ResourceGrid grid, float scale)
    {
        for (int v = 0; v < grid.PortCount; v++)
        {
            for (int l = 0; l < layout.SymbolsPerSlot; l++)
            {
                System.ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
                Span<ComplexF32> row = grid.Symbol(v, l);
                for (int a = 0; a < kinds.Length; a++)
                {
                    if (kinds[a] == ResourceElementKind.Dmrs)
                    {
                        row[layout.GridSubcarrierOfBlock(a / 12) + (a % 12)] *= scale;
                    }
                }
            }
        }
    }
}
