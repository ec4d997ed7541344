using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection.Emit;
using System.Text.Json;
using OpenRan.Cli.Bench;
using OpenRan.Cli.Commands;
using OpenRan.Phy.Upper.Equalization;

namespace OpenRan.Cli.Tests;

/// <summary>
/// The quick-bench runner times optimized code: its warm-up waits until JIT compilation has settled, no method is
/// compiled during the timed samples, and when compilation does not settle within the limit the result says so. Checked
/// through the runner's own JIT accounting, never through timings.
/// </summary>
public class QuickBenchRunnerTests
{
    private static readonly Dictionary<string, string> s_noParameters = [];

    [Fact]
    public void Measure_SteadyWorkload_SettlesAndCompilesNothingDuringSamples()
    {
        var values = new double[64];
        var bench = new PreparedBenchmark(() => Array.Fill(values, 1.5), 1, "op", s_noParameters);

        QuickBenchResult result = QuickBenchRunner.Measure("steady", bench, samples: 3, sampleMilliseconds: 1);

        Assert.True(result.JitSettled);
        Assert.Equal(0, result.JitCompiledMethodsDuringMeasurement);
        Assert.True(result.WarmupMilliseconds >= QuickBenchRunner.SettleWindowMilliseconds);
        Assert.Equal(0, result.AllocatedBytesPerOperation);
        Assert.StartsWith("JIT settled", BenchCommand.DescribeWarmup(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_WorkloadThatKeepsCompiling_IsReportedUnsettled()
    {
        // Every operation JIT-compiles a new dynamic method, so the compiled-method count never stops growing.
        var bench = new PreparedBenchmark(CompileAndRunNewMethod, 1, "op", s_noParameters);

        QuickBenchResult result = QuickBenchRunner.Measure("compiling", bench, samples: 3, sampleMilliseconds: 0.5, maxWarmupMilliseconds: 200);

        Assert.False(result.JitSettled);
        Assert.True(result.JitCompiledMethodsDuringMeasurement > 0);
        Assert.StartsWith("warning: JIT compilation had not settled", BenchCommand.DescribeWarmup(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_InvalidWarmupLimit_NamesIt()
    {
        var bench = new PreparedBenchmark(() => { }, 1, "op", s_noParameters);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => QuickBenchRunner.Measure("x", bench, 3, 1, maxWarmupMilliseconds: 0));
        Assert.Equal("maxWarmupMilliseconds", ex.ParamName);
    }

    [Fact]
    public void BenchLdpcEncode_RateMatched_EncodesOnlyWhatRateMatchingReads()
    {
        (int exitCode, string output) = CliRunner.Run("bench", "ldpc-encode", "--rate", "0.92", "--rate-matched", "--samples", "3", "--sample-ms", "1", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement parameters = doc.RootElement.GetProperty("parameters");
        Assert.Equal("9183", parameters.GetProperty("E").GetString());
        Assert.Equal("9183", parameters.GetProperty("encoded").GetString()); // rv 0 without fillers: the first E bits
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
    }

    /// <summary>
    /// The real case: <c>openran bench fft</c> in a child process with tiered compilation and tiered PGO on (the test
    /// process itself runs with tiering off). The hot FFT code starts unoptimized there; the run must report that
    /// compilation settled and that nothing was compiled while it timed.
    /// </summary>
    [Fact]
    public async System.Threading.Tasks.Task BenchFft_WithTieredCompilation_ReportsSettledAndNoCompilationDuringSamples()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "openran.dll"));
        foreach (string arg in new[] { "bench", "fft", "--size", "4096", "--samples", "3", "--sample-ms", "2", "--max-warmup-ms", "120000", "--json" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment["DOTNET_TieredPGO"] = "1";
        start.Environment.Remove("DOTNET_TC_CallCountingDelayMs");
        start.Environment.Remove("DOTNET_ReadyToRun");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start openran.");
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await stderr);

        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.True(doc.RootElement.GetProperty("jitSettled").GetBoolean(), stdout);
        Assert.Equal(0, doc.RootElement.GetProperty("jitCompiledMethodsDuringMeasurement").GetInt64());
        Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
    }

    /// <summary><c>openran bench equalize</c>: the 4×4 MMSE with a named implementation runs without allocating and reports the implementation; an unknown algorithm is a usage error.</summary>
    [Fact]
    public void BenchEqualize_FourLayersNamedImplementation_RunsAndRejectsUnknownAlgorithm()
    {
        foreach (string implementation in new[] { "generic", "auto" })
        {
            (int exitCode, string output) = CliRunner.Run("bench", "equalize", "--rx", "4", "--layers", "4", "--length", "67", "--implementation", implementation, "--samples", "3", "--sample-ms", "1", "--json");
            Assert.Equal(0, exitCode);
            using JsonDocument doc = JsonDocument.Parse(output);
            JsonElement parameters = doc.RootElement.GetProperty("parameters");
            Assert.Equal(ChannelEqualizerFactory.Family.Resolve(implementation), parameters.GetProperty("implementation").GetString());
            Assert.Equal(0, doc.RootElement.GetProperty("allocatedBytesPerOperation").GetDouble());
        }

        (int badExit, string badOutput) = CliRunner.Run("bench", "equalize", "--algorithm", "mrc");
        Assert.Equal(2, badExit);
        Assert.Contains("zf, mmse", badOutput, StringComparison.Ordinal);
    }

    private static void CompileAndRunNewMethod()
    {
        var method = new DynamicMethod("fresh", typeof(int), Type.EmptyTypes);
        ILGenerator il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4_7);
        il.Emit(OpCodes.Ret);
        ((Func<int>)method.CreateDelegate(typeof(Func<int>)))();
    }
}
