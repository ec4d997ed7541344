using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;

namespace OpenRan.TestSupport;

/// <summary>
/// Re-runs test classes of the calling test assembly in a child process with JIT instruction-set knobs turned off, so
/// the 128-bit and scalar paths of every kernel run on a machine that would otherwise take the widest path
/// (ImageSharp's RemoteExecutor approach; Microsoft.DotNet.RemoteExecutor is not on our package source).
/// </summary>
/// <remarks>
/// The knob names live only here. .NET 10 folded the AVX-512 knobs into <c>DOTNET_EnableAVX512</c>; older names are aliases.
/// </remarks>
public static class IsaChildProcess
{
    /// <summary>Set in the child, so a launcher test can tell it is already inside one and not recurse.</summary>
    public const string ChildMarker = "OPENRAN_ISA_CHILD";

    /// <summary>Set in the child to the widest vector width (bits) the knob should leave accelerated.</summary>
    public const string ExpectedMaxVectorBits = "OPENRAN_EXPECT_MAX_VECTOR_BITS";

    /// <summary>The configurations every kernel test class is re-run under: name, environment and widest vector left.</summary>
    public static IReadOnlyList<(string Name, string Variable, int MaxVectorBits)> Configurations { get; } =
    [
        ("no AVX-512 (AVX2 machine)", "DOTNET_EnableAVX512", 256),
        ("no AVX2 (Vector128 paths)", "DOTNET_EnableAVX2", 128),
        ("no hardware intrinsics (scalar paths)", "DOTNET_EnableHWIntrinsic", 0),
    ];

    /// <summary>The configuration names as theory data rows (for <c>[MemberData]</c>).</summary>
    public static IEnumerable<object[]> ConfigurationNames
    {
        get
        {
            foreach ((string name, _, _) in Configurations)
            {
                yield return [name];
            }
        }
    }

    /// <summary>
    /// Re-runs <paramref name="testClasses"/> of <paramref name="testAssembly"/> under the configuration named
    /// <paramref name="configuration"/> and fails with the child's output unless it passes; skips inside a child process.
    /// </summary>
    public static void AssertPasses(Assembly testAssembly, string configuration, params string[] testClasses)
    {
        if (IsChild)
        {
            Xunit.Assert.Skip("already inside an ISA child process.");
        }

        (string _, string variable, int bits) = System.Linq.Enumerable.First(Configurations, c => c.Name == configuration);
        (int exitCode, string output) = Run(testAssembly, variable, bits, testClasses);
        Xunit.Assert.True(exitCode == 0, $"{configuration} ({variable}=0) failed with exit code {exitCode}:\n{output}");
    }

    /// <summary>Whether this process is an ISA child run.</summary>
    public static bool IsChild => Environment.GetEnvironmentVariable(ChildMarker) == "1";

    /// <summary>
    /// Runs the given test classes of <paramref name="testAssembly"/> in a child process with <paramref name="variable"/>=0;
    /// returns the exit code and the child's output.
    /// </summary>
    public static (int ExitCode, string Output) Run(Assembly testAssembly, string variable, int maxVectorBits, params string[] testClasses)
    {
        string dll = testAssembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (string testClass in testClasses)
        {
            start.ArgumentList.Add("-class");
            start.ArgumentList.Add(testClass);
        }

        start.ArgumentList.Add("-noColor");
        start.Environment[variable] = "0";
        start.Environment[ChildMarker] = "1";
        start.Environment[ExpectedMaxVectorBits] = maxVectorBits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the child test process.");
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + stderr.Result);
    }
}
