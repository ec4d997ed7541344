using System;
using System.Collections.Generic;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Conformance.Checks;

/// <summary>A check over Sionna's PUSCH transmitter vectors (<c>sionna/nr/pusch_transmitter</c>, one case per JSON file).</summary>
public abstract class SionnaPuschTransmitterCheck : IConformanceCheck
{
    /// <summary>Grid tolerance (README §1.8: |grid′ − grid| &lt; 1e-6).</summary>
    public const double Tolerance = 1e-6;

    /// <inheritdoc />
    public abstract string Category { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public string RelativeFolder => "sionna/nr/pusch_transmitter";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.json");

    /// <inheritdoc />
    public abstract CaseResult Run(string caseId);

    /// <summary>The reference grid of a vector as a resource grid (antenna ports × 14 × K).</summary>
    protected static ResourceGrid ReferenceGrid(SionnaPuschCase vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        int ports = vector.GridShape[2];
        int k = vector.GridShape[0];
        var grid = new ResourceGrid(ports, 14, k);
        for (int p = 0; p < ports; p++)
        {
            for (int l = 0; l < 14; l++)
            {
                Span<ComplexF32> row = grid.Symbol(p, l);
                for (int i = 0; i < k; i++)
                {
                    row[i] = ComplexF32.FromComplex(vector.Grid(p, l, i));
                }
            }
        }

        return grid;
    }

    /// <summary>The first element of <paramref name="actual"/> (at the given elements) further than the tolerance from the reference, or null.</summary>
    protected static string? FirstDifference(SionnaPuschCase vector, ResourceGrid actual, Func<int, int, bool> include)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(include);
        for (int p = 0; p < actual.PortCount; p++)
        {
            for (int l = 0; l < 14; l++)
            {
                ReadOnlySpan<ComplexF32> row = actual.Symbol(p, l);
                for (int i = 0; i < row.Length; i++)
                {
                    if (!include(l, i))
                    {
                        continue;
                    }

                    System.Numerics.Complex expected = vector.Grid(p, l, i);
                    double error = (new System.Numerics.Complex(row[i].Re, row[i].Im) - expected).Magnitude;
                    if (error > Tolerance)
                    {
                        return $"port {p}, symbol {l}, subcarrier {i}: {row[i]}, expected {expected} (|error| {error:G3})";
                    }
                }
            }
        }

        return null;
    }
}
