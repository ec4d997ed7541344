using System.Collections.Generic;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// The PUSCH chain against MATLAB's UL-SCH vectors (<c>py5gphy_matlab/pusch/ulsch_without_uci</c>): for every slot, the
/// coded-bit count G of the rebuilt configuration (data resource elements around the DM-RS and its CDM groups, TS 38.211
/// §6.3.1.6, × layers × Q_m) must equal <c>GULSCH_out</c>; <see cref="SharedChannelTransmitter"/> encodes <c>trblk_out</c> with the
/// slot's redundancy version into exactly <c>codeword_out</c> and maps it (transform precoding, precoding); the grid,
/// passed through <see cref="TestChannel"/> noiseless and at 30 dB SNR and received by <see cref="SharedChannelReceiver"/> with
/// HARQ combining over the slots, must give the transport block back with its CRC passed, and, noiseless, codeword LLRs
/// whose hard decisions equal <c>codeword_out</c>. The files hold no grid (README §4), so the grid itself is checked
/// against MATLAB only through this round trip; Sionna's grids check it element by element (<c>pusch-transmitter-grid</c>).
/// </summary>
public sealed class UlschWithoutUciCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "ulsch-without-uci";

    /// <inheritdoc />
    public string Description => "PUSCH transport block → codeword → grid → transport block, CP-OFDM and DFT-s-OFDM, noiseless and 30 dB (TS 38.212 §6.2, TS 38.211 §6.3.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pusch/ulsch_without_uci";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatlabPuschCase vector = MatlabPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        var processor = new SharedChannelTransmitter(configuration.LayerCount);
        var receiver = new SharedChannelReceiver(configuration.AntennaPortCount, configuration.LayerCount);
        int g = processor.Modulator.CodewordLength(configuration);
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        var transmitted = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        var received = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        byte[] expected = vector.TransportBlock;
        var decoded = new byte[expected.Length];
        SharedChannelSoftBuffer[] buffers = [receiver.CreateSoftBuffer(configuration), receiver.CreateSoftBuffer(configuration)];
        string detail = string.Empty;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            if (g != vector.CodewordLength(slot))
            {
                return CaseResult.Fail($"slot {slot}: G = {g} computed, GULSCH_out = {vector.CodewordLength(slot)}");
            }

            byte[] codeword = vector.Codeword(slot);
            int rv = vector.RedundancyVersion(slot);
            processor.Process(configuration, expected, rv, slot, transmitted);
            string? diff = Compare.FirstDifference(processor.LastCodeword, codeword, $"slot {slot} (rv {rv}) codeword_out bit");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            for (int n = 0; n < PdschReceiveCheck.SnrsDb.Length; n++)
            {
                double snr = PdschReceiveCheck.SnrsDb[n];
                TestChannel.Apply(transmitted, snr, seed: slot + 11, received);
                SharedChannelReceiveResult result = receiver.Receive(configuration, received, slot, rv, buffers[n], newData: slot == 0, decoded);
                int errors = double.IsPositiveInfinity(snr) ? PdschReceiveCheck.CountErrors(receiver.LastLlrs, codeword) : 0;
                if (errors > 0)
                {
                    return CaseResult.Fail($"slot {slot}: {errors} of {g} codeword bits wrong noiseless ({result.Measurements})");
                }

                string? failure = PdschReceiveCheck.TransportBlockFailure(result, decoded, expected);
                if (failure is not null)
                {
                    return CaseResult.Fail($"slot {slot} (rv {rv}), SNR {snr} dB: {failure}");
                }

                detail = $"SINR {result.Measurements.SinrDb:F1} dB, ≤ {result.MaxIterations} LDPC iteration(s) at {snr} dB";
            }
        }

        return CaseResult.Pass($"{vector.SlotCount} slot(s), TBS {expected.Length}, G = {g}, {configuration.Modulation}, {configuration.LayerCount} layer(s) on {configuration.AntennaPortCount} port(s){(configuration.TransformPrecoding ? ", transform precoding" : string.Empty)}; {detail}");
    }
}
