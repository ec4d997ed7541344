namespace OpenRan.Radio;

/// <summary>One stream event: what, where, when (in samples) and how many samples it affected.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Direction">Which stream.</param>
/// <param name="Channel">The channel, or −1 for the whole stream.</param>
/// <param name="TimestampSamples">The sample timestamp at which it happened.</param>
/// <param name="SampleCount">How many samples it affected (0 if not applicable).</param>
/// <param name="Sequence">The event's sequence number within its log, from 0.</param>
public readonly record struct RadioEvent(RadioEventKind Kind, StreamDirection Direction, int Channel, long TimestampSamples, long SampleCount, long Sequence);
