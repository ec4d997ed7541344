namespace OpenRan.Engine.Metrics;

/// <summary>Durations of one pipeline over an interval.</summary>
/// <param name="Count">Slots measured.</param>
/// <param name="P50Microseconds">Median.</param>
/// <param name="P99Microseconds">99th percentile.</param>
/// <param name="MaxMicroseconds">Maximum.</param>
public readonly record struct LatencySummary(long Count, double P50Microseconds, double P99Microseconds, double MaxMicroseconds);
