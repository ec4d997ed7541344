using System;

namespace OpenRan.Fuzz;

/// <summary>
/// Findings still open in code other changes own (fuzz/known-failures.txt): their reproducing inputs are saved in
/// fuzz/regressions and checked by the regression tests, and the targets step around them while fuzzing so that a run
/// looks for new findings. <c>OPENRAN_FUZZ_KNOWN_FAILURES=run</c> removes every guard (to check a fix, or to fuzz the
/// area that still fails); the regression tests run without guards (<see cref="FuzzTarget.GuardKnownFailures"/>).
/// </summary>
internal static class KnownFailures
{
    /// <summary>Whether targets start with their guards on (unless <c>OPENRAN_FUZZ_KNOWN_FAILURES=run</c>).</summary>
    public static bool GuardedByDefault { get; } = !string.Equals(Environment.GetEnvironmentVariable("OPENRAN_FUZZ_KNOWN_FAILURES"), "run", StringComparison.Ordinal);
}
