using System.Collections.Generic;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Phy.Upper.ChannelCoding.Polar;

/// <summary>
/// Creates polar decoders by implementation name (the shared factory contract): <c>avx2</c> runs list sizes 2..8 one path
/// per Vector256 lane (<see cref="PolarLaneListDecoder"/>) and the rest path by path; <c>generic</c> runs every list size
/// path by path (the reference); <c>auto</c> picks the fastest available.
/// </summary>
public static class PolarDecoderFactory
{
    /// <summary>The polar decoder implementations, fastest first.</summary>
    public static ImplementationFamily<IPolarDecoder, PolarDecoderArguments> Family { get; } = new(
        "polar list decoder",
        new(ImplementationNames.Avx2, () => PolarLaneListDecoder.IsSupported, a => new PolarDecoder(a.MaxListSize, a.MaxLength, lanes: true), "AVX2"),
        new(ImplementationNames.Generic, () => true, a => new PolarDecoder(a.MaxListSize, a.MaxLength, lanes: false)));

    /// <summary>The implementations that can run on this machine, fastest first.</summary>
    public static IReadOnlyList<string> Available => Family.Available;

    /// <summary>The implementation <c>auto</c> picks here.</summary>
    public static string AutoChoice => Family.AutoChoice;

    /// <summary>Creates the named decoder for lists up to <paramref name="maxListSize"/> and codes up to <paramref name="maxLength"/>.</summary>
    /// <param name="implementation"><c>auto</c>, <c>avx2</c> or <c>generic</c> (trimmed, case-insensitive).</param>
    /// <param name="maxListSize">Largest list size L, 1..32.</param>
    /// <param name="maxLength">Largest code length N, a power of two 32..1024.</param>
    /// <exception cref="System.ArgumentException">Unknown name, or an implementation this machine cannot run.</exception>
    public static IPolarDecoder Create(string implementation = ImplementationNames.Auto, int maxListSize = 32, int maxLength = PolarCode.MaxLength) =>
        Family.Create(implementation, new PolarDecoderArguments(maxListSize, maxLength), nameof(implementation));
}
