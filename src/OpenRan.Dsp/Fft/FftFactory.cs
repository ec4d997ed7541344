using System;
using System.Collections.Generic;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// Creates FFT plans by implementation name (STYLE.md §6): <c>auto</c> (the vector plan where the machine and the length
/// allow it, else the scalar one), <c>avx2</c> (<see cref="FftPlanAvx2"/>) or <c>generic</c> (<see cref="FftPlanGeneric"/>).
/// </summary>
public static class FftFactory
{
    /// <summary>The implementation names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", FftPlanAvx2.Name, FftPlanGeneric.Name];

    /// <summary>The implementations that can run on this machine (always includes <c>generic</c>).</summary>
    public static IReadOnlyList<string> Available => FftPlanAvx2.IsSupported ? [FftPlanAvx2.Name, FftPlanGeneric.Name] : [FftPlanGeneric.Name];

    /// <summary>What <c>auto</c> picks for lengths divisible by 4 on this machine.</summary>
    public static string AutoChoice => FftPlanAvx2.IsSupported ? FftPlanAvx2.Name : FftPlanGeneric.Name;

    /// <summary>Plans a transform of <paramref name="length"/> points with the named implementation.</summary>
    /// <param name="length">N, 1..2^20 (the <c>avx2</c> plan needs a multiple of 4).</param>
    /// <param name="implementation"><c>auto</c>, <c>avx2</c> or <c>generic</c> (case-insensitive).</param>
    /// <param name="scaling">The normalisation convention.</param>
    /// <exception cref="ArgumentException">Unknown name, or a length the named implementation cannot do.</exception>
    /// <exception cref="PlatformNotSupportedException"><c>avx2</c> on a machine without accelerated Vector256.</exception>
    public static FftPlan Create(int length, string implementation = "auto", FftScaling scaling = FftScaling.None)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        switch (implementation.ToLowerInvariant())
        {
            case "auto":
                return FftPlanAvx2.IsSupported && FftPlanAvx2.SupportsLength(length)
                    ? new FftPlanAvx2(length, scaling)
                    : new FftPlanGeneric(length, scaling);
            case FftPlanAvx2.Name:
                return new FftPlanAvx2(length, scaling);
            case FftPlanGeneric.Name:
                return new FftPlanGeneric(length, scaling);
            default:
                ThrowHelper.ThrowArgument(nameof(implementation), $"unknown FFT implementation '{implementation}'; valid: {string.Join(", ", Names)}.");
                return null!;
        }
    }
}
