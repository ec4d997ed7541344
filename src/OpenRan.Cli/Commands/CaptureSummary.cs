using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>The result of <c>openran radio capture</c>.</summary>
/// <param name="Output">The recording (base name).</param>
/// <param name="Samples">Samples per channel captured (written to the recording).</param>
/// <param name="RequestedSamples">Samples per channel asked for.</param>
/// <param name="Channels">Channels.</param>
/// <param name="SampleRateHz">Sample rate.</param>
/// <param name="WallSeconds">Wall-clock time of the capture.</param>
/// <param name="Gaps">Gaps annotated in the recording (silences, disconnections, timestamp jumps).</param>
/// <param name="StopReason">Why the capture ended early, or null when it got every sample.</param>
/// <param name="Events">The radio's event counters.</param>
internal sealed record CaptureSummary(string Output, long Samples, long RequestedSamples, int Channels, double SampleRateHz, double WallSeconds, int Gaps, string? StopReason, RadioEventCounters Events);
