using System;
using System.Collections.Generic;

namespace OpenRan.Fuzz;

/// <summary>
/// One fuzz target: a piece of OpenRan fed with arbitrary bytes. <see cref="Run"/> returns normally for every input the
/// code handles as designed (including a clear rejection such as a format exception); any other exception, a hang, a
/// crash of the process or memory beyond the cap is a finding.
/// </summary>
internal abstract class FuzzTarget
{
    /// <summary>The name used on the command line and as the corpus folder (<c>mat</c>, <c>pusch</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>What the bytes are interpreted as.</summary>
    public abstract string Description { get; }

    /// <summary>Per-input timeout for afl-fuzz in milliseconds: far above the slowest legitimate input, so only a hang trips it.</summary>
    public virtual int TimeoutMilliseconds => 5000;

    /// <summary>Whether the target steps around inputs that hit a known failure (<see cref="KnownFailures"/>).</summary>
    public bool GuardKnownFailures { get; set; } = KnownFailures.GuardedByDefault;

    /// <summary>Tokens of the input format for afl-fuzz's dictionary (<c>-x</c>): keywords, magic numbers, boundary values.</summary>
    public virtual IReadOnlyList<string> Dictionary => [];

    /// <summary>Builds what every input needs (processors, tables) once, before fuzzing starts.</summary>
    public virtual void Prepare()
    {
    }

    /// <summary>Runs one input. Throws only for a finding.</summary>
    public abstract void Run(ReadOnlySpan<byte> input);

    /// <summary>Seed inputs: reference files from <paramref name="vectorRoots"/> (when any) and inputs built here.</summary>
    public abstract IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots);
}

/// <summary>A named seed input.</summary>
internal sealed record FuzzSeed(string Name, byte[] Bytes);
