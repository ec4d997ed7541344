using System;

namespace OpenRan.TestSupport;

/// <summary>
/// Steady-state allocation checks for slot-path code. The body is warmed up, then measured over several rounds with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>; the check passes when at least one whole round allocated nothing.
/// Code that allocates per call allocates in every round and fails; a one-off runtime allocation on the test thread
/// (type loading, a lazily JIT-compiled helper, a runtime-internal cache) that lands in one round does not.
/// </summary>
public static class AllocationAssert
{
    /// <summary>Asserts that <paramref name="body"/> allocates nothing once warm.</summary>
    /// <param name="body">The work to measure; called <paramref name="warmUpCalls"/> + <paramref name="rounds"/> · <paramref name="callsPerRound"/> times.</param>
    /// <param name="warmUpCalls">Calls before measuring (≥ 1).</param>
    /// <param name="rounds">Measured rounds (≥ 1).</param>
    /// <param name="callsPerRound">Calls per measured round (≥ 1).</param>
    public static void SteadyStateAllocatesNothing(Action body, int warmUpCalls = 10, int rounds = 4, int callsPerRound = 3)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(warmUpCalls, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(callsPerRound, 1);
        for (int i = 0; i < warmUpCalls; i++)
        {
            body();
        }

        var allocated = new long[rounds];
        for (int round = 0; round < rounds; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < callsPerRound; i++)
            {
                body();
            }

            allocated[round] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated[round] == 0)
            {
                return;
            }
        }

        Xunit.Assert.Fail($"every measured round allocated (bytes per round of {callsPerRound} calls: {string.Join(", ", allocated)})");
    }
}
