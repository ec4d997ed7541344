using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>Receiver algorithm choices for PDSCH/PUSCH demodulation; immutable.</summary>
public sealed record SharedChannelReceiverOptions
{
    /// <summary>Channel estimation options.</summary>
    public ChannelEstimatorOptions ChannelEstimator { get; init; } = new();

    /// <summary>Equalizer algorithm.</summary>
    public EqualizerAlgorithm Equalizer { get; init; } = EqualizerAlgorithm.Mmse;

    /// <summary>Soft-demapper implementation: <c>auto</c>, <c>avx2</c> or <c>generic</c>.</summary>
    public string DemapperImplementation { get; init; } = "auto";

    /// <summary>int8 LLR steps per natural-unit LLR (see <see cref="IDemodulationMapper"/>).</summary>
    public float LlrScale { get; init; } = DemodulationMapperFactory.DefaultLlrScale;

    /// <summary>Correct the common phase error measured on the PT-RS (when configured).</summary>
    public bool CompensateCommonPhaseError { get; init; } = true;

    /// <summary>Measure the EVM of the equalized data symbols.</summary>
    public bool MeasureEvm { get; init; } = true;

    /// <summary>LDPC decoder implementation of the transport-block receivers: <c>auto</c>, <c>avx2</c> or <c>generic</c> (<see cref="LdpcDecoderFactory"/>).</summary>
    public string LdpcImplementation { get; init; } = LdpcDecoderFactory.Auto;

    /// <summary>LDPC decoder settings of the transport-block receivers (iteration limit, early termination, min-sum correction).</summary>
    public LdpcDecoderOptions Ldpc { get; init; } = LdpcDecoderOptions.Default;

    /// <summary>The problems of these options; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ChannelEstimator.Validate());
        if (!(LlrScale > 0 && LlrScale <= 1000))
        {
            problems.Add($"LlrScale = {LlrScale}; valid: (0, 1000]");
        }

        if (System.Array.IndexOf(DemodulationMapperFactory.Names, DemapperImplementation) < 0)
        {
            problems.Add($"DemapperImplementation = '{DemapperImplementation}'; valid: {string.Join(", ", DemodulationMapperFactory.Names)}");
        }

        if (LdpcImplementation is null || !System.Linq.Enumerable.Contains([LdpcDecoderFactory.Auto, .. LdpcDecoderFactory.Implementations], LdpcImplementation.Trim().ToLowerInvariant()))
        {
            problems.Add($"LdpcImplementation = '{LdpcImplementation}'; valid: {LdpcDecoderFactory.Auto}, {string.Join(", ", LdpcDecoderFactory.Implementations)}");
        }

        if (Ldpc is null)
        {
            problems.Add("Ldpc is null; valid: an LdpcDecoderOptions");
        }

        return problems;
    }
}

/// <summary>Measurements of one demodulated PDSCH/PUSCH slot.</summary>
/// <param name="NoiseVariance">σ² per resource element measured on the DM-RS (mean over receive ports).</param>
/// <param name="SnrDb">Per-link SNR before equalization, E|H|²/σ², in dB.</param>
/// <param name="SinrDb">Post-equalization SINR, −10·log10(mean σ²_post) over the data elements of all layers, in dB.</param>
/// <param name="EvmPercent">RMS error vector magnitude of the equalized data symbols against their hard decisions, in percent (NaN when not measured).</param>
/// <param name="TimingOffsetSeconds">Timing offset from the DM-RS phase slope, in seconds.</param>
/// <param name="CarrierFrequencyOffsetHz">Frequency offset between DM-RS symbols, in Hz (0 with a single DM-RS position).</param>
public readonly record struct SharedChannelMeasurements(
    float NoiseVariance, double SnrDb, double SinrDb, double EvmPercent, double TimingOffsetSeconds, double CarrierFrequencyOffsetHz);
