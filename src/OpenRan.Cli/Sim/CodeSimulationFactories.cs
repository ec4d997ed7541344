using System.Collections.Generic;

namespace OpenRan.Cli.Sim;

/// <summary>The codes <c>openran sim code</c> knows.</summary>
internal static class CodeSimulationFactories
{
    /// <summary>Every code, one line each.</summary>
    public static IReadOnlyList<ICodeSimulationFactory> CreateAll() =>
    [
        new LdpcCodeSimulationFactory(),
        new PolarCodeSimulationFactory(),
    ];
}
