using System;
using System.Collections.Generic;
using System.Globalization;

namespace OpenRan.Radio;

/// <summary>
/// Driver arguments in the <c>key=value,key=value</c> form SDR tools use (srsRAN <c>device_args</c>, SoapySDR kwargs).
/// Keys are case-sensitive; typed getters validate and name the key and its valid values in their exceptions.
/// </summary>
public sealed class RadioArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly List<string> _order;

    private RadioArguments(Dictionary<string, string> values, List<string> order)
    {
        _values = values;
        _order = order;
    }

    /// <summary>No arguments.</summary>
    public static RadioArguments Empty { get; } = new([], []);

    /// <summary>The keys in the order given.</summary>
    public IReadOnlyList<string> Keys => _order;

    /// <summary>Parses <c>key=value</c> pairs separated by commas; whitespace around keys and values is trimmed.</summary>
    /// <exception cref="ArgumentException">A pair has no '=' or an empty key, or a key repeats.</exception>
    public static RadioArguments Parse(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RadioArguments(values, order);
        }

        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            string key = (eq < 0 ? pair : pair[..eq]).Trim();
            if (eq <= 0 || key.Length == 0)
            {
                throw new RadioArgumentException("arguments", $"radio argument '{pair}' is not of the form key=value.");
            }

            if (!values.TryAdd(key, pair[(eq + 1)..].Trim()))
            {
                throw new RadioArgumentException("arguments", $"radio argument '{key}' is given twice.");
            }

            order.Add(key);
        }

        return new RadioArguments(values, order);
    }

    /// <summary>Builds arguments from pairs.</summary>
    public static RadioArguments From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (KeyValuePair<string, string> p in pairs)
        {
            values[p.Key] = p.Value;
            order.Add(p.Key);
        }

        return new RadioArguments(values, order);
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool Contains(string key) => _values.ContainsKey(key);

    /// <summary>The raw value of <paramref name="key"/>, or null.</summary>
    public string? this[string key] => _values.TryGetValue(key, out string? v) ? v : null;

    /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/> when absent.</summary>
    public string GetString(string key, string defaultValue) => this[key] ?? defaultValue;

    /// <summary>The value of <paramref name="key"/> as one of <paramref name="choices"/>.</summary>
    public string GetChoice(string key, string defaultValue, params ReadOnlySpan<string> choices)
    {
        string value = GetString(key, defaultValue);
        foreach (string c in choices)
        {
            if (string.Equals(c, value, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new RadioArgumentException(key, $"radio argument {key}={value} is not valid; valid: {string.Join(" | ", choices.ToArray())}.");
    }

    /// <summary>The value of <paramref name="key"/> as a number in [<paramref name="minimum"/>, <paramref name="maximum"/>] (accepts <c>23.04e6</c>).</summary>
    public double GetDouble(string key, double defaultValue, double minimum, double maximum)
    {
        string? text = this[key];
        if (text is null)
        {
            return defaultValue;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value < minimum || value > maximum)
        {
            throw new RadioArgumentException(key, string.Create(CultureInfo.InvariantCulture, $"radio argument {key}={text} is not valid; valid: a number in {minimum:G}..{maximum:G}."));
        }

        return value;
    }

    /// <summary>The value of <paramref name="key"/> as an integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public long GetInt64(string key, long defaultValue, long minimum, long maximum)
    {
        string? text = this[key];
        if (text is null)
        {
            return defaultValue;
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value < minimum || value > maximum)
        {
            throw new RadioArgumentException(key, string.Create(CultureInfo.InvariantCulture, $"radio argument {key}={text} is not valid; valid: an integer in {minimum}..{maximum}."));
        }

        return value;
    }

    /// <summary>The value of <paramref name="key"/> as a boolean (<c>true|false|1|0|yes|no</c>).</summary>
    public bool GetBoolean(string key, bool defaultValue)
    {
        string? text = this[key];
        return text switch
        {
            null => defaultValue,
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => throw new RadioArgumentException(key, $"radio argument {key}={text} is not valid; valid: true | false."),
        };
    }

    /// <summary>
    /// Throws when a key is not one of <paramref name="specifications"/> (a specification name ending in <c>N</c>, such as
    /// <c>tx_portN</c>, also admits that prefix followed by a channel number).
    /// </summary>
    public void ThrowIfUnknown(string driver, IReadOnlyList<RadioArgumentSpec> specifications)
    {
        ArgumentNullException.ThrowIfNull(specifications);
        foreach (string key in _order)
        {
            if (!IsKnown(key, specifications))
            {
                var names = new List<string>();
                foreach (RadioArgumentSpec s in specifications)
                {
                    names.Add(s.Name);
                }

                throw new RadioArgumentException(key, $"the {driver} driver has no argument '{key}'; valid: {string.Join(", ", names)}.");
            }
        }
    }

    /// <summary>Formats as <c>key=value,key=value</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(_order.Count);
        foreach (string k in _order)
        {
            parts.Add($"{k}={_values[k]}");
        }

        return string.Join(',', parts);
    }

    private static bool IsKnown(string key, IReadOnlyList<RadioArgumentSpec> specifications)
    {
        foreach (RadioArgumentSpec s in specifications)
        {
            if (string.Equals(s.Name, key, StringComparison.Ordinal))
            {
                return true;
            }

            if (s.Name.EndsWith('N') && key.Length > s.Name.Length - 1 && key.StartsWith(s.Name[..^1], StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(s.Name.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return true;
            }
        }

        return false;
    }
}
