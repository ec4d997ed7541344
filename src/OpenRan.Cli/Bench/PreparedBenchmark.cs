using System;
using System.Collections.Generic;

namespace OpenRan.Cli.Bench;

/// <summary>A ready-to-time workload.</summary>
/// <param name="Operation">One repetition of the work; it must not allocate.</param>
/// <param name="WorkPerOperation">How much work one repetition does, in <paramref name="WorkUnit"/>.</param>
/// <param name="WorkUnit">The unit of work, for example <c>Msample</c> or <c>Mbit</c>; throughput is reported per second.</param>
/// <param name="Parameters">The parameters, for the report.</param>
/// <param name="RealTimeBudgetMicroseconds">The real-time budget for one operation (for example a slot), or null.</param>
public sealed record PreparedBenchmark(Action Operation, double WorkPerOperation, string WorkUnit, IReadOnlyDictionary<string, string> Parameters, double? RealTimeBudgetMicroseconds = null);
