using System;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.ChannelCoding.Ldpc;

/// <summary>Creates LDPC decoders by implementation name: <c>auto</c> (the fastest this machine runs), <c>avx2</c> or <c>generic</c>.</summary>
public static class LdpcDecoderFactory
{
    /// <summary>The name that picks the fastest available implementation.</summary>
    public const string Auto = "auto";

    /// <summary>The AVX2 implementation's name.</summary>
    public const string Avx2Name = "avx2";

    /// <summary>The scalar reference implementation's name.</summary>
    public const string Generic = "generic";

    /// <summary>Every implementation name, whether or not it runs here.</summary>
    public static IReadOnlyList<string> Implementations { get; } = [Avx2Name, Generic];

    /// <summary>The implementations that can run on this machine, fastest first.</summary>
    public static IReadOnlyList<string> Available => LdpcDecoderAvx2.IsSupported ? [Avx2Name, Generic] : [Generic];

    /// <summary>The implementation <paramref name="name"/> stands for here (resolves <c>auto</c>).</summary>
    /// <exception cref="ArgumentException">Unknown name, or an implementation this machine cannot run.</exception>
    public static string Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim().ToLowerInvariant();
        switch (key)
        {
            case Auto:
                return Available[0];
            case Generic:
                return Generic;
            case Avx2Name:
                if (!LdpcDecoderAvx2.IsSupported)
                {
                    ThrowHelper.ThrowArgument(nameof(name), "LDPC decoder 'avx2' needs AVX2, which this machine (or DOTNET_EnableAVX2=0) does not provide; valid here: auto, generic.");
                }

                return Avx2Name;
            default:
                ThrowHelper.ThrowArgument(nameof(name), $"unknown LDPC decoder '{name}'; valid: auto, avx2, generic.");
                return Generic;
        }
    }

    /// <summary>Creates the decoder named <paramref name="name"/> (<c>auto | avx2 | generic</c>) with <paramref name="options"/>.</summary>
    public static ILdpcDecoder Create(string name, LdpcDecoderOptions options) => Resolve(name) switch
    {
        Avx2Name => new LdpcDecoderAvx2(options),
        _ => new LdpcDecoderGeneric(options),
    };
}
