using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;

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
public sealed class PuschTransmitterReceiveCheck : SionnaPuschTransmitterCheck
{
    /// <summary>The noisy SNR, dB.</summary>
    public const double SnrDb = 30;

    /// <inheritdoc />
    public override string Category => "pusch-transmitter-receive";

    /// <inheritdoc />
    public override string Description => "Sionna PUSCH grids → codeword → grid again, noiseless and 30 dB (TS 38.211 §6.3.1)";

    /// <inheritdoc />
    public override CaseResult Run(string caseId)
    {
        SionnaPuschCase vector = SionnaPuschCase.Load(caseId);
        PuschConfiguration configuration = vector.Configuration;
        int ports = configuration.AntennaPortCount;
        int k = configuration.NSizeGrid * NrConstants.SubcarriersPerRb;
        ResourceGrid reference = ReferenceGrid(vector);
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
            SharedChannelMeasurements measurements = demodulator.Demodulate(configuration, received, vector.Slot, llrs);
            LogLikelihoodRatio.HardDecision(llrs, bits);
            modulator.Modulate(configuration, bits, vector.Slot, regenerated);
            string? diff = FirstDifference(vector, regenerated, (_, _) => true);
            if (diff is not null)
            {
                return CaseResult.Fail($"SNR {snr} dB: {diff} ({measurements})");
            }

            detail = $"SINR {measurements.SinrDb:F1} dB, EVM {measurements.EvmPercent:F2} % at {snr} dB";
        }

        return CaseResult.Pass($"{configuration.LayerCount} layer(s) on {ports} port(s), G = {llrs.Length}; {detail}");
    }
}
