using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace OpenRan.Cli.Tests;

/// <summary>
/// The NuGet packages as a .NET user gets them: <c>dotnet pack</c> of the solution (already built in Release) into a
/// local folder feed, the <c>openran</c> .NET tool installed from it into a temporary tool path and run, and a small
/// consumer project restored and run against the library packages. Restores read only the local feed and the machine's
/// NuGet package folder (offline), into a temporary package folder so that no stale or test package reaches the cache.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private const string Version = "0.1.0-packtest";
    private readonly string _dir = Directory.CreateTempSubdirectory("openran-pack").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Pack_InstallTool_AndBuildAConsumer()
    {
        string root = RepositoryRoot();
        string feed = Path.Combine(_dir, "feed");
        (int code, string output) = Dotnet(root, "pack", Path.Combine(root, "OpenRan.sln"), "-c", "Release", "--no-build", "-o", feed, "-p:PackageVersion=" + Version, "-nodeReuse:false");
        Assert.True(code == 0, output);
        string[] packages = [.. Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        Assert.Equal(
            new[] { "OpenRan.Cli", "OpenRan.Conformance", "OpenRan.Dsp", "OpenRan.Engine", "OpenRan.Phy", "OpenRan.Radio", "OpenRan.Simulation" }.Select(id => $"{id}.{Version}.nupkg"),
            packages);

        string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string config = Path.Combine(_dir, "NuGet.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-feed" value="{feed}" />
                <add key="machine-packages" value="{machinePackages}" />
              </packageSources>
            </configuration>
            """);

        string tools = Path.Combine(_dir, "tools");
        (code, output) = Dotnet(_dir, "tool", "install", "OpenRan.Cli", "--version", Version, "--tool-path", tools, "--configfile", config);
        Assert.True(code == 0, output);
        (code, output) = Run(_dir, Path.Combine(tools, OperatingSystem.IsWindows() ? "openran.exe" : "openran"), "info");
        Assert.True(code == 0, output);
        Assert.Contains("CPU:", output, StringComparison.Ordinal);

        string consumer = Path.Combine(_dir, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OpenRan.Simulation" Version="{Version}" />
                <PackageReference Include="OpenRan.Conformance" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using OpenRan.Phy.Common.Frequency;
            using OpenRan.Simulation.Reporting;

            FrequencyPlan plan = FrequencyPlan.Create(OperatingBands.Get("n78"), 632628, 100, 30);
            System.Console.WriteLine($"N_RB {plan.NRb}, centre {plan.OfdmCenterFrequencyHz / 1e6:F3} MHz, plot {ResultFigure.Extension(PlotFormat.Svg)}");
            """);
        (code, output) = Dotnet(consumer, "run", "-c", "Release", "--configfile", config, "-nodeReuse:false");
        Assert.True(code == 0, output);
        Assert.Contains("N_RB 273, centre 3489.420 MHz, plot .svg", output, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "OpenRan.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("OpenRan.sln not found above " + AppContext.BaseDirectory);
    }

    private (int ExitCode, string Output) Dotnet(string workingDirectory, params string[] args) => Run(workingDirectory, "dotnet", args);

    private (int ExitCode, string Output) Run(string workingDirectory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Packages restored for the test go to a folder of their own; no MSBuild settings of the test host leak in.
        start.Environment["NUGET_PACKAGES"] = Path.Combine(_dir, "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (string variable in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}.");
        System.Threading.Tasks.Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} {string.Join(' ', args)} timed out after 10 minutes.\n{stdout}");
        }

        return (process.ExitCode, $"{file} {string.Join(' ', args)}\n{stdout}{stderr.Result}");
    }
}
