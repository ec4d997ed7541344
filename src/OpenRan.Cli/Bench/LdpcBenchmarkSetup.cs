using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Bench;

/// <summary>Options shared by the LDPC quick benchmarks and the seeded input they build.</summary>
internal sealed class LdpcBenchmarkSetup
{
    private readonly Option<int> _baseGraph = new("--bg") { Description = "Base graph 1 or 2.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _liftingSize = new("--zc") { Description = "Lifting size Z_c.", DefaultValueFactory = _ => 384 };
    private readonly Option<double> _rate = new("--rate") { Description = "Code rate K/E (E capped at N), in (0, 1).", DefaultValueFactory = _ => 1.0 / 3 };

    public IReadOnlyList<Option> Options => [_baseGraph, _liftingSize, _rate];

    /// <summary>Reads the options: the code, E = ⌈K/R⌉ capped at N, and a random codeword with BPSK LLRs at 3 dB (seed 1234).</summary>
    public (LdpcCode Code, int E, byte[] Message, byte[] Codeword, sbyte[] Llrs, Dictionary<string, string> Parameters) Build(ParseResult parse)
    {
        int bg = parse.GetValue(_baseGraph);
        if (bg is not (1 or 2))
        {
            throw new ArgumentException($"--bg = {bg} is out of range; valid: 1 or 2.");
        }

        int zc = parse.GetValue(_liftingSize);
        if (!LiftingSize.IsValid(zc))
        {
            throw new ArgumentException($"--zc = {zc} is not a lifting size of TS 38.212 Table 5.3.2-1.");
        }

        double rate = parse.GetValue(_rate);
        if (!(rate > 0 && rate < 1))
        {
            throw new ArgumentException($"--rate = {rate} is out of range; valid: 0 < R < 1.");
        }

        LdpcCode code = LdpcCode.Get((LdpcBaseGraph)bg, zc);
        int e = (int)Math.Min(code.CodewordLength, Math.Ceiling(code.InformationLength / rate));
        var signal = LdpcReferenceSignal.Create(code, e, esN0Db: 3);
        var parameters = new Dictionary<string, string>
        {
            ["bg"] = bg.ToString(CultureInfo.InvariantCulture),
            ["zc"] = zc.ToString(CultureInfo.InvariantCulture),
            ["K"] = code.InformationLength.ToString(CultureInfo.InvariantCulture),
            ["E"] = e.ToString(CultureInfo.InvariantCulture),
            ["R"] = ((double)code.InformationLength / e).ToString("F3", CultureInfo.InvariantCulture),
        };
        return (code, e, signal.Message, signal.Codeword, signal.Llrs, parameters);
    }
}
