using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenRan.Simulation.Reporting;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>
/// Shared output helpers: JSON documents are written raw (no markup) so that scripts can parse them, with numbers as JSON
/// numbers and undefined values (NaN, ±∞) as <c>null</c>; errors go to standard error.
/// </summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new FiniteDoubleJsonConverter() },
    };

    /// <summary>The indented camel-case JSON text of <paramref name="value"/>.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, s_json);

    /// <summary>Serializes <paramref name="value"/> as indented camel-case JSON onto the console's raw output.</summary>
    public static void WriteJson<T>(IAnsiConsole console, T value)
    {
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, s_json));
        console.Profile.Out.Writer.Flush();
    }

    /// <summary>
    /// Writes <c>error: message</c> on standard error (the <see cref="CliConsole.Error"/> of <paramref name="console"/>),
    /// red when the terminal supports colour, never wrapped, so that one error is one line.
    /// </summary>
    public static void WriteError(IAnsiConsole console, string message) => WriteDiagnostic(console, "error", "31", message);

    /// <summary>Writes <c>warning: message</c> on standard error, yellow when the terminal supports colour.</summary>
    public static void WriteWarning(IAnsiConsole console, string message) => WriteDiagnostic(console, "warning", "33", message);

    /// <summary>
    /// Checks before any work that <paramref name="path"/> (given by <paramref name="option"/>) can be written: its
    /// directory exists or can be created, and the file can be created or opened for writing. A file that did not exist
    /// is not left behind.
    /// </summary>
    /// <exception cref="ArgumentException">It cannot be written; the message names the option, the path and the reason.</exception>
    public static void EnsureWritable(string path, string option)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"{option}: '{path}' is not a valid path ({e.Message}).", e);
        }

        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{option}: '{path}' is a directory; give a file path.");
        }

        try
        {
            string? directory = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using FileStream stream = File.Exists(full)
                ? new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)
                : new FileStream(full, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ArgumentException($"{option}: cannot write '{path}' ({e.Message}).", e);
        }
    }

    private static void WriteDiagnostic(IAnsiConsole console, string label, string colour, string message)
    {
        IAnsiConsole target = console is CliConsole cli ? cli.Error : console;
        TextWriter writer = target.Profile.Out.Writer;
        writer.WriteLine(target.Profile.Capabilities.Ansi ? $"\u001b[{colour}m{label}:\u001b[0m {message}" : $"{label}: {message}");
        writer.Flush();
    }
}
