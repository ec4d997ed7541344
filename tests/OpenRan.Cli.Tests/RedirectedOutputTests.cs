using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace OpenRan.Cli.Tests;

/// <summary>
/// The built <c>openran</c> run as a child process with standard output and error redirected (as in CI logs or
/// <c>| tee</c>): tables keep their width (or honour COLUMNS), each progress event is printed once, errors go to stderr.
/// </summary>
public class RedirectedOutputTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(string? columns, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.CreateTempSubdirectory("openran-redirect").FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "openran.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("COLUMNS");
        if (columns is not null)
        {
            start.Environment["COLUMNS"] = columns;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start openran.");
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Directory.Delete(start.WorkingDirectory, recursive: true);
        return (process.ExitCode, stdout, stderr.Result);
    }

    [Fact]
    public void Redirected_TablesAreNotWrapped()
    {
        (int exitCode, string stdout, string stderr) = Run(null, "sim", "presets");
        Assert.True(exitCode == 0, stderr);
        string[] rows = [.. stdout.Split('\n').Where(l => l.StartsWith('│'))];
        Assert.Contains(rows, r => r.Contains("G-FR1-A3-10", StringComparison.Ordinal)); // FRC names whole, not split over lines
        Assert.Contains(rows, r => r.Length > 80); // the tables keep their natural width
        Assert.DoesNotContain(rows, r => Regex.IsMatch(r, @"^│\s+│")); // no continuation rows of a wrapped first cell
    }

    [Fact]
    public void Redirected_ColumnsIsHonoured()
    {
        (int exitCode, string stdout, string stderr) = Run("100", "freq", "--band", "n78", "--arfcn", "632628", "--bandwidth-mhz", "100", "--scs-khz", "30");
        Assert.True(exitCode == 0, stderr);
        Assert.All(stdout.Split('\n'), line => Assert.True(line.Length <= 100, line));
        Assert.Contains(stdout.Split('\n'), line => line.Length > 80);
    }

    [Fact]
    public void Redirected_ErrorsOnStandardErrorOnly()
    {
        (int exitCode, string stdout, string stderr) = Run(null, "freq", "--band", "n999");
        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stderr);
    }

    [Fact]
    public void Redirected_EachPointFinishedOnce()
    {
        string dir = Directory.CreateTempSubdirectory("openran-redirect-sim").FullName;
        try
        {
            // Two threads with lookahead batches: units completing after a point stopped must not report it again.
            (int exitCode, string stdout, string stderr) = Run(null,
                "sim", "pusch", "--grid-prbs", "6", "--mcs", "27", "--rx-antennas", "1", "--propagation", "AWGN", "--snr-db", "-5,-4,-3",
                "--max-slots", "40", "--min-block-errors", "2", "--batch-slots", "1", "--threads", "2", "--plot", "false", "--output", Path.Combine(dir, "run"));
            Assert.True(exitCode == 0, stderr);
            string[] done = [.. stdout.Split('\n').Where(l => l.Contains(" done: ", StringComparison.Ordinal))];
            Assert.Equal(3, done.Length);
            Assert.Equal(3, done.Distinct().Count());
            Assert.Equal("", stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
