using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// A typed view of one YAML mapping of a configuration file: reads scalars with range checks, remembers where every key
/// stood (for errors found later, after derivation) and rejects keys nobody asked for, naming the valid ones.
/// </summary>
internal sealed class YamlSection
{
    private readonly string _source;
    private readonly YamlMappingNode? _node;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Mark _start;

    private YamlSection(string source, string path, YamlMappingNode? node, Mark start, SourceMap map)
    {
        _source = source;
        Path = path;
        _node = node;
        _start = start;
        Map = map;
        if (node is null)
        {
            return;
        }

        foreach (KeyValuePair<YamlNode, YamlNode> entry in node.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: string key })
            {
                throw new ConfigurationException(Where(entry.Key.Start), path, "keys must be plain words.");
            }

            if (!_entries.TryAdd(key, (entry.Key, entry.Value)))
            {
                throw new ConfigurationException(Where(entry.Key.Start), Join(path, key), "the key appears twice.");
            }

            map.Record(Join(path, key), Where(entry.Key.Start));
        }
    }

    /// <summary>The dotted path of this section ("" for the root).</summary>
    public string Path { get; }

    /// <summary>Where every key of the file stood.</summary>
    public SourceMap Map { get; }

    /// <summary>Parses <paramref name="yaml"/> (named <paramref name="source"/> in errors) into its root section.</summary>
    public static YamlSection Parse(string yaml, string source)
    {
        YamlStructureCheck.Run(yaml, source);
        var stream = new YamlStream();
        var parser = new Parser(new System.IO.StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(YamlStructureCheck.Where(source, e.Start), "(syntax)", $"not valid YAML: {YamlStructureCheck.Describe(e)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // Events the loader cannot build a document from (fuzz/regressions/yaml/loader-unsupported-event).
            Mark where = parser.Current?.Start ?? Mark.Empty;
            throw new ConfigurationException(YamlStructureCheck.Where(source, where), "(syntax)", $"not valid YAML here (the YAML reader stopped: {e.Message}).");
        }

        var map = new SourceMap(source);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlSection(source, string.Empty, null, Mark.Empty, map);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException($"{source}:{stream.Documents[0].RootNode.Start.Line}:{stream.Documents[0].RootNode.Start.Column}", "(root)", "the file must be a mapping of sections (cell:, ssb:, radio:, …).");
        }

        return new YamlSection(source, string.Empty, root, root.Start, map);
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _entries.ContainsKey(key);
    }

    /// <summary>The child mapping <paramref name="key"/>, or an empty section when absent.</summary>
    public YamlSection Section(string key)
    {
        _known.Add(key);
        string path = Join(Path, key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return new YamlSection(_source, path, null, _start, Map);
        }

        return entry.Value switch
        {
            YamlMappingNode m => new YamlSection(_source, path, m, m.Start, Map),
            YamlScalarNode { Value: null or "" } => new YamlSection(_source, path, null, entry.Value.Start, Map),
            _ => throw Error(key, "must be a mapping of keys."),
        };
    }

    /// <summary>The child list of mappings <paramref name="key"/> (empty when absent).</summary>
    public IReadOnlyList<YamlSection> Sections(string key)
    {
        _known.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return [];
        }

        if (entry.Value is not YamlSequenceNode sequence)
        {
            throw Error(key, "must be a list of mappings (- key: value).");
        }

        var list = new List<YamlSection>();
        int i = 0;
        foreach (YamlNode child in sequence.Children)
        {
            if (child is not YamlMappingNode m)
            {
                throw new ConfigurationException(Where(child.Start), $"{Join(Path, key)}[{i}]", "must be a mapping of keys.");
            }

            list.Add(new YamlSection(_source, $"{Join(Path, key)}[{i}]", m, m.Start, Map));
            i++;
        }

        return list;
    }

    /// <summary>The scalar text of <paramref name="key"/>, or null when absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="expected">What the value must be, for the error when it is a list or a mapping ("an integer 0..1007").</param>
    public string? Text(string key, string expected = "a single value")
    {
        _known.Add(key);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        return entry.Value switch
        {
            YamlScalarNode s => s.Value ?? string.Empty,
            YamlSequenceNode => throw Error(key, $"is a list; valid: {expected}."),
            _ => throw Error(key, $"is a mapping; valid: {expected}."),
        };
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] (decimal or 0x hex), or <paramref name="fallback"/>.</summary>
    public int Int(string key, int fallback, int min, int max) => OptionalInt(key, min, max) ?? fallback;

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], or null when absent or <c>auto</c>.</summary>
    public int? OptionalInt(string key, int min, int max)
    {
        string? text = Text(key, FormattableString.Invariant($"an integer {min}..{max}"));
        if (text is null || text == "auto")
        {
            return null;
        }

        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value)
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        if (!ok || value < min || value > max)
        {
            throw Error(key, FormattableString.Invariant($"'{text}' is not valid; valid: an integer {min}..{max}."));
        }

        return value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or null when absent or <c>auto</c>.</summary>
    public double? OptionalDouble(string key, double min, double max)
    {
        string? text = Text(key, FormattableString.Invariant($"a number {min:G}..{max:G}"));
        if (text is null || text == "auto")
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value >= min && value <= max))
        {
            throw Error(key, FormattableString.Invariant($"'{text}' is not valid; valid: a number {min:G}..{max:G}."));
        }

        return value;
    }

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/>.</summary>
    public double Double(string key, double fallback, double min, double max) => OptionalDouble(key, min, max) ?? fallback;

    /// <summary>true/false, or <paramref name="fallback"/>.</summary>
    public bool Bool(string key, bool fallback)
    {
        string? text = Text(key, "true | false");
        return text switch
        {
            null => fallback,
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => throw Error(key, $"'{text}' is not valid; valid: true | false."),
        };
    }

    /// <summary>One of <paramref name="choices"/>, or <paramref name="fallback"/>.</summary>
    public string Choice(string key, string fallback, params string[] choices)
    {
        string? text = Text(key, string.Join(" | ", choices));
        if (text is null)
        {
            return fallback;
        }

        if (Array.IndexOf(choices, text) < 0)
        {
            throw Error(key, $"'{text}' is not valid; valid: {string.Join(" | ", choices)}.");
        }

        return text;
    }

    /// <summary>Rejects keys of this section that no reader asked for, listing the valid keys.</summary>
    public void ThrowIfUnknownKeys()
    {
        foreach (KeyValuePair<string, (YamlNode Key, YamlNode Value)> entry in _entries)
        {
            if (!_known.Contains(entry.Key))
            {
                string valid = string.Join(", ", _known.Order(StringComparer.Ordinal));
                throw new ConfigurationException(Where(entry.Value.Key.Start), Join(Path, entry.Key), $"unknown key; valid keys{(Path.Length == 0 ? string.Empty : $" of {Path}")}: {valid}.");
            }
        }
    }

    /// <summary>An error located at <paramref name="key"/> (its value when present, else the section).</summary>
    public ConfigurationException Error(string key, string reason)
    {
        string where = _entries.TryGetValue(key, out var entry) ? Where(entry.Value.Start) : Where(_start);
        return new ConfigurationException(where, Join(Path, key), reason);
    }

    private string Where(Mark mark) => mark.Line == 0 ? _source : FormattableString.Invariant($"{_source}:{mark.Line}:{mark.Column}");

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
