using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace OpenRan.Benchmarks;

/// <summary>
/// The OpenRan BenchmarkDotNet suite. Usage: <c>dotnet run -c Release --project benchmarks/OpenRan.Benchmarks -- --filter '*Fft*'</c>.
/// Extra switches: <c>--isa</c> adds Scalar / Vector128 / Vector256 jobs (JIT knobs), <c>--analysis</c> adds the
/// disassembly diagnoser. Memory is always measured (slot and chain benchmarks must show 0 B allocated) and the median is always reported.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        bool isa = args.Contains("--isa");
        bool analysis = args.Contains("--analysis");
        string[] rest = args.Where(a => a is not "--isa" and not "--analysis").ToArray();

        IConfig config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(StatisticColumn.Median)
            .WithOptions(ConfigOptions.JoinSummary);
        if (isa)
        {
            config = config
                .AddJob(Job.Default.WithId("Default").AsBaseline())
                .AddJob(Job.Default.WithId("V256").WithEnvironmentVariable("DOTNET_EnableAVX512", "0"))
                .AddJob(Job.Default.WithId("V128").WithEnvironmentVariable("DOTNET_EnableAVX2", "0"))
                .AddJob(Job.Default.WithId("Scalar").WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0"));
        }

        if (analysis)
        {
            config = config.AddDiagnoser(new DisassemblyDiagnoser(new DisassemblyDiagnoserConfig(maxDepth: 2)));
        }

        Console.WriteLine($"CPU features: {OpenRan.Dsp.CpuFeatures.Current}");
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
        return 0;
    }
}
