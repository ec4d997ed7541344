using System.Collections.Generic;
using OpenRan.Dsp.Implementations;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>
/// Creates LDPC decoders by implementation name (the shared factory contract, <see cref="ImplementationFamily{TImplementation, TArguments}"/>):
/// <c>auto</c> (the fastest this machine runs), <c>avx512</c> (<see cref="LdpcDecoderAvx512"/>), <c>avx2</c> (<see cref="LdpcDecoderAvx2"/>) or <c>generic</c>
/// (<see cref="LdpcDecoderGeneric"/>, the scalar oracle). A new variant is one more line in <see cref="Family"/>.
/// </summary>
public static class LdpcDecoderFactory
{
    /// <summary>The name that picks the fastest available implementation.</summary>
    public const string Auto = ImplementationNames.Auto;

    /// <summary>The AVX-512 implementation's name.</summary>
    public const string Avx512Name = ImplementationNames.Avx512;

    /// <summary>The AVX2 implementation's name.</summary>
    public const string Avx2Name = ImplementationNames.Avx2;

    /// <summary>The scalar reference implementation's name.</summary>
    public const string Generic = ImplementationNames.Generic;

    /// <summary>The LDPC decoder implementations, fastest first.</summary>
    public static ImplementationFamily<ILdpcDecoder, LdpcDecoderOptions> Family { get; } = new(
        "LDPC decoder",
        new(Avx512Name, () => LdpcDecoderAvx512.IsSupported, o => new LdpcDecoderAvx512(o), "AVX-512F/BW/VL"),
        new(Avx2Name, () => LdpcDecoderAvx2.IsSupported, o => new LdpcDecoderAvx2(o), "AVX2"),
        new(Generic, () => true, o => new LdpcDecoderGeneric(o)));

    /// <summary>Every implementation name, whether or not it runs here.</summary>
    public static IReadOnlyList<string> Implementations => Family.Implementations;

    /// <summary>The implementations that can run on this machine, fastest first.</summary>
    public static IReadOnlyList<string> Available => Family.Available;

    /// <summary>The implementation <c>auto</c> picks here.</summary>
    public static string AutoChoice => Family.AutoChoice;

    /// <summary>The implementation <paramref name="name"/> stands for here (resolves <c>auto</c>; trimmed, case-insensitive).</summary>
    /// <exception cref="System.ArgumentException">Unknown name, or an implementation this machine cannot run.</exception>
    public static string Resolve(string name) => Family.Resolve(name);

    /// <summary>Creates the decoder named <paramref name="name"/> (<c>auto | avx512 | avx2 | generic</c>) with <paramref name="options"/>.</summary>
    /// <exception cref="System.ArgumentException">Unknown name, or an implementation this machine cannot run.</exception>
    public static ILdpcDecoder Create(string name, LdpcDecoderOptions options) => Family.Create(name, options, nameof(name));
}
