namespace OpenRan.Engine.Ue.Runtime;

/// <summary>The end of a UE run: how it ended, and a message saying what was found and what is missing.</summary>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Message">What was found and, for a failure, what is missing.</param>
public readonly record struct UeRunResult(UeOutcome Outcome, string Message)
{
    /// <summary>Whether the run ended as asked (completed or stopped), not by a failure.</summary>
    public bool Succeeded => Outcome is UeOutcome.Completed or UeOutcome.Stopped;
}
