using System;
using System.Collections.Generic;

namespace OpenRan.Engine.Configuration;

/// <summary>Where each dotted key of a configuration file stood, so errors found after derivation point at the key.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, string> _locations = new(StringComparer.Ordinal);

    /// <summary>Creates an empty map for <paramref name="source"/>.</summary>
    public SourceMap(string source) => Source = source;

    /// <summary>The file name (or "(defaults)").</summary>
    public string Source { get; }

    /// <summary>Records <paramref name="key"/> at <paramref name="location"/>.</summary>
    public void Record(string key, string location) => _locations[key] = location;

    /// <summary>The location of <paramref name="key"/>, else of its closest present parent, else the file.</summary>
    public string Locate(string key)
    {
        string k = key;
        while (true)
        {
            if (_locations.TryGetValue(k, out string? location))
            {
                return location;
            }

            int dot = k.LastIndexOf('.');
            if (dot < 0)
            {
                return Source;
            }

            k = k[..dot];
        }
    }

    /// <summary>An error for <paramref name="key"/> at its location.</summary>
    public ConfigurationException Error(string key, string reason) => new(Locate(key), key, reason);
}
