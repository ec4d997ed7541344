using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// Reads a configuration file's YAML events once before it is loaded, so that what the YAML library would report
/// obscurely is reported with <c>file:line:column</c> and the dotted key: a syntax error anywhere (including the few
/// malformed inputs for which YamlDotNet throws something other than a <see cref="YamlException"/>, reported after the
/// last event read), a key given twice in one mapping (with where it was first given; YamlDotNet would say only
/// "Duplicate key") and a second document (which would be ignored silently).
/// </summary>
internal static partial class YamlStructureCheck
{
    /// <summary>Checks <paramref name="yaml"/>, named <paramref name="source"/> in errors.</summary>
    /// <exception cref="ConfigurationException">The text is not one well-formed YAML document with unique keys.</exception>
    public static void Run(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var frames = new Stack<Frame>();
        Mark last = Mark.Empty;
        int documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                ParsingEvent e = parser.Current!;
                switch (e)
                {
                    case DocumentStart when ++documents > 1:
                        throw new ConfigurationException(Where(source, e.Start), "(document)", "only one YAML document is allowed (the file holds a second one from here).");
                    case MappingStart or SequenceStart:
                        string path = ChildPath(frames);
                        frames.Push(new Frame(path, e is MappingStart));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        Completed(frames);
                        break;
                    case Scalar or AnchorAlias:
                        if (frames.TryPeek(out Frame? top) && top.IsMapping && top.ExpectingKey && e is Scalar { Value: string key })
                        {
                            if (top.Keys.TryGetValue(key, out Mark first))
                            {
                                throw new ConfigurationException(Where(source, e.Start), Join(top.Path, key), $"the key appears twice in one mapping (first at line {first.Line}); give it once.");
                            }

                            top.Keys.Add(key, e.Start);
                            top.Key = key;
                        }

                        Completed(frames);
                        break;
                }

                last = e.End;
            }
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(Where(source, e.Start), "(syntax)", $"not valid YAML: {Describe(e)}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ConfigurationException(Where(source, last), "(syntax)", $"not valid YAML after this point (the YAML reader stopped: {e.Message}).");
        }
    }

    /// <summary><c>file:line:column</c> of <paramref name="mark"/>, or the file alone when the mark is unknown.</summary>
    public static string Where(string source, Mark mark) =>
        mark.Line == 0 ? source : string.Create(CultureInfo.InvariantCulture, $"{source}:{mark.Line}:{mark.Column}");

    /// <summary>The message of <paramref name="e"/> without the "(Line: …, Col: …, Idx: …) - (…): " prefix (the location is given separately).</summary>
    public static string Describe(YamlException e) => LocationPrefix().Replace(e.Message, string.Empty);

    private static void Completed(Stack<Frame> frames)
    {
        if (!frames.TryPeek(out Frame? parent))
        {
            return;
        }

        if (parent.IsMapping)
        {
            parent.ExpectingKey = !parent.ExpectingKey;
        }
        else
        {
            parent.Index++;
        }
    }

    private static string ChildPath(Stack<Frame> frames)
    {
        if (!frames.TryPeek(out Frame? parent))
        {
            return string.Empty;
        }

        if (!parent.IsMapping)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{parent.Path}[{parent.Index}]");
        }

        return parent.ExpectingKey ? Join(parent.Path, "(key)") : Join(parent.Path, parent.Key ?? "(key)");
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();

    /// <summary>A mapping or sequence being read: its dotted path, and for a mapping its keys so far.</summary>
    private sealed class Frame(string path, bool isMapping)
    {
        public string Path { get; } = path;

        public bool IsMapping { get; } = isMapping;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

        public bool ExpectingKey { get; set; } = true;

        public string? Key { get; set; }

        public int Index { get; set; }
    }
}
