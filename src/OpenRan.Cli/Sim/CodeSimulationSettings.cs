using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Sim;

/// <summary>The code settings shared by every code.</summary>
/// <param name="InformationBits">K from <c>--k</c> (0 when not given).</param>
/// <param name="CodedBits">E from <c>--e</c> (0 when not given).</param>
/// <param name="Rate">R from <c>--rate</c> (0 when not given).</param>
/// <param name="Iterations">Decoder iterations from <c>--iterations</c>.</param>
/// <param name="Decoder">Decoder implementation from <c>--decoder</c> (auto, avx512, avx2, generic).</param>
internal sealed record CodeSimulationSettings(int InformationBits, int CodedBits, double Rate, int Iterations, string Decoder)
{
    /// <summary>The largest K or E a frame may have (10^7 bits: the buffers of one frame per worker stay below 100 MB).</summary>
    public const int MaxCodedBits = 10_000_000;

    /// <summary>The code's parameter names (as its constructors name them) and the options that set them.</summary>
    private static readonly Dictionary<string, string> s_optionOf = new(StringComparer.Ordinal)
    {
        ["informationBits"] = "--k", ["k"] = "--k", ["a"] = "--k",
        ["codedBits"] = "--e", ["e"] = "--e", ["eUci"] = "--e",
        ["rate"] = "--rate", ["maxIterations"] = "--iterations", ["name"] = "--decoder", ["decoder"] = "--decoder",
        ["liftingSize"] = "--zc", ["llrScale"] = "--llr-scale", ["scalingSixteenths"] = "--min-sum-scaling", ["offset"] = "--min-sum-offset",
        ["listSize"] = "--list-size",
    };

    /// <summary>
    /// E for <paramref name="informationBits"/>: <see cref="CodedBits"/> when given, else K/R rounded, refusing an E the
    /// program cannot serve (above <see cref="MaxCodedBits"/>) with the option and the valid range of R.
    /// </summary>
    /// <exception cref="ArgumentException">Neither E nor R is given, or K/R is too large.</exception>
    public int CodedBitsFor(int informationBits)
    {
        if (CodedBits > 0)
        {
            return CodedBits;
        }

        if (!(Rate > 0))
        {
            throw new ArgumentException("give the rate-matched length --e or the code rate --rate.");
        }

        double e = Math.Round(informationBits / Rate);
        if (!(e <= MaxCodedBits))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--rate = {Rate:G} gives E = K/R = {e:G3} bits for K = {informationBits}; valid: {(double)informationBits / MaxCodedBits:G3} ≤ R ≤ 1 (E ≤ {MaxCodedBits})."));
        }

        return (int)e;
    }

    /// <summary>
    /// The validation pass every code shares, before any work starts: the code's own checks
    /// (<see cref="ICodeSimulationFactory.Prepare"/>), one codec built on this thread (so a configuration the code cannot
    /// encode or decode fails here, not on a worker), and a code rate K/E of at most 1. Errors name the command-line
    /// option and its valid range.
    /// </summary>
    /// <param name="factory">The code.</param>
    /// <param name="parse">The command line.</param>
    /// <param name="settings">The shared settings.</param>
    /// <param name="first">The codec built for the check (the caller may use it for the code's name).</param>
    /// <exception cref="ArgumentException">A value is invalid; the message names the option.</exception>
    public static Func<IFrameCodec> Prepare(ICodeSimulationFactory factory, ParseResult parse, CodeSimulationSettings settings, out IFrameCodec first)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(settings);
        Func<IFrameCodec> codecs;
        try
        {
            codecs = factory.Prepare(parse, settings);
            first = codecs();
        }
        catch (ArgumentException ex) when (ex.ParamName is string name && s_optionOf.TryGetValue(name, out string? option))
        {
            // "e = 13 is out of range; valid: 21..8192." from the code becomes "--e = 13 is out of range; …" (with K for context).
            string message = ex.Message.Split(" (Parameter", 2)[0];
            message = message.StartsWith(name + " =", StringComparison.Ordinal) ? option + message[name.Length..] : $"{option}: {message}";
            throw new ArgumentException($"{message.TrimEnd('.')} ({factory.Name} code).", ex);
        }

        if (first.InformationBitCount > first.CodedBitCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"K = {first.InformationBitCount} information bits in E = {first.CodedBitCount} coded bits is a code of rate {(double)first.InformationBitCount / first.CodedBitCount:0.###} > 1; valid: --e ≥ {first.InformationBitCount} (or --rate ≤ 1)."));
        }

        return codecs;
    }
}
