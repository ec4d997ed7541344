namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>Measurements of one demodulated PDSCH/PUSCH slot.</summary>
/// <param name="NoiseVariance">σ² per resource element measured on the DM-RS (mean over receive ports).</param>
/// <param name="SnrDb">Per-link SNR before equalization, E|H|²/σ², in dB.</param>
/// <param name="SinrDb">Post-equalization SINR, −10·log10(mean σ²_post) over the data elements of all layers, in dB (−∞ when nothing was equalized).</param>
/// <param name="EvmPercent">RMS error vector magnitude of the equalized data symbols against their hard decisions, in percent (NaN when not measured).</param>
/// <param name="TimingOffsetSeconds">Timing offset from the DM-RS phase slope, in seconds.</param>
/// <param name="CarrierFrequencyOffsetHz">Frequency offset between DM-RS symbols, in Hz (0 with a single DM-RS position).</param>
/// <param name="ErasedResourceElements">
/// REs of the allocation (all receive ports) that were not finite or larger in magnitude than
/// <see cref="SharedChannelDemodulator.MaxResourceElementMagnitude"/> and were treated as erasures (zero, no information).
/// </param>
/// <param name="SignalDetected">
/// Whether the DM-RS was detected against the noise (<see cref="SharedChannelDemodulator.DtxFalseAlarmProbability"/>); false
/// is discontinuous transmission, "nothing there".
/// </param>
/// <param name="DtxMetric">The DTX statistic C/E of the DM-RS, 0..1 (1 = noiseless, flat channel per resource block).</param>
/// <param name="DtxThreshold">The threshold <paramref name="DtxMetric"/> had to reach.</param>
public readonly record struct SharedChannelMeasurements(
    float NoiseVariance,
    double SnrDb,
    double SinrDb,
    double EvmPercent,
    double TimingOffsetSeconds,
    double CarrierFrequencyOffsetHz,
    int ErasedResourceElements = 0,
    bool SignalDetected = true,
    float DtxMetric = 0f,
    float DtxThreshold = 0f);
