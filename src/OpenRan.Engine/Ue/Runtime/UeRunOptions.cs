using System;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Ue.Runtime;

/// <summary>How the UE runtime runs (besides its configuration).</summary>
public sealed record UeRunOptions
{
    /// <summary>Air time to run, seconds from the radio start (infinity: until stopped or a failure).</summary>
    public double Seconds { get; init; } = double.PositiveInfinity;

    /// <summary>Wall-clock time without any received sample after which the radio counts as gone.</summary>
    public TimeSpan RadioTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// An impairment applied to the received samples before the UE sees them (tests: a clock offset), with the receive
    /// timestamps; null: none.
    /// </summary>
    public ISampleChannel? ReceiveImpairment { get; init; }

    /// <summary>Receives a line for each event worth telling the user (the cell lost, found again), on the UE's thread; null: none.</summary>
    public Action<string>? Report { get; init; }
}
