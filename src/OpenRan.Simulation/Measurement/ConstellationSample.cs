using System.Collections.Generic;

namespace OpenRan.Simulation.Measurement;

/// <summary>Equalized PDSCH constellation points of one modulation (a sample of at most a few thousand, for plots).</summary>
/// <param name="Modulation">The modulation.</param>
/// <param name="Points">(I, Q) pairs, unit average power of the reference constellation.</param>
public sealed record ConstellationSample(string Modulation, IReadOnlyList<(float I, float Q)> Points);
