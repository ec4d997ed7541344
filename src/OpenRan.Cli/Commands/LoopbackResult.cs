using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>The result of <c>openran radio loopback-test</c>.</summary>
/// <param name="Samples">Samples received.</param>
/// <param name="WallSeconds">Wall-clock time.</param>
/// <param name="Msps">Received samples per second, in millions.</param>
/// <param name="RealTimeRatio">Sample time over wall time (above 1: faster than real time).</param>
/// <param name="DelaySamples">Measured delay from a transmit timestamp to the receive timestamp where it arrives, or null.</param>
/// <param name="SymbolsChecked">Received samples compared with the transmitted QPSK pattern.</param>
/// <param name="SymbolErrors">Samples whose I or Q sign differs from the pattern.</param>
/// <param name="TimestampGaps">Reads whose timestamp did not follow the previous read.</param>
/// <param name="Events">The radio's event counters.</param>
/// <param name="Failures">Why the test did not pass, one sentence each (empty when it passed).</param>
internal sealed record LoopbackResult(long Samples, double WallSeconds, double Msps, double RealTimeRatio, long? DelaySamples, long SymbolsChecked, long SymbolErrors, long TimestampGaps, RadioEventCounters Events, System.Collections.Generic.IReadOnlyList<string> Failures)
{
    /// <summary>No gap, no event, delay found, every sample received and no symbol error.</summary>
    public bool Passed => Failures.Count == 0;
}
