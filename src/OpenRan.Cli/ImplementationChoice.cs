using System.Collections.Generic;

namespace OpenRan.Cli;

/// <summary>Which implementation a factory picks under <c>auto</c>, and which it could pick.</summary>
/// <param name="Component">The component, for example <c>LDPC decoder</c>.</param>
/// <param name="Chosen">The implementation <c>auto</c> selects on this machine.</param>
/// <param name="Available">Every implementation that can run here.</param>
/// <param name="Implementations">Every implementation registered, whether or not it runs here.</param>
public sealed record ImplementationChoice(string Component, string Chosen, IReadOnlyList<string> Available, IReadOnlyList<string> Implementations);
