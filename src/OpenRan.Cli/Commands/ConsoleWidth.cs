using System;
using System.Globalization;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// The width tables and text are laid out for: <c>COLUMNS</c> when set (terminal or not); otherwise the terminal's width,
/// or — when the stream is redirected (CI logs, <c>| tee</c>, files) — <see cref="RedirectedWidth"/>, wide enough that
/// tables keep their natural width and lines are never wrapped (Spectre would otherwise assume 80 columns).
/// </summary>
internal static class ConsoleWidth
{
    /// <summary>The logical width of redirected output.</summary>
    public const int RedirectedWidth = 512;

    /// <summary>Sets the width of <paramref name="console"/>.</summary>
    public static void Apply(IAnsiConsole console, bool redirected, string? columns)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int width) && width is >= 20 and <= 4096)
        {
            console.Profile.Width = width;
        }
        else if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }
    }
}
