using System;
using System.IO;
using System.Text.Json;

namespace OpenRan.Engine.Metrics;

/// <summary><c>--metrics-json FILE</c>: one JSON object per snapshot and line, flushed each time (tail -f friendly).</summary>
public sealed class JsonLinesMetricsWriter : IMetricsSink, IDisposable
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly StreamWriter _writer;

    /// <summary>Creates (overwrites) <paramref name="path"/>.</summary>
    public JsonLinesMetricsWriter(string path) => _writer = new StreamWriter(path, append: false) { NewLine = "\n" };

    /// <inheritdoc />
    public void Write(MetricsSnapshot snapshot)
    {
        _writer.WriteLine(JsonSerializer.Serialize(snapshot, s_options));
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
