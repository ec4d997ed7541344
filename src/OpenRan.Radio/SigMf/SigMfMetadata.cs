using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenRan.Radio.SigMf;

/// <summary>
/// The metadata of a SigMF recording (SigMF specification 1.x, <c>core</c> namespace): the <c>global</c> object, the
/// <c>captures</c> and the <c>annotations</c>. <see cref="Parse"/> validates and rejects with a reason.
/// </summary>
public sealed record SigMfMetadata
{
    /// <summary>The specification version written by this project.</summary>
    public const string SpecificationVersion = "1.0.0";

    /// <summary><c>core:datatype</c>.</summary>
    public SigMfDatatype Datatype { get; init; } = SigMfDatatype.Cf32Le;

    /// <summary><c>core:sample_rate</c> in Hz (required by this project).</summary>
    public double SampleRateHz { get; init; }

    /// <summary><c>core:version</c>.</summary>
    public string Version { get; init; } = SpecificationVersion;

    /// <summary><c>core:num_channels</c> (default 1): channels interleaved sample by sample.</summary>
    public int ChannelCount { get; init; } = 1;

    /// <summary><c>core:description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>core:recorder</c>.</summary>
    public string? Recorder { get; init; }

    /// <summary><c>core:hw</c>.</summary>
    public string? Hardware { get; init; }

    /// <summary>The capture segments, ordered by sample start.</summary>
    public IReadOnlyList<SigMfCapture> Captures { get; init; } = [];

    /// <summary>The annotations, ordered by sample start.</summary>
    public IReadOnlyList<SigMfAnnotation> Annotations { get; init; } = [];

    /// <summary>Bytes per sample time (all channels).</summary>
    public int BytesPerFrame => Datatype.BytesPerSample() * ChannelCount;

    /// <summary>Parses and validates metadata JSON; <paramref name="path"/> names the source in errors.</summary>
    /// <exception cref="SigMfFormatException">Not JSON, a required field missing or mistyped, an unsupported datatype, or captures/annotations out of order.</exception>
    public static SigMfMetadata Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(json);
            ThrowIfDuplicateKey(utf8, path);
            root = JsonNode.Parse(utf8) as JsonObject ?? throw new SigMfFormatException(path, "the metadata is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new SigMfFormatException(path, $"the metadata is not valid JSON ({ex.Message}).");
        }

        JsonObject global = root["global"] as JsonObject ?? throw new SigMfFormatException(path, "missing required object 'global'.");
        string datatypeText = RequiredString(global, "core:datatype", path);
        if (!SigMfDatatypes.TryParse(datatypeText, out SigMfDatatype datatype))
        {
            throw new SigMfFormatException(path, $"unsupported core:datatype '{datatypeText}'; supported: {SigMfDatatypes.Supported}.");
        }

        string version = RequiredString(global, "core:version", path);
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new SigMfFormatException(path, $"unsupported core:version '{version}'; supported: 1.x.");
        }

        double rate = OptionalNumber(global, "core:sample_rate", path) ?? throw new SigMfFormatException(path, "missing required field global.core:sample_rate.");
        if (!(rate > 0) || double.IsInfinity(rate))
        {
            throw new SigMfFormatException(path, $"core:sample_rate = {rate} must be a finite number > 0.");
        }

        double channels = OptionalNumber(global, "core:num_channels", path) ?? 1;
        if (channels < 1 || channels > 64 || channels != Math.Floor(channels))
        {
            throw new SigMfFormatException(path, $"core:num_channels = {channels} must be an integer in 1..64.");
        }

        JsonArray captures = root["captures"] as JsonArray ?? throw new SigMfFormatException(path, "missing required array 'captures'.");
        var captureList = new List<SigMfCapture>();
        for (int i = 0; i < captures.Count; i++)
        {
            string where = $"captures[{i}]";
            JsonObject c = captures[i] as JsonObject ?? throw new SigMfFormatException(path, $"{where} is not an object.");
            long start = SampleIndex(c, "core:sample_start", where, path) ?? throw new SigMfFormatException(path, $"{where} has no core:sample_start.");
            if (captureList.Count > 0 && start <= captureList[^1].SampleStart)
            {
                throw new SigMfFormatException(path, $"{where}.core:sample_start = {start} is not after the previous capture's ({captureList[^1].SampleStart}); captures must be in increasing order.");
            }

            DateTimeOffset? datetime = null;
            if (c["core:datetime"] is JsonNode dt)
            {
                if (dt.GetValueKind() != JsonValueKind.String
                    || !DateTimeOffset.TryParse(dt.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed))
                {
                    throw new SigMfFormatException(path, $"{where}.core:datetime is not an ISO-8601 date-time string.");
                }

                datetime = parsed;
            }

            captureList.Add(new SigMfCapture(start, OptionalNumber(c, "core:frequency", path), datetime));
        }

        var annotationList = new List<SigMfAnnotation>();
        if (root["annotations"] is JsonNode annotationsNode)
        {
            JsonArray annotations = annotationsNode as JsonArray ?? throw new SigMfFormatException(path, "'annotations' is not an array.");
            for (int i = 0; i < annotations.Count; i++)
            {
                string where = $"annotations[{i}]";
                JsonObject a = annotations[i] as JsonObject ?? throw new SigMfFormatException(path, $"{where} is not an object.");
                long start = SampleIndex(a, "core:sample_start", where, path) ?? throw new SigMfFormatException(path, $"{where} has no core:sample_start.");
                if (annotationList.Count > 0 && start < annotationList[^1].SampleStart)
                {
                    throw new SigMfFormatException(path, $"{where}.core:sample_start = {start} is before the previous annotation's ({annotationList[^1].SampleStart}); annotations must be sorted by sample_start.");
                }

                annotationList.Add(new SigMfAnnotation(
                    start,
                    SampleIndex(a, "core:sample_count", where, path),
                    OptionalString(a, "core:label", where, path),
                    OptionalString(a, "core:comment", where, path),
                    OptionalNumber(a, "core:freq_lower_edge", path),
                    OptionalNumber(a, "core:freq_upper_edge", path)));
            }
        }

        return new SigMfMetadata
        {
            Datatype = datatype,
            SampleRateHz = rate,
            Version = version,
            ChannelCount = (int)channels,
            Description = OptionalString(global, "core:description", "global", path),
            Recorder = OptionalString(global, "core:recorder", "global", path),
            Hardware = OptionalString(global, "core:hw", "global", path),
            Captures = captureList,
            Annotations = annotationList,
        };
    }

    /// <summary>
    /// Checks the metadata against a data file of <paramref name="dataLength"/> bytes: whole samples on every channel,
    /// captures and annotations inside the recording.
    /// </summary>
    /// <exception cref="SigMfFormatException">The data is truncated or a capture/annotation lies outside it.</exception>
    public void ValidateData(long dataLength, string path)
    {
        if (dataLength % BytesPerFrame != 0)
        {
            throw new SigMfFormatException(path,
                $"the data file has {dataLength} bytes, not a multiple of {BytesPerFrame} ({ChannelCount} channel(s) of {Datatype.ToText()}, {Datatype.BytesPerSample()} bytes per sample): truncated or wrong datatype.");
        }

        long samples = dataLength / BytesPerFrame;
        foreach (SigMfCapture c in Captures)
        {
            if (c.SampleStart > samples || (c.SampleStart == samples && samples > 0))
            {
                throw new SigMfFormatException(path, $"capture at core:sample_start = {c.SampleStart} lies beyond the data ({samples} samples).");
            }
        }

        foreach (SigMfAnnotation a in Annotations)
        {
            // Start and count are each below 2^53 (SampleIndex), so their sum cannot overflow.
            long end = a.SampleStart + (a.SampleCount ?? 0);
            if (a.SampleStart > samples || end > samples)
            {
                throw new SigMfFormatException(path, $"annotation [{a.SampleStart}, {end}) '{a.Label}' lies beyond the data ({samples} samples).");
            }
        }
    }

    /// <summary>Serializes to SigMF JSON (indented, keys in the core namespace).</summary>
    public string ToJson()
    {
        var global = new JsonObject
        {
            ["core:datatype"] = Datatype.ToText(),
            ["core:sample_rate"] = SampleRateHz,
            ["core:version"] = Version,
            ["core:num_channels"] = ChannelCount,
        };
        AddIfNotNull(global, "core:description", Description);
        AddIfNotNull(global, "core:recorder", Recorder);
        AddIfNotNull(global, "core:hw", Hardware);
        var captures = new JsonArray();
        foreach (SigMfCapture c in Captures)
        {
            var o = new JsonObject { ["core:sample_start"] = c.SampleStart };
            if (c.FrequencyHz is double f)
            {
                o["core:frequency"] = f;
            }

            if (c.DateTime is DateTimeOffset t)
            {
                o["core:datetime"] = t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
            }

            captures.Add(o);
        }

        var annotations = new JsonArray();
        foreach (SigMfAnnotation a in Annotations)
        {
            var o = new JsonObject { ["core:sample_start"] = a.SampleStart };
            if (a.SampleCount is long n)
            {
                o["core:sample_count"] = n;
            }

            AddIfNotNull(o, "core:label", a.Label);
            AddIfNotNull(o, "core:comment", a.Comment);
            if (a.FrequencyLowerEdgeHz is double lo)
            {
                o["core:freq_lower_edge"] = lo;
            }

            if (a.FrequencyUpperEdgeHz is double hi)
            {
                o["core:freq_upper_edge"] = hi;
            }

            annotations.Add(o);
        }

        var root = new JsonObject { ["global"] = global, ["captures"] = captures, ["annotations"] = annotations };
        return root.ToJsonString(s_json);
    }

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private static void AddIfNotNull(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }

    private static string RequiredString(JsonObject o, string key, string path)
    {
        JsonNode node = o[key] ?? throw new SigMfFormatException(path, $"missing required field global.{key}.");
        return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new SigMfFormatException(path, $"global.{key} must be a string.");
    }

    private static string? OptionalString(JsonObject o, string key, string where, string path)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw new SigMfFormatException(path, $"{where}.{key} must be a string.");
    }

    private static double? OptionalNumber(JsonObject o, string key, string path)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            return null;
        }

        double value = node.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : throw new SigMfFormatException(path, $"{key} must be a number.");
        return double.IsFinite(value) ? value : throw new SigMfFormatException(path, $"{key} = {node.ToJsonString()} is out of the range of a double.");
    }

    private static long? SampleIndex(JsonObject o, string key, string where, string path)
    {
        JsonNode? node = o[key];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            throw new SigMfFormatException(path, $"{where}.{key} must be a non-negative integer.");
        }

        double v = node.GetValue<double>();
        if (!(v >= 0) || v != Math.Floor(v) || v >= MaxSampleIndex)
        {
            throw new SigMfFormatException(path, $"{where}.{key} = {v.ToString(CultureInfo.InvariantCulture)} must be a non-negative integer below 2^53.");
        }

        return (long)v;
    }

    /// <summary>The largest metadata file read (64 MiB): metadata is text describing the recording, not the samples.</summary>
    public const long MaxMetadataBytes = 64L << 20;

    /// <summary>Sample indices and counts are integers below 2^53, the range JSON numbers hold exactly.</summary>
    private const double MaxSampleIndex = 9007199254740992.0;

    private static void RequireFile(string path, string role)
    {
        if (Directory.Exists(path))
        {
            throw new SigMfFormatException(path, $"the SigMF {role} path is a directory, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"SigMF {role} file '{path}' not found.", path);
        }
    }

    /// <summary>
    /// Rejects an object that repeats a key (JSON allows it, SigMF does not define which one counts), naming the key,
    /// the object it is in and its line, before the document is built.
    /// </summary>
    private static void ThrowIfDuplicateKey(ReadOnlySpan<byte> utf8, string path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var open = new List<(string Name, HashSet<string>? Keys)>();
        var arrayIndex = new List<int>();
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (!open[^1].Keys!.Add(property))
                    {
                        int line = 1 + utf8[..(int)reader.TokenStartIndex].Count((byte)'\n');
                        throw new SigMfFormatException(path, $"line {line}: duplicate key '{property}' in {open[^1].Name}; a key may appear only once per object.");
                    }

                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    open.Add((NameOfValue(open, arrayIndex, property), reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null));
                    arrayIndex.Add(0);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.RemoveAt(open.Count - 1);
                    arrayIndex.RemoveAt(arrayIndex.Count - 1);
                    break;
                default:
                    NameOfValue(open, arrayIndex, property);
                    break;
            }
        }

        // The JSON path of the value that starts now: 'global', 'captures[2]', …; advances the enclosing array's index.
        static string NameOfValue(List<(string Name, HashSet<string>? Keys)> open, List<int> arrayIndex, string? property)
        {
            if (open.Count == 0)
            {
                return "the top-level object";
            }

            (string parent, HashSet<string>? keys) = open[^1];
            bool parentIsRoot = open.Count == 1;
            return keys is not null
                ? (parentIsRoot ? property! : $"{parent}.{property}")
                : $"{(parentIsRoot ? "the top-level array" : parent)}[{arrayIndex[^1]++}]";
        }
    }

    /// <summary>The metadata path of a recording: <c>BASE.sigmf-meta</c>.</summary>
    public static string MetaPath(string basePath) => StripExtension(basePath) + ".sigmf-meta";

    /// <summary>The data path of a recording: <c>BASE.sigmf-data</c>.</summary>
    public static string DataPath(string basePath) => StripExtension(basePath) + ".sigmf-data";

    /// <summary>Removes a trailing <c>.sigmf-meta</c>, <c>.sigmf-data</c> or <c>.sigmf</c> from a path.</summary>
    public static string StripExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (string ext in (ReadOnlySpan<string>)[".sigmf-meta", ".sigmf-data", ".sigmf"])
        {
            if (path.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return path[..^ext.Length];
            }
        }

        return path;
    }

    /// <summary>Reads and validates the metadata and data length of the recording at <paramref name="basePath"/>.</summary>
    /// <exception cref="SigMfFormatException">Malformed metadata or inconsistent data.</exception>
    /// <exception cref="FileNotFoundException">A file of the pair is missing.</exception>
    public static SigMfMetadata Load(string basePath, out long sampleCount)
    {
        string meta = MetaPath(basePath);
        string data = DataPath(basePath);
        RequireFile(meta, "metadata");
        RequireFile(data, "data");
        long metaLength = new FileInfo(meta).Length;
        if (metaLength > MaxMetadataBytes)
        {
            throw new SigMfFormatException(meta, $"the metadata file is {metaLength} bytes, more than the limit of {MaxMetadataBytes} bytes (SigMfMetadata.MaxMetadataBytes).");
        }

        string text;
        try
        {
            text = File.ReadAllText(meta, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new SigMfFormatException(meta, $"the metadata is not valid UTF-8 text ({ex.Message}).");
        }

        SigMfMetadata metadata = Parse(text, meta);
        long length = new FileInfo(data).Length;
        metadata.ValidateData(length, data);
        sampleCount = length / metadata.BytesPerFrame;
        return metadata;
    }
}
