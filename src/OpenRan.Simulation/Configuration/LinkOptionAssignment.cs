using System.Collections.Generic;

namespace OpenRan.Simulation.Configuration;

/// <summary>One option value from a source (for error messages: <c>sim.yaml:12:5</c> or <c>--snr-db</c>).</summary>
/// <param name="Option">The option.</param>
/// <param name="Values">Its value(s) as text.</param>
/// <param name="Source">Where it came from.</param>
public sealed record LinkOptionAssignment(LinkOptionSpec Option, IReadOnlyList<string> Values, string Source);
