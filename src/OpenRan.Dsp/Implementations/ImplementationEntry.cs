using System;

namespace OpenRan.Dsp.Implementations;

/// <summary>
/// One implementation of a family: its name, whether this machine runs it, how to create it, and optionally which
/// arguments it handles (for example an FFT plan that needs a length divisible by 4).
/// </summary>
/// <typeparam name="TImplementation">The family's interface.</typeparam>
/// <typeparam name="TArguments">What a creation takes (options, a length, a scale).</typeparam>
/// <param name="Name">The implementation name (<see cref="ImplementationNames"/>), lower case.</param>
/// <param name="IsSupported">Whether this machine (and the JIT knobs in force) can run it.</param>
/// <param name="Create">Creates an instance for the given arguments.</param>
/// <param name="Requirement">What it needs, for error messages (for example <c>AVX2</c>).</param>
/// <param name="Accepts">For <c>auto</c>: whether it handles the given arguments (null: all of them).</param>
public sealed record ImplementationEntry<TImplementation, TArguments>(
    string Name, Func<bool> IsSupported, Func<TArguments, TImplementation> Create, string Requirement = "", Func<TArguments, bool>? Accepts = null)
    where TImplementation : class;
