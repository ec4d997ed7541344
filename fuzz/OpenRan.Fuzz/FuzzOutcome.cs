using System;
using System.Diagnostics;
using System.Linq;

namespace OpenRan.Fuzz;

/// <summary>What running one input did: nothing unexpected, or the exception that escaped the target (a finding).</summary>
internal sealed record FuzzOutcome(Exception? Exception, TimeSpan Elapsed)
{
    /// <summary>The first frames of the finding's stack, for reports.</summary>
    public string StackTop => Exception?.StackTrace is string trace
        ? string.Join(" <- ", trace.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(3).Select(l => l.StartsWith("at ", StringComparison.Ordinal) ? l[3..] : l))
        : string.Empty;

    /// <summary>Runs <paramref name="input"/> through <paramref name="target"/> (already prepared).</summary>
    public static FuzzOutcome Of(FuzzTarget target, byte[] input)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            target.Run(input);
            return new FuzzOutcome(null, Stopwatch.GetElapsedTime(start));
        }
        catch (Exception e)
        {
            return new FuzzOutcome(e, Stopwatch.GetElapsedTime(start));
        }
    }
}
