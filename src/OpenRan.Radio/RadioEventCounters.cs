namespace OpenRan.Radio;

/// <summary>A snapshot of the event counters of a radio.</summary>
/// <param name="Late">Late transmit blocks.</param>
/// <param name="Underflow">Transmit underflows.</param>
/// <param name="Overflow">Receive overflows.</param>
/// <param name="Dropped">Other losses.</param>
/// <param name="Disconnected">Disconnections.</param>
/// <param name="LostRecords">Event records that did not fit in the log before it was drained (their counts are still in the counters).</param>
public sealed record RadioEventCounters(long Late, long Underflow, long Overflow, long Dropped, long Disconnected, long LostRecords)
{
    /// <summary>Stalls: a stream made no progress for its whole timeout.</summary>
    public long Stalled { get; init; }

    /// <summary>Samples (per channel) lost as Late, Overflow or Dropped events, as far as the events could count them.</summary>
    public long LostSamples { get; init; }

    /// <summary>Whether no event of any kind has occurred.</summary>
    public bool IsClean => Late + Underflow + Overflow + Dropped + Disconnected + Stalled == 0;

    /// <summary>The non-zero counters in words, for messages: <c>2 dropped (20000 samples), 1 stalled</c>; "none" when clean.</summary>
    public string Describe()
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach ((long count, string name) in new[] { (Late, "late"), (Underflow, "underflow"), (Overflow, "overflow"), (Dropped, "dropped"), (Disconnected, "disconnected"), (Stalled, "stalled") })
        {
            if (count > 0)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {name}"));
            }
        }

        if (LostSamples > 0)
        {
            parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{LostSamples} samples lost"));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
