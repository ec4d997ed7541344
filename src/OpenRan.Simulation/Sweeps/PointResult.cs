using OpenRan.Simulation.Statistics;

namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// The outputs of one SNR point: BLER with its 95 % Clopper–Pearson interval, residual BLER after HARQ, throughput as a
/// share of the maximum (with interval) and in Mbit/s, and the bit-error rate when counted.
/// </summary>
public sealed record PointResult
{
    /// <summary>SNR in dB.</summary>
    public required double SnrDb { get; init; }

    /// <summary>The summed counts of the batches used.</summary>
    public required LinkCounters Counters { get; init; }

    /// <summary>Batches used (the stopping rule's prefix).</summary>
    public required int Batches { get; init; }

    /// <summary>Block error rate per transmission: TransmissionErrors / Transmissions (NaN without transmissions).</summary>
    public double Bler => Ratio(Counters.TransmissionErrors, Counters.Transmissions);

    /// <summary>Lower end of the 95 % Clopper–Pearson interval of <see cref="Bler"/>.</summary>
    public double BlerLower { get; init; }

    /// <summary>Upper end of the 95 % Clopper–Pearson interval of <see cref="Bler"/>.</summary>
    public double BlerUpper { get; init; }

    /// <summary>Residual BLER after HARQ: ResidualErrors / TransportBlocks.</summary>
    public double ResidualBler => Ratio(Counters.ResidualErrors, Counters.TransportBlocks);

    /// <summary>Throughput as a share of the maximum: DecodedBits / OfferedBits.</summary>
    public double ThroughputShare => Ratio(Counters.DecodedBits, Counters.OfferedBits);

    /// <summary>Lower end of the 95 % interval of <see cref="ThroughputShare"/> (Clopper–Pearson on decoded blocks per slot).</summary>
    public double ThroughputShareLower { get; init; }

    /// <summary>Upper end of the 95 % interval of <see cref="ThroughputShare"/>.</summary>
    public double ThroughputShareUpper { get; init; }

    /// <summary>Throughput in Mbit/s: DecodedBits / (Slots × slot duration) / 10^6.</summary>
    public double ThroughputMbps { get; init; }

    /// <summary>The maximum throughput in Mbit/s: OfferedBits / (Slots × slot duration) / 10^6.</summary>
    public double MaxThroughputMbps { get; init; }

    /// <summary>Bit-error rate BitErrors / Bits (NaN when no bits were compared).</summary>
    public double Ber => Ratio(Counters.BitErrors, Counters.Bits);

    /// <summary>Builds the result of a point from its summed counters.</summary>
    public static PointResult Create(double snrDb, LinkCounters counters, int batches, double slotDurationSeconds)
    {
        (double blerLow, double blerHigh) = ClopperPearson.Interval(counters.TransmissionErrors, counters.Transmissions);

        // Constant transport block size per point: the share equals decoded blocks per slot, a binomial proportion.
        long decoded = System.Math.Min(counters.DecodedBlocks, counters.Slots);
        (double tputLow, double tputHigh) = ClopperPearson.Interval(decoded, counters.Slots);
        double seconds = counters.Slots * slotDurationSeconds;
        return new PointResult
        {
            SnrDb = snrDb,
            Counters = counters,
            Batches = batches,
            BlerLower = blerLow,
            BlerUpper = blerHigh,
            ThroughputShareLower = tputLow,
            ThroughputShareUpper = tputHigh,
            ThroughputMbps = seconds > 0 ? counters.DecodedBits / seconds / 1e6 : double.NaN,
            MaxThroughputMbps = seconds > 0 ? counters.OfferedBits / seconds / 1e6 : double.NaN,
        };
    }

    private static double Ratio(long numerator, long denominator) => denominator > 0 ? numerator / (double)denominator : double.NaN;
}
