namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Measurements of one PUCCH occasion, per RE and per receive antenna (averaged over the antennas): SINR of the channel
/// estimate, RSRP of the reference (DM-RS, or the detected sequence for format 0), EPRE of everything received in the
/// occasion, the time alignment (the delay of the received signal; positive = late), and the detection metric with its threshold.
/// </summary>
/// <param name="SinrDb">Estimated signal-to-interference-plus-noise ratio per RE, dB.</param>
/// <param name="RsrpDb">Reference-signal received power per RE, dB (relative to a unit-amplitude RE).</param>
/// <param name="EpreDb">Energy per received RE of the occasion, dB.</param>
/// <param name="NoiseVariance">Estimated noise (plus interference) variance per RE.</param>
/// <param name="TimeAlignmentSeconds">Estimated time alignment in seconds.</param>
/// <param name="DetectionMetric">The normalised energy T of the detected hypothesis (0..1).</param>
/// <param name="DetectionThreshold">The threshold T had to exceed.</param>
public readonly record struct PucchMeasurements(
    double SinrDb, double RsrpDb, double EpreDb, double NoiseVariance, double TimeAlignmentSeconds, double DetectionMetric, double DetectionThreshold);
