using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace OpenRan.Cli.Commands;

/// <summary>
/// Options that validate their own value while the command line is parsed: each knows its name and valid range, so a bad
/// value is a usage error (exit 2, on standard error) that names the option and the range, before any work starts, e.g.
/// <c>--seed = -1 is not valid; valid: 0 … 18446744073709551615.</c> Every numeric option of a command is made here, so
/// options added later get the same checks and messages.
/// </summary>
internal static class CliOption
{
    /// <summary>An integer option valid in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public static Option<T> Integer<T>(string name, string description, T minimum, T maximum, T? defaultValue = null)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        string range = Range(minimum, maximum);
        var option = new Option<T>(name)
        {
            Description = $"{description} ({range}).",
            CustomParser = result => Parse<T>(result, name, range, text =>
                T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T v) && v >= minimum && v <= maximum ? v : (T?)null),
        };
        if (defaultValue is T d)
        {
            option.DefaultValueFactory = _ => d;
        }

        return option;
    }

    /// <summary>
    /// A real option valid from <paramref name="minimum"/> to <paramref name="maximum"/> (bounds inclusive unless
    /// <paramref name="minimumExclusive"/>); NaN and ±∞ are never valid.
    /// </summary>
    public static Option<double> Real(string name, string description, double minimum, double maximum, double? defaultValue = null, bool minimumExclusive = false)
    {
        string range = string.Create(CultureInfo.InvariantCulture, $"{minimum:G} {(minimumExclusive ? "<" : "≤")} value ≤ {maximum:G}");
        var option = new Option<double>(name)
        {
            Description = $"{description} ({range}).",
            CustomParser = result => Parse<double>(result, name, range, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
                    && (minimumExclusive ? v > minimum : v >= minimum) && v <= maximum ? v : (double?)null),
        };
        if (defaultValue is double d)
        {
            option.DefaultValueFactory = _ => d;
        }

        return option;
    }

    /// <summary>A text option whose value must be one of <paramref name="valid"/> (case-insensitive; the value is returned in lower case).</summary>
    public static Option<string> Choice(string name, string description, IReadOnlyList<string> valid, string? defaultValue = null)
    {
        string range = string.Join(", ", valid);
        var option = new Option<string>(name)
        {
            Description = $"{description} ({range}).",
            CustomParser = result => Parse<string>(result, name, range, text =>
                valid.FirstOrDefault(v => string.Equals(v, text.Trim(), StringComparison.OrdinalIgnoreCase))),
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option;
    }

    /// <summary>The message every option uses for a bad value: <c>--name = value is not valid; valid: range.</c></summary>
    public static string InvalidValue(string name, string value, string range) => $"{name} = {value} is not valid; valid: {range}.";

    private static string Range<T>(T minimum, T maximum)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        string.Create(CultureInfo.InvariantCulture, $"{minimum} … {maximum}");

    private static T Parse<T>(ArgumentResult result, string name, string range, Func<string, T?> parse)
        where T : class
    {
        string text = Token(result);
        T? value = parse(text);
        if (value is null)
        {
            result.AddError(InvalidValue(name, text, range));
            return default!;
        }

        return value;
    }

    private static T Parse<T>(ArgumentResult result, string name, string range, Func<string, T?> parse)
        where T : struct
    {
        string text = Token(result);
        T? value = parse(text);
        if (value is null)
        {
            result.AddError(InvalidValue(name, text, range));
            return default;
        }

        return value.Value;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
}
