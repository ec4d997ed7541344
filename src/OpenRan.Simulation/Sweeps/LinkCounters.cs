namespace OpenRan.Simulation.Sweeps;

/// <summary>
/// The counts one work unit (or a sum of them) produces: slots, transmissions and their CRC failures, finished transport
/// blocks, and bits. Sums of counters are exact, so batches, threads and shards combine by addition.
/// </summary>
public readonly record struct LinkCounters
{
    /// <summary>Slots simulated; every slot offers one transport block's worth of bits (the maximum throughput).</summary>
    public long Slots { get; init; }

    /// <summary>Transmissions decoded (initial transmissions and HARQ retransmissions).</summary>
    public long Transmissions { get; init; }

    /// <summary>Transmissions whose transport-block CRC failed.</summary>
    public long TransmissionErrors { get; init; }

    /// <summary>Transport blocks finished: decoded, or given up after the maximum number of transmissions.</summary>
    public long TransportBlocks { get; init; }

    /// <summary>Transport blocks given up after the maximum number of transmissions (residual errors after HARQ).</summary>
    public long ResidualErrors { get; init; }

    /// <summary>Information bits delivered: the sum of the sizes of the decoded transport blocks.</summary>
    public long DecodedBits { get; init; }

    /// <summary>Information bits the slots could have carried: slots × transport block size.</summary>
    public long OfferedBits { get; init; }

    /// <summary>Bit errors counted by simulations that report a bit-error rate (0 otherwise).</summary>
    public long BitErrors { get; init; }

    /// <summary>Bits compared for <see cref="BitErrors"/>.</summary>
    public long Bits { get; init; }

    /// <summary>Transport blocks decoded correctly.</summary>
    public long DecodedBlocks => TransportBlocks - ResidualErrors;

    /// <summary>The field-wise sum.</summary>
    public static LinkCounters operator +(LinkCounters a, LinkCounters b) => new()
    {
        Slots = a.Slots + b.Slots,
        Transmissions = a.Transmissions + b.Transmissions,
        TransmissionErrors = a.TransmissionErrors + b.TransmissionErrors,
        TransportBlocks = a.TransportBlocks + b.TransportBlocks,
        ResidualErrors = a.ResidualErrors + b.ResidualErrors,
        DecodedBits = a.DecodedBits + b.DecodedBits,
        OfferedBits = a.OfferedBits + b.OfferedBits,
        BitErrors = a.BitErrors + b.BitErrors,
        Bits = a.Bits + b.Bits,
    };

    /// <summary>The field-wise sum (named alternative to the operator).</summary>
    public static LinkCounters Add(LinkCounters left, LinkCounters right) => left + right;
}
