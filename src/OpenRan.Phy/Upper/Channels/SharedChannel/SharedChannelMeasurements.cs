namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>Measurements of one demodulated PDSCH/PUSCH slot.</summary>
/// <param name="NoiseVariance">σ² per resource element measured on the DM-RS (mean over receive ports).</param>
/// <param name="SnrDb">Per-link SNR before equalization, E|H|²/σ², in dB.</param>
/// <param name="SinrDb">Post-equalization SINR, −10·log10(mean σ²_post) over the data elements of all layers, in dB.</param>
/// <param name="EvmPercent">RMS error vector magnitude of the equalized data symbols against their hard decisions, in percent (NaN when not measured).</param>
/// <param name="TimingOffsetSeconds">Timing offset from the DM-RS phase slope, in seconds.</param>
/// <param name="CarrierFrequencyOffsetHz">Frequency offset between DM-RS symbols, in Hz (0 with a single DM-RS position).</param>
public readonly record struct SharedChannelMeasurements(
    float NoiseVariance, double SnrDb, double SinrDb, double EvmPercent, double TimingOffsetSeconds, double CarrierFrequencyOffsetHz);
