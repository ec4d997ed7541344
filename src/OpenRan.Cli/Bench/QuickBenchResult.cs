using System.Collections.Generic;

namespace OpenRan.Cli.Bench;

/// <summary>The result of a quick benchmark: time per operation and throughput, with spread.</summary>
/// <param name="Name">The benchmark.</param>
/// <param name="Parameters">Its parameters.</param>
/// <param name="Samples">How many timed samples were taken.</param>
/// <param name="OperationsPerSample">How many operations each sample timed.</param>
/// <param name="MedianMicroseconds">Median time per operation.</param>
/// <param name="P10Microseconds">10th percentile of time per operation.</param>
/// <param name="P90Microseconds">90th percentile of time per operation.</param>
/// <param name="MedianThroughput">Work per second at the median time.</param>
/// <param name="ThroughputUnit">The throughput unit, for example <c>Msample/s</c>.</param>
/// <param name="AllocatedBytesPerOperation">Bytes allocated per operation on the measuring thread in steady state (the least of any sample, so a one-off runtime allocation during one sample does not count; an allocation the operation makes shows in every sample).</param>
/// <param name="RealTimeBudgetMicroseconds">The real-time budget, if the benchmark has one.</param>
/// <param name="JitSettled">True when the warm-up saw JIT compilation settle (no method compiled for the settle window, so the hot code had been recompiled optimized) and no method was compiled during the timed samples; false means the figures may include unoptimized code.</param>
/// <param name="WarmupMilliseconds">Wall time from the start of the warm-up until the reported calibration and timed samples began.</param>
/// <param name="JitCompiledMethodsDuringMeasurement">Methods the JIT compiled during the calibration and timed samples of the reported measurement (0 when settled).</param>
public sealed record QuickBenchResult(
    string Name,
    IReadOnlyDictionary<string, string> Parameters,
    int Samples,
    int OperationsPerSample,
    double MedianMicroseconds,
    double P10Microseconds,
    double P90Microseconds,
    double MedianThroughput,
    string ThroughputUnit,
    double AllocatedBytesPerOperation,
    double? RealTimeBudgetMicroseconds,
    bool JitSettled,
    double WarmupMilliseconds,
    long JitCompiledMethodsDuringMeasurement);
