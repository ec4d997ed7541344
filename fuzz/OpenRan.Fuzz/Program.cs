using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using OpenRan.Conformance;

namespace OpenRan.Fuzz;

/// <summary>
/// The fuzzing harness (fuzz/README.md). <c>run TARGET</c> serves afl-fuzz through SharpFuzz (inputs on stdin, one
/// process for many inputs); <c>replay TARGET PATH…</c> runs saved inputs in-process and reports each; <c>seeds TARGET|all
/// DIR</c> writes the seed corpus; <c>list</c> names the targets.
/// </summary>
internal static class Program
{
    private const int MapSize = 1 << 16;

    public static unsafe int Main(string[] args)
    {
        // Instrumented code writes coverage through SharpFuzz.Common.Trace.SharedMem; until SharpFuzz maps afl-fuzz's
        // shared memory (or when not fuzzing at all), point it at a scratch map so that instrumented code can run.
        SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine("usage: OpenRan.Fuzz list | run TARGET | replay TARGET PATH... | seeds TARGET|all DIR [--vectors DIR]");
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            return args[0] switch
            {
                "list" => List(),
                "run" when args.Length == 2 => Run(FuzzTargets.Get(args[1])),
                "replay" when args.Length >= 3 => Replay(FuzzTargets.Get(args[1]), args[2..]),
                "seeds" when args.Length >= 3 => WriteSeeds(args[1], args[2], args.Length >= 5 && args[3] == "--vectors" ? args[4] : null),
                _ => Usage($"unknown command line: {string.Join(' ', args)}"),
            };
        }
        catch (ArgumentException e) when (e.ParamName == "name")
        {
            return Usage(e.Message);
        }
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }

    private static int List()
    {
        foreach (FuzzTarget target in FuzzTargets.All())
        {
            Console.WriteLine($"{target.Name,-11} timeout {target.TimeoutMilliseconds} ms  {target.Description}");
        }

        return 0;
    }

    private static int Run(FuzzTarget target)
    {
        target.Prepare();
        using var buffer = new MemoryStream();
        SharpFuzz.Fuzzer.Run(stream =>
        {
            buffer.SetLength(0);
            stream.CopyTo(buffer);
            target.Run(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        });
        return 0;
    }

    private static int Replay(FuzzTarget target, string[] paths)
    {
        target.Prepare();
        List<string> files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p])
            .Where(f => !Path.GetFileName(f).Equals("README.txt", StringComparison.Ordinal))
            .ToList();
        int findings = 0;
        foreach (string file in files)
        {
            FuzzOutcome outcome = FuzzOutcome.Of(target, File.ReadAllBytes(file));
            if (outcome.Exception is null)
            {
                Console.WriteLine($"ok       {file} ({outcome.Elapsed.TotalMilliseconds:F1} ms)");
            }
            else
            {
                findings++;
                Console.WriteLine($"FINDING  {file}: {outcome.Exception.GetType().FullName}: {outcome.Exception.Message}");
                Console.WriteLine($"         at {outcome.StackTop}");
            }
        }

        Console.WriteLine($"{target.Name}: {files.Count} input(s), {findings} finding(s)");
        return findings == 0 ? 0 : 1;
    }

    private static int WriteSeeds(string which, string directory, string? vectors)
    {
        IReadOnlyList<string> roots = VectorRoots(vectors);
        IEnumerable<FuzzTarget> targets = which == "all" ? FuzzTargets.All() : [FuzzTargets.Get(which)];
        foreach (FuzzTarget target in targets)
        {
            string folder = which == "all" ? Path.Combine(directory, target.Name) : directory;
            Directory.CreateDirectory(folder);
            int count = 0;
            long bytes = 0;
            foreach (FuzzSeed seed in target.Seeds(roots))
            {
                File.WriteAllBytes(Path.Combine(folder, seed.Name), seed.Bytes);
                count++;
                bytes += seed.Bytes.Length;
            }

            if (target.Dictionary.Count > 0)
            {
                File.WriteAllLines(Path.Combine(directory, $"{target.Name}.dict"), target.Dictionary.Select((token, i) => $"t{i}=\"{token.Replace("\"", "\\\"", StringComparison.Ordinal)}\""));
            }

            Console.WriteLine($"{target.Name}: {count} seed(s), {bytes} bytes in {folder}");
        }

        return 0;
    }

    private static IReadOnlyList<string> VectorRoots(string? vectors)
    {
        if (vectors is not null)
        {
            return [vectors];
        }

        try
        {
            VectorRoot root = VectorRoot.Resolve();
            return root.Fallback is null ? [root.Primary] : [root.Primary, root.Fallback];
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }
}
