using System;
using System.Collections.Generic;
using System.CommandLine;

namespace OpenRan.Cli.Bench;

/// <summary>
/// A quick throughput measurement registered with <c>openran bench</c> (in the spirit of srsRAN's benchmark programs).
/// BenchmarkDotNet in <c>benchmarks/</c> stays the rigorous reference; both call the same library code.
/// </summary>
public interface IQuickBenchmark
{
    /// <summary>The subcommand name, for example <c>complex-multiply</c>.</summary>
    string Name { get; }

    /// <summary>What is measured.</summary>
    string Description { get; }

    /// <summary>The options this benchmark accepts besides the common ones.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Builds the workload from the parsed options (allocation and set-up happen here, not in the timed part).</summary>
    /// <exception cref="ArgumentException">An option value is out of range; the message names it and its valid range.</exception>
    PreparedBenchmark Prepare(ParseResult options);
}
