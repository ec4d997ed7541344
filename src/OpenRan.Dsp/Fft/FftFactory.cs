using System.Collections.Generic;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// Creates FFT plans by implementation name (STYLE.md §6): <c>auto</c> (the vector plan where the machine and the length
/// allow it, else the scalar one), <c>avx2</c> (<see cref="FftPlanAvx2"/>, lengths divisible by 4) or <c>generic</c>
/// (<see cref="FftPlanGeneric"/>, every length).
/// </summary>
public static class FftFactory
{
    /// <summary>The FFT implementations, fastest first (the shared factory contract).</summary>
    public static ImplementationFamily<IFft, FftPlanArguments> Family { get; } = new(
        "FFT",
        new(ImplementationNames.Avx2, () => FftPlanAvx2.IsSupported, a => new FftPlanAvx2(a.Length, a.Scaling), "AVX2", a => FftPlanAvx2.SupportsLength(a.Length)),
        new(ImplementationNames.Generic, () => true, a => new FftPlanGeneric(a.Length, a.Scaling)));

    /// <summary>The implementation names accepted by <see cref="Create"/>: <c>auto</c> and every implementation.</summary>
    public static IReadOnlyList<string> Names => Family.Names;

    /// <summary>The implementations that can run on this machine (always includes <c>generic</c>).</summary>
    public static IReadOnlyList<string> Available => Family.Available;

    /// <summary>What <c>auto</c> picks for lengths every implementation handles (multiples of 4) on this machine.</summary>
    public static string AutoChoice => Family.AutoChoice;

    /// <summary>Plans a transform of <paramref name="length"/> points with the named implementation.</summary>
    /// <param name="length">N, 1..2^20 (the <c>avx2</c> plan needs a multiple of 4; <c>auto</c> falls back to <c>generic</c> otherwise).</param>
    /// <param name="implementation"><c>auto</c>, <c>avx2</c> or <c>generic</c> (case-insensitive, trimmed).</param>
    /// <param name="scaling">The normalisation convention.</param>
    /// <exception cref="System.ArgumentException">Unknown name, an implementation this machine cannot run, or a length the named implementation cannot do.</exception>
    public static IFft Create(int length, string implementation = ImplementationNames.Auto, FftScaling scaling = FftScaling.None) =>
        Family.Create(implementation, new FftPlanArguments(length, scaling), nameof(implementation));
}
