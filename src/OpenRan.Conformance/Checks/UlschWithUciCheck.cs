using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// UCI on PUSCH against MATLAB's vectors (<c>py5gphy_matlab/pusch/ulsch_with_uci</c>, TS 38.212 §6.2.7, §6.3.2): the
/// configuration is rebuilt as in <see cref="UlschWithoutUciCheck"/> plus <see cref="PuschConfiguration.Uci"/> (β_offset
/// values mapped to their TS 38.213 Table 9.3-1/9.3-2 indices, α = <c>UCIScaling</c>). For every slot: the rate-matched
/// lengths equal <c>GULSCH_out</c>, <c>GACK_out</c>, <c>GCSI1_out</c>, <c>GCSI2_out</c>; <see cref="SharedChannelTransmitter"/>
/// fed <c>trblk_out</c>, <c>effACK_out</c>, <c>csi1_out</c>, <c>csi2_out</c> codes each field into exactly
/// <c>codedULSCH_out</c>, <c>codedACK_out</c>, <c>codedCSI1_out</c>, <c>codedCSI2_out</c> (placeholders x, y as −1, −2) and
/// multiplexes them into exactly <c>codeword_out</c>; scrambling (placeholders resolved), modulation and layer mapping
/// give <c>layermap_out</c> (rows 2·slot + layer, after transform precoding when configured, scaled by 1/√ρ in the
/// files; tolerance 1e-5). The grid, passed through
/// <see cref="TestChannel"/> noiseless and at 30 dB and received by <see cref="SharedChannelReceiver"/> (HARQ combining over
/// the slots), must give every UCI part back valid and equal and the transport block with its CRC passed, and, noiseless,
/// codeword LLRs whose hard decisions equal <c>codeword_out</c> at every non-placeholder position.
/// </summary>
public sealed class UlschWithUciCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "ulsch-with-uci";

    /// <inheritdoc />
    public string Description => "UCI on PUSCH: HARQ-ACK, CSI part 1/2 coding, β_offset/α rate matching, UL-SCH multiplexing, scrambling with placeholders, and reception back (TS 38.212 §6.2.7, §6.3.2)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pusch/ulsch_with_uci";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <summary>The configuration of a vector, UCI included.</summary>
    public static PuschConfiguration LoadConfiguration(MatlabPuschCase vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        MatFile mat = vector.Mat;
        int BitCount(string enable, string count) => mat.Numeric(enable).ScalarInt32 != 0 ? mat.Numeric(count).ScalarInt32 : 0;
        int ackIndex = Ts38213Table9_3_1.IndexOf(mat.Numeric("BetaOffsetACK").ScalarDouble);
        int csi1Index = Ts38213Table9_3_2.IndexOf(mat.Numeric("BetaOffsetCSI1").ScalarDouble);
        int csi2Index = Ts38213Table9_3_2.IndexOf(mat.Numeric("BetaOffsetCSI2").ScalarDouble);
        if (mat.Numeric("EnableCGUCI").ScalarInt32 != 0)
        {
            throw new InvalidOperationException("CG-UCI is not modelled");
        }

        return vector.Configuration with
        {
            Uci = new PuschUciConfiguration
            {
                HarqAckBitCount = BitCount("EnableACK", "NumACKBits"),
                CsiPart1BitCount = BitCount("EnableCSI1", "NumCSI1Bits"),
                CsiPart2BitCount = BitCount("EnableCSI2", "NumCSI2Bits"),
                BetaOffsetHarqAckIndex = ackIndex,
                BetaOffsetCsiPart1Index = csi1Index,
                BetaOffsetCsiPart2Index = csi2Index,
                Scaling = mat.Numeric("UCIScaling").ScalarDouble,
                UlschPresent = mat.Numeric("EnableULSCH").ScalarInt32 != 0,
            },
        };
    }

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatlabPuschCase vector = MatlabPuschCase.Load(caseId);
        MatFile mat = vector.Mat;
        PuschConfiguration configuration = LoadConfiguration(vector);
        PuschUciConfiguration uci = configuration.Uci!;
        IReadOnlyList<string> problems = configuration.Validate();
        if (problems.Count > 0)
        {
            return CaseResult.Fail($"configuration rejected: {string.Join("; ", problems)}");
        }

        var transmitter = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(configuration.AntennaPortCount, configuration.LayerCount);
        PuschUciMultiplexingPlan plan = transmitter.UciPlan(configuration);
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        var transmitted = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        var received = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        byte[] transportBlock = uci.UlschPresent ? vector.TransportBlock : [];
        var decoded = new byte[transportBlock.Length];
        var message = new PuschUciMessage();
        SharedChannelSoftBuffer[] buffers = [receiver.CreateSoftBuffer(configuration), receiver.CreateSoftBuffer(configuration)];
        int slots = mat.Numeric("rv_out").Count;
        string detail = string.Empty;
        for (int slot = 0; slot < slots; slot++)
        {
            string? failure = CompareLengths(mat, plan.Lengths, slot);
            if (failure is not null)
            {
                return CaseResult.Fail(failure);
            }

            byte[] harqAck = Bits(mat, "effACK_out", slot, uci.HarqAckBitCount);
            byte[] csiPart1 = Bits(mat, "csi1_out", slot, uci.CsiPart1BitCount);
            byte[] csiPart2 = Bits(mat, "csi2_out", slot, uci.CsiPart2BitCount);
            int rv = vector.RedundancyVersion(slot);
            transmitter.Process(configuration, transportBlock, new PuschUciPayload(harqAck, csiPart1, csiPart2), rv, slot, transmitted);
            failure = CompareCoded(transmitter, PuschCodewordField.Ulsch, mat, "codedULSCH_out", slot)
                ?? CompareCoded(transmitter, PuschCodewordField.HarqAck, mat, "codedACK_out", slot)
                ?? CompareCoded(transmitter, PuschCodewordField.CsiPart1, mat, "codedCSI1_out", slot)
                ?? CompareCoded(transmitter, PuschCodewordField.CsiPart2, mat, "codedCSI2_out", slot);
            byte[] codeword = Row(mat, "codeword_out", slot, plan.CodewordLength);
            failure ??= Compare.FirstDifference(transmitter.LastCodeword, codeword, $"slot {slot} (rv {rv}) codeword_out bit");
            failure ??= CompareLayers(configuration, mat, transmitter.LastCodeword, slot);
            if (failure is not null)
            {
                return CaseResult.Fail(failure);
            }

            for (int n = 0; n < PdschReceiveCheck.SnrsDb.Length; n++)
            {
                double snr = PdschReceiveCheck.SnrsDb[n];
                TestChannel.Apply(transmitted, snr, seed: slot + 11, received);
                SharedChannelReceiveResult result = receiver.Receive(configuration, received, slot, rv, buffers[n], newData: slot == 0, decoded, message);
                string condition = string.Create(CultureInfo.InvariantCulture, $"slot {slot} (rv {rv}), SNR {snr} dB");
                if (double.IsPositiveInfinity(snr))
                {
                    int errors = CountErrors(receiver.LastLlrs, codeword);
                    if (errors > 0)
                    {
                        return CaseResult.Fail($"{condition}: {errors} of {codeword.Length} codeword bits wrong noiseless ({result.Measurements})");
                    }
                }

                failure = UciFailure(result.Uci.HarqAck, message.HarqAck, harqAck, uci.HarqAckBitCount, $"{condition} HARQ-ACK")
                    ?? UciFailure(result.Uci.CsiPart1, message.CsiPart1, csiPart1, uci.CsiPart1BitCount, $"{condition} CSI part 1")
                    ?? UciFailure(result.Uci.CsiPart2, message.CsiPart2, csiPart2, uci.CsiPart2BitCount, $"{condition} CSI part 2");
                if (failure is null && uci.UlschPresent)
                {
                    failure = PdschReceiveCheck.TransportBlockFailure(result, decoded, transportBlock);
                    failure = failure is null ? null : $"{condition}: {failure}";
                }

                if (failure is not null)
                {
                    return CaseResult.Fail(failure);
                }

                detail = string.Create(CultureInfo.InvariantCulture, $"SINR {result.Measurements.SinrDb:F1} dB at {snr} dB");
            }
        }

        PuschUciLengths l = plan.Lengths;
        return CaseResult.Pass(string.Create(
            CultureInfo.InvariantCulture,
            $"{slots} slot(s), O_ACK {uci.HarqAckBitCount}, O_CSI1 {uci.CsiPart1BitCount}, O_CSI2 {uci.CsiPart2BitCount}, G_ACK {l.HarqAck} (rvd {l.HarqAckReserved}), G_CSI1 {l.CsiPart1}, G_CSI2 {l.CsiPart2}, G_UL-SCH {l.Ulsch}{(uci.UlschPresent ? string.Empty : " (no UL-SCH)")}, {configuration.Modulation}, {configuration.LayerCount} layer(s){(configuration.TransformPrecoding ? ", transform precoding" : string.Empty)}; {detail}"));
    }

    private static string? CompareLengths(MatFile mat, PuschUciLengths lengths, int slot)
    {
        (string Name, int Actual)[] fields = [("GULSCH_out", lengths.Ulsch), ("GACK_out", lengths.HarqAck), ("GCSI1_out", lengths.CsiPart1), ("GCSI2_out", lengths.CsiPart2)];
        foreach ((string name, int actual) in fields)
        {
            int expected = (int)mat.Numeric(name).Real[slot];
            if (expected != actual)
            {
                return $"slot {slot}: {name} = {expected}, computed {actual}";
            }
        }

        return null;
    }

    private static string? CompareCoded(SharedChannelTransmitter transmitter, PuschCodewordField field, MatFile mat, string name, int slot)
    {
        ReadOnlySpan<byte> actual = transmitter.LastField(field);
        NumericData data = mat.Numeric(name);
        byte[] expected = data.Count == 0 ? [] : Row(mat, name, slot, data.Count / data.Shape[0]);
        return Compare.FirstDifference(actual, expected, $"slot {slot} {name} bit");
    }

    /// <summary>Scrambling with placeholders, modulation and layer mapping of our codeword against <c>layermap_out</c>.</summary>
    private static string? CompareLayers(PuschConfiguration configuration, MatFile mat, ReadOnlySpan<byte> codeword, int slot)
    {
        var scrambled = new byte[codeword.Length];
        new Scrambler().Scramble(configuration.ScramblingCInit, codeword, scrambled);
        Scrambler.ResolvePlaceholders(codeword, scrambled);
        int qm = configuration.Modulation.BitsPerSymbol();
        var symbols = new ComplexF32[codeword.Length / qm];
        ModulationMapper.Map(scrambled, configuration.Modulation, symbols);
        var layers = new ComplexF32[symbols.Length];
        LayerMapper.Map<ComplexF32>(symbols, configuration.LayerCount, layers);
        if (configuration.TransformPrecoding)
        {
            var precoded = new ComplexF32[layers.Length];
            new TransformPrecoder().Precode(layers, configuration.PrbSet.Count, precoded);
            layers = precoded;
        }
        int m = symbols.Length / configuration.LayerCount;
        var expected = mat.Numeric("layermap_out");
        double scale = 1 / Math.Sqrt(mat.Numeric("NumAntennaPorts").ScalarInt32);
        for (int v = 0; v < configuration.LayerCount; v++)
        {
            Complex[] row = [.. expected.RowComplex((2 * slot) + v).Take(m)];
            var ours = new ComplexF32[m];
            for (int i = 0; i < m; i++)
            {
                ours[i] = layers[(v * m) + i] * (float)scale;
            }

            string? diff = Compare.FirstDifference(ours, row, 1e-5, $"slot {slot} layermap_out layer {v} symbol");
            if (diff is not null)
            {
                return diff;
            }
        }

        return null;
    }

    private static string? UciFailure(UciPartStatus status, ReadOnlySpan<byte> decoded, ReadOnlySpan<byte> expected, int bitCount, string what)
    {
        if (bitCount == 0)
        {
            return status == UciPartStatus.Absent ? null : $"{what}: not configured but reported {status}";
        }

        return status != UciPartStatus.Valid ? $"{what}: {status}" : Compare.FirstDifference(decoded, expected, $"{what} bit");
    }

    /// <summary>Hard-decision errors of the LLRs at the positions that hold coded bits (placeholder positions skipped).</summary>
    private static int CountErrors(ReadOnlySpan<sbyte> llrs, ReadOnlySpan<byte> codeword)
    {
        int errors = 0;
        for (int i = 0; i < codeword.Length; i++)
        {
            if (codeword[i] <= 1)
            {
                errors += LogLikelihoodRatio.HardDecision(llrs[i]) != codeword[i] ? 1 : 0;
            }
        }

        return errors;
    }

    private static byte[] Bits(MatFile mat, string name, int slot, int count) =>
        count == 0 ? [] : Row(mat, name, slot, count);

    /// <summary>The first <paramref name="count"/> values of row <paramref name="slot"/> as bytes (−1, −2 as 0xFF, 0xFE).</summary>
    private static byte[] Row(MatFile mat, string name, int slot, int count) =>
        [.. mat.Numeric(name).RowReal(slot).Take(count).Select(b => unchecked((byte)(sbyte)b))];
}
