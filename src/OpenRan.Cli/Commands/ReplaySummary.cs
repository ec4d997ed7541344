using System.Collections.Generic;
using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>The result of <c>openran radio replay</c>.</summary>
/// <param name="Input">The recording replayed.</param>
/// <param name="Samples">Samples per channel that really left (taken by the peer or device), not merely queued.</param>
/// <param name="RequestedSamples">Samples per channel in the recording × repeats.</param>
/// <param name="QueuedSamples">Samples per channel accepted by the transmit stream.</param>
/// <param name="SampleRateHz">Sample rate.</param>
/// <param name="Events">The radio's event counters (what never left is counted as Dropped).</param>
/// <param name="EventLog">The event records, in order (kind, direction, channel, sample timestamp, samples affected).</param>
internal sealed record ReplaySummary(string Input, long Samples, long RequestedSamples, long QueuedSamples, double SampleRateHz, RadioEventCounters Events, IReadOnlyList<RadioEvent> EventLog);
