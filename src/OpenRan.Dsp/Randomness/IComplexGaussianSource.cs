using System;

namespace OpenRan.Dsp.Randomness;

/// <summary>A seeded source of circularly-symmetric complex Gaussian samples CN(0, σ²). Allocation-free; not thread-safe.</summary>
public interface IComplexGaussianSource
{
    /// <summary>Restarts the sequence for <paramref name="seed"/>.</summary>
    void Reset(ulong seed);

    /// <summary>Adds CN(0, <paramref name="variance"/>) samples to every element of <paramref name="samples"/>.</summary>
    void AddTo(Span<ComplexF32> samples, double variance);
}
