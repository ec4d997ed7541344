namespace OpenRan.Engine.Metrics;

/// <summary>Receives one <see cref="MetricsSnapshot"/> per reporting interval (on the reporter thread).</summary>
public interface IMetricsSink
{
    /// <summary>Handles a snapshot; must not throw (errors are the sink's to report).</summary>
    void Write(MetricsSnapshot snapshot);
}
