using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace OpenRan.Cli.Commands;

/// <summary>Shared output helpers: JSON documents are written raw (no markup) so that scripts can parse them.</summary>
internal static class CliOutput
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Serializes <paramref name="value"/> as indented camel-case JSON onto the console's raw output.</summary>
    public static void WriteJson<T>(IAnsiConsole console, T value)
    {
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, s_json));
        console.Profile.Out.Writer.Flush();
    }

    /// <summary>Writes an error line naming what is wrong, in red when the console supports colour.</summary>
    public static void WriteError(IAnsiConsole console, string message) =>
        console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
