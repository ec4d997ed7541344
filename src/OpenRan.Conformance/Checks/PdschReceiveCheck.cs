using System;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PDSCH reception of MATLAB's reference grids (<c>py5gphy_matlab/pdsch/pdsch</c>, <c>pdsch_short</c>): every slot's
/// grid, brought to the specification's DM-RS amplitude (the inverse of <see cref="MatlabPdschCase.DmrsScaleToMatlab"/>),
/// passed through <see cref="TestChannel"/> noiseless and at 30 dB SNR and received by <see cref="SharedChannelReceiver"/>
/// (channel estimation, MMSE, demapping, descrambling, rate dematching with HARQ combining over the file's slots and
/// redundancy versions, LDPC decoding): every slot's transport block must pass its CRC and equal <c>trblk_out</c>, and,
/// noiseless, the hard decisions of the codeword LLRs must equal <c>RM_out</c> bit for bit.
/// </summary>
public class PdschReceiveCheck : MatlabPdschCheck
{
    /// <summary>The noisy SNR, dB.</summary>
    public const double SnrDb = 30;

    /// <summary>Creates the check for one folder of <c>py5gphy_matlab/pdsch</c>.</summary>
    public PdschReceiveCheck(string folder)
        : base(folder, "receive", "PDSCH grid → transport block with CRC, noiseless and 30 dB (TS 38.211 §7.3.1, TS 38.212 §7.2 inverted)")
    {
    }

    /// <summary>Creates a variant with its own category suffix and description.</summary>
    protected PdschReceiveCheck(string folder, string suffix, string what)
        : base(folder, suffix, what)
    {
    }

    /// <summary>The transmitted grid of each (slot, layer), symbol-major (14·K values): the file's <c>fd_slot_data</c>.</summary>
    protected virtual Func<int, int, Complex[]> TransmittedGrids(MatlabPdschCase vector, string caseId)
    {
        ArgumentNullException.ThrowIfNull(vector);
        return vector.Grid;
    }

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        MatlabPdschCase vector = MatlabPdschCase.Load(caseId);
        PdschConfiguration configuration = vector.Configuration;
        int layers = configuration.LayerCount;
        var receiver = new SharedChannelReceiver(layers, layers);
        SharedChannelLayout layout = receiver.Demodulator.Layout(configuration);
        var transmitted = new ResourceGrid(layers, 14, vector.SubcarrierCount);
        var received = new ResourceGrid(layers, 14, vector.SubcarrierCount);
        byte[] expected = vector.TransportBlock;
        var decoded = new byte[expected.Length];
        SharedChannelSoftBuffer[] buffers = [receiver.CreateSoftBuffer(configuration), receiver.CreateSoftBuffer(configuration)];
        string detail = string.Empty;
        Func<int, int, Complex[]> grids = TransmittedGrids(vector, caseId);
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            byte[] codeword = vector.Codeword(slot);
            int rv = vector.RedundancyVersion(slot);
            for (int v = 0; v < layers; v++)
            {
                Complex[] reference = grids(slot, v);
                Span<ComplexF32> port = transmitted.Port(v);
                for (int i = 0; i < port.Length; i++)
                {
                    port[i] = ComplexF32.FromComplex(reference[i]);
                }
            }

            ToSpecificationDmrs(layout, transmitted, 1f / vector.DmrsScaleToMatlab);
            for (int n = 0; n < SnrsDb.Length; n++)
            {
                double snr = SnrsDb[n];
                TestChannel.Apply(transmitted, snr, seed: slot + 1, received);
                SharedChannelReceiveResult result = receiver.Receive(configuration, received, slot, rv, buffers[n], newData: slot == 0, decoded);
                int errors = double.IsPositiveInfinity(snr) ? CountErrors(receiver.LastLlrs, codeword) : 0;
                if (errors > 0)
                {
                    return CaseResult.Fail($"slot {slot}, SNR {snr} dB: {errors} of {codeword.Length} codeword bits wrong ({result.Measurements})");
                }

                string? failure = TransportBlockFailure(result, decoded, expected);
                if (failure is not null)
                {
                    return CaseResult.Fail($"slot {slot} (rv {rv}), SNR {snr} dB: {failure}");
                }

                detail = $"SINR {result.Measurements.SinrDb:F1} dB, EVM {result.Measurements.EvmPercent:F2} %, ≤ {result.MaxIterations} LDPC iteration(s) at {snr} dB";
            }
        }

        return CaseResult.Pass($"{vector.SlotCount} slot(s), TBS {expected.Length}, {layers} layer(s); {detail}");
    }

    /// <summary>The SNRs of the check: noiseless and <see cref="SnrDb"/>.</summary>
    internal static ReadOnlySpan<double> SnrsDb => [double.PositiveInfinity, SnrDb];

    /// <summary>Why a receive result is not the expected transport block, or null when it is (CRC passed and bits equal).</summary>
    public static string? TransportBlockFailure(SharedChannelReceiveResult result, ReadOnlySpan<byte> decoded, ReadOnlySpan<byte> expected)
    {
        if (!result.CrcPassed)
        {
            return $"transport block not decoded ({result.Decoding.CodeBlocksDecoded} of {result.Decoding.CodeBlockCount} code blocks decoded, TB CRC {(result.Decoding.TransportBlockCrcPassed ? "passed" : "failed")}; {result.Measurements})";
        }

        return Runner.Compare.FirstDifference(decoded, expected, "decoded transport block bit");
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
