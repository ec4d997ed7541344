using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>One side's figures of <c>openran radio zmq-bench</c>.</summary>
/// <param name="Role">gnb (this process) or ue (the child process).</param>
/// <param name="Samples">Samples received per direction in the measured part (after the warm-up).</param>
/// <param name="WallSeconds">Wall time of the measured part (0 when the run never reached it).</param>
/// <param name="Msps">Received samples per second in millions over the measured part; NaN (JSON null) when there was none.</param>
/// <param name="RealTimeRatio">Sample time over wall time at the configured rate; NaN (JSON null) when there was no measured part.</param>
/// <param name="CallerAllocatedBytes">Bytes allocated by the caller's Read/Write loop in the measured part.</param>
/// <param name="ReceiveThreadAllocatedBytes">Bytes allocated by the radio's receive thread in the measured part.</param>
/// <param name="TransmitThreadAllocatedBytes">Bytes allocated by the radio's transmit thread in the measured part.</param>
/// <param name="Replies">ZMQ replies sent in the measured part.</param>
/// <param name="ProcessAllocatedBytes">Bytes allocated by the whole process (NetMQ's I/O thread included) in the measured part.</param>
/// <param name="Gen0Collections">Generation-0 collections in the measured part.</param>
/// <param name="Events">Event counters at the end.</param>
/// <param name="ExactTimestamps">Whether every read continued the previous one and every sample matched the peer's pattern.</param>
/// <param name="ReceivedSamples">Samples received in all (warm-up included).</param>
/// <param name="ExpectedSamples">Samples the side had to receive (warm-up included).</param>
/// <param name="Failure">Why the side did not complete cleanly, or null.</param>
internal sealed record ZmqBenchSide(string Role, long Samples, double WallSeconds, double Msps, double RealTimeRatio, long CallerAllocatedBytes,
    long ReceiveThreadAllocatedBytes, long TransmitThreadAllocatedBytes, long Replies, long ProcessAllocatedBytes, int Gen0Collections, RadioEventCounters Events, bool ExactTimestamps,
    long ReceivedSamples, long ExpectedSamples, string? Failure)
{
    /// <summary>Every sample arrived, exactly, without an event.</summary>
    public bool Passed => Failure is null;
}
