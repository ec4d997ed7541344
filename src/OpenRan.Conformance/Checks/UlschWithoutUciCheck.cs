using System.Collections.Generic;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH data-channel sizing and transport against MATLAB's UL-SCH vectors (<c>py5gphy_matlab/pusch/ulsch_without_uci</c>):
/// for every slot, the coded-bit count G of the rebuilt configuration (data resource elements around the DM-RS and its
/// CDM groups, TS 38.211 §6.3.1.6, × layers × Q_m) must equal <c>GULSCH_out</c>, and <c>codeword_out</c> modulated by
/// <see cref="PuschModulator"/> (transform precoding, precoding), passed through <see cref="TestChannel"/> and demodulated
/// by <see cref="PuschDemodulator"/> must come back bit for bit noiseless. At 30 dB SNR the uncoded hard decisions of
/// 64/256-QAM are not error-free (the uncoded BER of 256-QAM at 27-30 dB is 10⁻⁴-10⁻²), so the check bounds the raw bit
/// error ratio by <see cref="MaxRawBitErrorRatio"/> and reports it; error-free recovery at 30 dB is the transport-block
/// decoder's business (CRC after LDPC).
/// </summary>
public sealed class UlschWithoutUciCheck : IConformanceCheck
{
    /// <summary>The SNR of the transport check, dB.</summary>
    public const double SnrDb = 30;

    /// <summary>The bound on the raw (uncoded) bit error ratio at <see cref="SnrDb"/>.</summary>
    public const double MaxRawBitErrorRatio = 0.02;

    /// <inheritdoc />
    public string Category => "ulsch-without-uci";

    /// <inheritdoc />
    public string Description => "PUSCH G and codeword transport of MATLAB UL-SCH vectors, CP-OFDM and DFT-s-OFDM (TS 38.211 §6.3.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pusch/ulsch_without_uci";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatlabPuschCase vector = MatlabPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        var modulator = new PuschModulator(configuration.LayerCount);
        var demodulator = new PuschDemodulator(configuration.AntennaPortCount, configuration.LayerCount);
        int g = modulator.CodewordLength(configuration);
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        var transmitted = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        var received = new ResourceGrid(configuration.AntennaPortCount, 14, k);
        var llrs = new sbyte[g];
        SharedChannelMeasurements measurements = default;
        double worstRatio = 0;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            if (g != vector.CodewordLength(slot))
            {
                return CaseResult.Fail($"slot {slot}: G = {g} computed, GULSCH_out = {vector.CodewordLength(slot)}");
            }

            byte[] codeword = vector.Codeword(slot);
            modulator.Modulate(configuration, codeword, slot, transmitted);
            TestChannel.Apply(transmitted, double.PositiveInfinity, seed: slot + 11, received);
            measurements = demodulator.Demodulate(configuration, received, slot, llrs);
            int errors = PdschReceiveCheck.CountErrors(llrs, codeword);
            if (errors > 0)
            {
                return CaseResult.Fail($"slot {slot}: {errors} of {g} codeword bits wrong noiseless ({measurements})");
            }

            TestChannel.Apply(transmitted, SnrDb, seed: slot + 11, received);
            measurements = demodulator.Demodulate(configuration, received, slot, llrs);
            errors = PdschReceiveCheck.CountErrors(llrs, codeword);
            worstRatio = System.Math.Max(worstRatio, (double)errors / g);
            if (errors > MaxRawBitErrorRatio * g)
            {
                return CaseResult.Fail($"slot {slot}: {errors} of {g} codeword bits wrong at {SnrDb} dB, above the raw bound {MaxRawBitErrorRatio} ({measurements})");
            }
        }

        return CaseResult.Pass($"{vector.SlotCount} slot(s), G = {g}, {configuration.Modulation}, {configuration.LayerCount} layer(s) on {configuration.AntennaPortCount} port(s){(configuration.TransformPrecoding ? ", transform precoding" : string.Empty)}; noiseless exact; {SnrDb} dB: SINR {measurements.SinrDb:F1} dB, raw BER ≤ {worstRatio:E1}");
    }
}
