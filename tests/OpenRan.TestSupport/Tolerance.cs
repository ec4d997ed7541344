using System;
using OpenRan.Dsp;

namespace OpenRan.TestSupport;

/// <summary>Float comparisons with magnitude-scaled tolerances, stated at the call site (TensorPrimitives test Helpers).</summary>
public static class Tolerance
{
    /// <summary>
    /// Asserts |actual[i] − expected[i]| ≤ <paramref name="relative"/> · max(1, |expected[i]|) for every i, naming the first index outside.
    /// </summary>
    public static void AssertClose(ReadOnlySpan<ComplexF32> expected, ReadOnlySpan<ComplexF32> actual, float relative)
    {
        Xunit.Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            float limit = relative * MathF.Max(1f, expected[i].Magnitude);
            float error = (actual[i] - expected[i]).Magnitude;
            if (!(error <= limit))
            {
                Xunit.Assert.Fail($"index {i}: actual {actual[i]}, expected {expected[i]}, |error| {error:G3} > {limit:G3}");
            }
        }
    }

    /// <summary>Asserts |actual − expected| ≤ <paramref name="relative"/> · max(1, <paramref name="scale"/>).</summary>
    public static void AssertClose(ComplexF32 expected, ComplexF32 actual, float relative, float scale)
    {
        float limit = relative * MathF.Max(1f, scale);
        float error = (actual - expected).Magnitude;
        Xunit.Assert.True(error <= limit, $"actual {actual}, expected {expected}, |error| {error:G3} > {limit:G3}");
    }
}
