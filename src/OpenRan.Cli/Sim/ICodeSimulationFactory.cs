using System;
using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Sim;

/// <summary>
/// A channel code that <c>openran sim code --code NAME</c> can simulate: its options and how to build one
/// <see cref="IFrameCodec"/> per worker thread from them. Each code adds one line to <see cref="CodeSimulationFactories.CreateAll"/>.
/// </summary>
/// <remarks>
/// The settings every code shares (K, E or rate, iterations, decoder implementation) arrive as <see cref="CodeSimulationSettings"/>;
/// a code's own options must have names no other code uses (they all live on the same command).
/// </remarks>
internal interface ICodeSimulationFactory
{
    /// <summary>The value of <c>--code</c>, for example <c>ldpc</c>.</summary>
    string Name { get; }

    /// <summary>One line describing the code and its options.</summary>
    string Description { get; }

    /// <summary>The code's own options.</summary>
    IReadOnlyList<Option> Options { get; }

    /// <summary>Validates the options and returns a factory of codecs (one per worker thread).</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it and its valid range.</exception>
    Func<IFrameCodec> Prepare(ParseResult parse, CodeSimulationSettings settings);
}
