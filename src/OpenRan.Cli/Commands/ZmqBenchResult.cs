namespace OpenRan.Cli.Commands;

/// <summary>The result of <c>openran radio zmq-bench</c>: both sides.</summary>
internal sealed record ZmqBenchResult(double SampleRateHz, int BlockSamples, int MaxSamplesPerMessage, ZmqBenchSide Gnb, ZmqBenchSide? Ue, string? PeerError);
