using System;
using System.Collections.Generic;

namespace OpenRan.Simulation.Configuration;

/// <summary>One option of a link simulation: its name (CLI <c>--name</c> and YAML key), help text and parser.</summary>
/// <param name="Name">The kebab-case name.</param>
/// <param name="Description">Help text with the valid values.</param>
/// <param name="Kind">Scalar, list or flag.</param>
/// <param name="Apply">Parses the values into the options; throws <see cref="FormatException"/> on a bad value.</param>
public sealed record LinkOptionSpec(string Name, string Description, LinkOptionKind Kind, Action<LinkSimulationOptions, IReadOnlyList<string>> Apply);
