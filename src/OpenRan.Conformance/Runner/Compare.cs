using System;
using System.Globalization;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Conformance.Runner;

/// <summary>Comparisons that describe the first difference, for conformance results.</summary>
public static class Compare
{
    /// <summary>Null when equal, else a description of the first differing element (or of the length difference).</summary>
    public static string? FirstDifference<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected, string what)
        where T : IEquatable<T>
    {
        if (actual.Length != expected.Length)
        {
            return $"{what}: length {actual.Length}, expected {expected.Length}";
        }

        for (int i = 0; i < actual.Length; i++)
        {
            if (!actual[i].Equals(expected[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{what}[{i}] = {actual[i]}, expected {expected[i]} ({CountDifferences(actual, expected)} of {actual.Length} differ)");
            }
        }

        return null;
    }

    /// <summary>
    /// Null when max |actual − expected| ≤ <paramref name="tolerance"/> · max(1, max |expected|) (a magnitude-scaled absolute
    /// tolerance), else the first element outside it.
    /// </summary>
    public static string? FirstDifference(ReadOnlySpan<ComplexF32> actual, ReadOnlySpan<Complex> expected, double tolerance, string what)
    {
        if (actual.Length != expected.Length)
        {
            return $"{what}: length {actual.Length}, expected {expected.Length}";
        }

        double scale = 1;
        foreach (Complex e in expected)
        {
            scale = Math.Max(scale, e.Magnitude);
        }

        double limit = tolerance * scale;
        for (int i = 0; i < actual.Length; i++)
        {
            double err = (new Complex(actual[i].Re, actual[i].Im) - expected[i]).Magnitude;
            if (!(err <= limit))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{what}[{i}] = {actual[i]}, expected {expected[i].Real:G9}{(expected[i].Imaginary < 0 ? "-" : "+")}{Math.Abs(expected[i].Imaginary):G9}j (|error| {err:G3} > {limit:G3})");
            }
        }

        return null;
    }

    /// <summary>
    /// Null when both the relative RMS error ‖actual − expected‖/‖expected‖ and the peak error max|actual − expected| /
    /// max|expected| are at most <paramref name="tolerance"/> (errors relative to the signal level, for waveforms and grids
    /// whose amplitude is far from 1), else the worst element and both figures.
    /// </summary>
    public static string? FirstRelativeDifference(ReadOnlySpan<ComplexF32> actual, ReadOnlySpan<Complex> expected, double tolerance, string what)
    {
        if (actual.Length != expected.Length)
        {
            return $"{what}: length {actual.Length}, expected {expected.Length}";
        }

        double peak = 0, worst = 0;
        int worstIndex = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            peak = Math.Max(peak, expected[i].Magnitude);
            double err = (new Complex(actual[i].Re, actual[i].Im) - expected[i]).Magnitude;
            if (!(err <= worst))
            {
                worst = err;
                worstIndex = i;
            }
        }

        double rms = RelativeRmsError(actual, expected);
        double relativePeak = peak == 0 ? worst : worst / peak;
        if (rms <= tolerance && relativePeak <= tolerance)
        {
            return null;
        }

        Complex e = expected[worstIndex];
        return string.Create(CultureInfo.InvariantCulture, $"{what}: relative RMS error {rms:G3}, peak error {relativePeak:G3} of max |expected| (tolerance {tolerance:G3}); worst [{worstIndex}] = {actual[worstIndex]}, expected {e.Real:G9}{(e.Imaginary < 0 ? "-" : "+")}{Math.Abs(e.Imaginary):G9}j");
    }

    /// <summary>Relative RMS error ‖actual − expected‖ / ‖expected‖ (0 when both are zero).</summary>
    public static double RelativeRmsError(ReadOnlySpan<ComplexF32> actual, ReadOnlySpan<Complex> expected)
    {
        if (actual.Length != expected.Length)
        {
            throw new ArgumentException($"length {actual.Length} differs from expected {expected.Length}.", nameof(actual));
        }

        double num = 0, den = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            Complex d = new Complex(actual[i].Re, actual[i].Im) - expected[i];
            num += (d.Real * d.Real) + (d.Imaginary * d.Imaginary);
            den += (expected[i].Real * expected[i].Real) + (expected[i].Imaginary * expected[i].Imaginary);
        }

        return den == 0 ? Math.Sqrt(num) : Math.Sqrt(num / den);
    }

    private static int CountDifferences<T>(ReadOnlySpan<T> actual, ReadOnlySpan<T> expected)
        where T : IEquatable<T>
    {
        int n = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            if (!actual[i].Equals(expected[i]))
            {
                n++;
            }
        }

        return n;
    }
}
