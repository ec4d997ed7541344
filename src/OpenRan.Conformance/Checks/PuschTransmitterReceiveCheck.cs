using System;
using System.Collections.Generic;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH reception of Sionna's transmitter grids (<c>sionna/nr/pusch_transmitter</c>) and the data elements of those
/// grids: the reference grid is passed through <see cref="TestChannel"/> (antenna ports → as many receive ports)
/// noiseless and at 30 dB, demodulated by <see cref="PuschDemodulator"/>, and the hard-decided codeword re-modulated by
/// <see cref="PuschModulator"/> must reproduce the whole reference grid within 1e-6 (data, DM-RS and empty elements,
/// every antenna port). Because the same layout orders the data on both sides, this checks estimation, equalization,
/// demapping, DM-RS and precoding against Sionna but not the data-element order and scrambling on their own; those are
/// checked against MATLAB by <c>pdsch-grid</c> (shared mapping code) and, from the transport block, by the chain check.
/// </summary>
public sealed class PuschTransmitterReceiveCheck : IConformanceCheck
{
    /// <summary>The noisy SNR, dB.</summary>
    public const double SnrDb = 30;

    /// <summary>Grid tolerance (README §1.8).</summary>
    public const double Tolerance = 1e-6;

    /// <inheritdoc />
    public string Category => "pusch-transmitter-receive";

    /// <inheritdoc />
    public string Description => "Sionna PUSCH grids → codeword → grid again, noiseless and 30 dB (TS 38.211 §6.3.1)";

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/pusch_transmitter";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        int ports = configuration.AntennaPortCount;
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        var reference = new ResourceGrid(ports, 14, k);
        for (int p = 0; p < ports; p++)
        {
            for (int l = 0; l < 14; l++)
            {
                Span<ComplexF32> row = reference.Symbol(p, l);
                for (int i = 0; i < k; i++)
                {
                    row[i] = ComplexF32.FromComplex(vector.Grid(p, l, i));
                }
            }
        }

        var demodulator = new PuschDemodulator(ports, configuration.LayerCount);
        var modulator = new PuschModulator(configuration.LayerCount);
        var received = new ResourceGrid(ports, 14, k);
        var regenerated = new ResourceGrid(ports, 14, k);
        var llrs = new sbyte[demodulator.CodewordLength(configuration)];
        var bits = new byte[llrs.Length];
        string detail = string.Empty;
        foreach (double snr in (double[])[double.PositiveInfinity, SnrDb])
        {
            TestChannel.Apply(reference, snr, seed: 7, received);
            var measurements = demodulator.Demodulate(configuration, received, vector.Slot, llrs);
            LogLikelihoodRatio.HardDecision(llrs, bits);
            modulator.Modulate(configuration, bits, vector.Slot, regenerated);
            for (int p = 0; p < ports; p++)
            {
                for (int l = 0; l < 14; l++)
                {
                    ReadOnlySpan<ComplexF32> row = regenerated.Symbol(p, l);
                    for (int i = 0; i < k; i++)
                    {
                        System.Numerics.Complex expected = vector.Grid(p, l, i);
                        double error = (new System.Numerics.Complex(row[i].Re, row[i].Im) - expected).Magnitude;
                        if (error > Tolerance)
                        {
                            return CaseResult.Fail($"SNR {snr} dB: port {p}, symbol {l}, subcarrier {i}: {row[i]}, expected {expected} (|error| {error:G3}; {measurements})");
                        }
                    }
                }
            }

            detail = $"SINR {measurements.SinrDb:F1} dB, EVM {measurements.EvmPercent:F2} % at {snr} dB";
        }

        return CaseResult.Pass($"{configuration.LayerCount} layer(s) on {ports} port(s), G = {llrs.Length}; {detail}");
    }
}
