using System;
using System.Collections.Generic;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Phy.Upper.Equalization;

/// <summary>
/// Creates the built-in equalizers: an algorithm by name (<c>zf</c> or <c>mmse</c>) and an implementation by the shared
/// factory contract (<c>auto | avx512 | avx2 | generic</c>). A researcher's own <see cref="IChannelEqualizer"/> is handed to the
/// receiver directly instead.
/// </summary>
public static class ChannelEqualizerFactory
{
    /// <summary>The name of zero forcing.</summary>
    public const string ZeroForcingName = "zf";

    /// <summary>The name of unbiased MMSE.</summary>
    public const string MmseName = "mmse";

    /// <summary>The equalizer implementations, fastest first; the creation argument is the algorithm.</summary>
    public static ImplementationFamily<IChannelEqualizer, EqualizerAlgorithm> Family { get; } = new(
        "equalizer",
        new(ImplementationNames.Avx512, () => ChannelEqualizerAvx512.IsSupported, a => new ChannelEqualizerAvx512(a), "AVX-512F/BW/VL"),
        new(ImplementationNames.Avx2, () => ChannelEqualizerAvx2.IsSupported, a => new ChannelEqualizerAvx2(a), "AVX2"),
        new(ImplementationNames.Generic, () => true, a => new ChannelEqualizerGeneric(a)));

    /// <summary>The algorithm names <see cref="ParseAlgorithm"/> accepts.</summary>
    public static IReadOnlyList<string> AlgorithmNames { get; } = [ZeroForcingName, MmseName];

    /// <summary>Creates the equalizer of <paramref name="algorithm"/> with the named implementation.</summary>
    /// <param name="algorithm">ZF or MMSE.</param>
    /// <param name="implementation"><c>auto</c>, <c>avx512</c>, <c>avx2</c> or <c>generic</c> (trimmed, case-insensitive).</param>
    /// <exception cref="ArgumentException">Unknown implementation, or one this machine cannot run.</exception>
    public static IChannelEqualizer Create(EqualizerAlgorithm algorithm, string implementation = ImplementationNames.Auto)
    {
        if (!Enum.IsDefined(algorithm))
        {
            Dsp.ThrowHelper.ThrowOutOfRange(nameof(algorithm), algorithm, string.Join(", ", Enum.GetNames<EqualizerAlgorithm>()));
        }

        return Family.Create(implementation, algorithm, nameof(implementation));
    }

    /// <summary>The algorithm named <paramref name="name"/>: <c>zf</c> (or <c>zero-forcing</c>) or <c>mmse</c>, trimmed and case-insensitive.</summary>
    /// <exception cref="ArgumentException">Any other name; the message lists the valid ones.</exception>
    public static EqualizerAlgorithm ParseAlgorithm(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ImplementationNames.Normalize(name) switch
        {
            ZeroForcingName or "zero-forcing" => EqualizerAlgorithm.ZeroForcing,
            MmseName => EqualizerAlgorithm.Mmse,
            _ => throw new ArgumentException($"unknown equalizer '{name}'; valid: {string.Join(", ", AlgorithmNames)}.", nameof(name)),
        };
    }

    /// <summary>The short name of an algorithm (<c>zf</c>, <c>mmse</c>).</summary>
    public static string AlgorithmName(EqualizerAlgorithm algorithm) => algorithm == EqualizerAlgorithm.ZeroForcing ? ZeroForcingName : MmseName;
}
