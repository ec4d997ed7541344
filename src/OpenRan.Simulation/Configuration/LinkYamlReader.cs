using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// Reads a link-simulation YAML file, one parser event at a time: a single document holding a mapping of option names
/// to a scalar or a flat sequence of scalars. Anything else (malformed YAML, several documents, a key that is not a
/// plain name, a key given twice, a nested mapping or list, an alias to an undefined or unsuitable anchor) is a
/// <see cref="ConfigurationException"/> at <c>file:line:column</c>. No document tree is built, so nesting depth,
/// self-referencing aliases and alias expansion cannot cost more than the file's own size.
/// </summary>
internal static class LinkYamlReader
{
    /// <summary>The largest configuration file read (1 MiB): a configuration lists a few dozen options.</summary>
    public const long MaxFileBytes = 1 << 20;

    public static IReadOnlyList<LinkOptionAssignment> Read(string yaml, string sourceName)
    {
        var assignments = new List<LinkOptionAssignment>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            CheckSyntax(yaml, sourceName);

            Expect<StreamStart>(parser, sourceName);
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return assignments;
            }

            Expect<DocumentStart>(parser, sourceName);
            if (parser.Current is Scalar { Value: "" })
            {
                // An empty document ('---' alone, or only comments after it).
                parser.MoveNext();
            }
            else if (parser.Current is MappingStart)
            {
                parser.MoveNext();
                ReadMapping(parser, sourceName, assignments);
            }
            else
            {
                throw new ConfigurationException(Location(sourceName, parser.Current!.Start), "the document must be a mapping of option names to values.");
            }

            Expect<DocumentEnd>(parser, sourceName);
            if (parser.Current is DocumentStart second)
            {
                throw new ConfigurationException(Location(sourceName, second.Start), "only one YAML document is allowed.");
            }

            Expect<StreamEnd>(parser, sourceName);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(Location(sourceName, e.Start), $"not valid YAML: {e.Message}", e);
        }

        return assignments;
    }

    /// <summary>
    /// Scans the whole stream first, so that a syntax error anywhere is reported before any error of structure.
    /// YamlDotNet reports most syntax errors as <see cref="YamlException"/>s with their position; a few malformed inputs
    /// make it throw other exceptions instead (a tag that is not a URI, an inconsistent scanner state): those are
    /// reported as syntax errors after the last event it read.
    /// </summary>
    private static void CheckSyntax(string yaml, string sourceName)
    {
        var syntax = new Parser(new StringReader(yaml));
        Mark last = Mark.Empty;
        try
        {
            while (syntax.MoveNext())
            {
                last = syntax.Current!.End;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ConfigurationException(Location(sourceName, last), $"not valid YAML after this point ({e.Message})", e);
        }
    }

    public static IReadOnlyList<LinkOptionAssignment> ReadFile(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new ConfigurationException(path, "the configuration path is a directory, not a file.");
            }

            long length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new ConfigurationException(path, $"the configuration file is {length} bytes, more than the limit of {MaxFileBytes} bytes.");
            }

            text = File.ReadAllText(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, $"cannot read the configuration file ({e.Message}).", e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ConfigurationException(path, $"the configuration file is not UTF-8 text ({e.Message}).", e);
        }

        return Read(text, path);
    }

    private static void ReadMapping(IParser parser, string source, List<LinkOptionAssignment> assignments)
    {
        var firstSeen = new Dictionary<string, Mark>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            ParsingEvent keyEvent = parser.Current!;
            string where = Location(source, keyEvent.Start);
            if (keyEvent is not Scalar { Value: string key } || key.Length == 0)
            {
                throw new ConfigurationException(where, "keys must be plain option names.");
            }

            parser.MoveNext();
            LinkOptionSpec option = LinkOptionCatalog.Find(key)
                ?? throw new ConfigurationException(where, $"unknown key '{key}'; valid keys: {string.Join(", ", LinkOptionCatalog.All.Select(o => o.Name))}.");
            if (firstSeen.TryGetValue(key, out Mark first))
            {
                throw new ConfigurationException(where, $"duplicate key '{key}'; it is already set at {Location(source, first)}.");
            }

            firstSeen.Add(key, keyEvent.Start);
            ParsingEvent valueEvent = parser.Current!;
            string valueWhere = Location(source, valueEvent.Start);
            List<string> values = valueEvent switch
            {
                Scalar scalar => Remember(anchors, scalar.Anchor, [scalar.Value]),
                AnchorAlias alias => anchors.TryGetValue(alias.Value.Value, out List<string>? aliased)
                    ? CheckShape(aliased, option, key, valueWhere)
                    : throw new ConfigurationException(valueWhere, $"'{key}' refers to anchor '&{alias.Value.Value}', which is not defined before it as a value."),
                SequenceStart sequence when option.Kind == LinkOptionKind.List => Remember(anchors, sequence.Anchor, ReadList(parser, source, key, anchors)),
                SequenceStart => throw new ConfigurationException(valueWhere, $"'{key}' takes a single value, not a list."),
                _ => throw new ConfigurationException(valueWhere, $"'{key}' takes {(option.Kind == LinkOptionKind.List ? "a value or a list of values" : "a single value")}, not a mapping."),
            };
            parser.MoveNext();
            assignments.Add(new LinkOptionAssignment(option, values, valueWhere));
        }
    }

    /// <summary>Reads the scalars of a flow or block sequence; leaves the parser on its end.</summary>
    private static List<string> ReadList(IParser parser, string source, string key, Dictionary<string, List<string>> anchors)
    {
        var values = new List<string>();
        parser.MoveNext();
        while (parser.Current is not SequenceEnd)
        {
            ParsingEvent item = parser.Current!;
            values.Add(item switch
            {
                Scalar s => Remember(anchors, s.Anchor, [s.Value])[0],
                AnchorAlias a when anchors.TryGetValue(a.Value.Value, out List<string>? v) && v.Count == 1 => v[0],
                _ => throw new ConfigurationException(Location(source, item.Start), $"'{key}' takes a list of plain values."),
            });
            parser.MoveNext();
        }

        return values;
    }

    private static List<string> Remember(Dictionary<string, List<string>> anchors, AnchorName anchor, List<string> values)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = values;
        }

        return values;
    }

    private static List<string> CheckShape(List<string> values, LinkOptionSpec option, string key, string where) =>
        values.Count == 1 || option.Kind == LinkOptionKind.List
            ? values
            : throw new ConfigurationException(where, $"'{key}' takes a single value, not a list.");

    private static void Expect<T>(IParser parser, string source)
        where T : ParsingEvent
    {
        if (parser.Current is null && !parser.MoveNext())
        {
            throw new ConfigurationException(source, "the YAML stream ends unexpectedly.");
        }

        if (parser.Current is not T)
        {
            throw new ConfigurationException(Location(source, parser.Current!.Start), $"unexpected {Describe(parser.Current)} in the configuration.");
        }

        parser.MoveNext();
    }

    private static string Describe(ParsingEvent e) => e switch
    {
        MappingStart => "mapping",
        SequenceStart => "list",
        Scalar s => $"value '{s.Value}'",
        AnchorAlias a => $"alias '*{a.Value.Value}'",
        DocumentStart => "second document",
        _ => e.GetType().Name,
    };

    private static string Location(string source, Mark mark) => FormattableString.Invariant($"{source}:{mark.Line}:{mark.Column}");
}
