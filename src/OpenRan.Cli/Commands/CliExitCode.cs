namespace OpenRan.Cli.Commands;

/// <summary>
/// The exit codes of every <c>openran</c> command, so scripts and CI can tell a bad command line from a failed run.
/// </summary>
internal static class CliExitCode
{
    /// <summary>The command did what was asked and every check it made passed.</summary>
    public const int Success = 0;

    /// <summary>
    /// The command ran (or started) and something failed: a check, a conformance case, a 3GPP requirement asked for with
    /// <c>--requirement</c>, a radio stream that lost samples, an I/O error. The reason is on standard error.
    /// </summary>
    public const int Failure = 1;

    /// <summary>The command line (or a configuration file) is invalid; nothing was run. The reason is on standard error.</summary>
    public const int Usage = 2;
}
