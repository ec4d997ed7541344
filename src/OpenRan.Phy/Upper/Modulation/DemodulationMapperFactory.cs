using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// Creates soft demappers by implementation name (the shared factory contract): <c>auto</c>, <c>avx512</c>
/// (<see cref="DemodulationMapperAvx512"/>), <c>avx2</c> (<see cref="DemodulationMapperAvx2"/>) or <c>generic</c> (<see cref="DemodulationMapperGeneric"/>, the oracle).
/// The creation argument is the LLR quantization scale.
/// </summary>
public static class DemodulationMapperFactory
{
    /// <summary>The default quantization scale: 4 int8 steps per natural-unit LLR (±120 ↔ ±30 natural units).</summary>
    public const float DefaultLlrScale = 4f;

    /// <summary>The soft-demapper implementations, fastest first.</summary>
    public static ImplementationFamily<IDemodulationMapper, float> Family { get; } = new(
        "soft demapper",
        new(DemodulationMapperAvx512.ImplementationName, () => DemodulationMapperAvx512.IsSupported, scale => new DemodulationMapperAvx512(scale), "AVX-512F/BW/VL"),
        new(DemodulationMapperAvx2.ImplementationName, () => DemodulationMapperAvx2.IsSupported, scale => new DemodulationMapperAvx2(scale), "AVX2"),
        new(DemodulationMapperGeneric.ImplementationName, () => true, scale => new DemodulationMapperGeneric(scale)));

    /// <summary>Every name accepted by <see cref="Create"/>: <c>auto</c> and every implementation.</summary>
    public static IReadOnlyList<string> Names => Family.Names;

    /// <summary>The implementations that can run on this machine, fastest first.</summary>
    public static IReadOnlyList<string> Available => Family.Available;

    /// <summary>The implementation <c>auto</c> picks on this machine.</summary>
    public static string AutoChoice => Family.AutoChoice;

    /// <summary>Creates the named implementation.</summary>
    /// <param name="implementation"><c>auto</c>, <c>avx512</c>, <c>avx2</c> or <c>generic</c> (trimmed, case-insensitive).</param>
    /// <param name="llrScale">Quantization scale, in (0, 1000].</param>
    /// <exception cref="System.ArgumentException">Unknown name, or an implementation this machine cannot run.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="llrScale"/> outside (0, 1000].</exception>
    public static IDemodulationMapper Create(string implementation = ImplementationNames.Auto, float llrScale = DefaultLlrScale)
    {
        if (!(llrScale > 0f && llrScale <= 1000f))
        {
            ThrowHelper.ThrowOutOfRange(nameof(llrScale), llrScale, "(0, 1000]");
        }

        return Family.Create(implementation, llrScale, nameof(implementation));
    }
}
