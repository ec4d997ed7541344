using System;
using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Sim;

/// <summary><c>--code ldpc</c>: one TS 38.212 LDPC code block (<see cref="LdpcFrameCodec"/>).</summary>
internal sealed class LdpcCodeSimulationFactory : ICodeSimulationFactory
{
    private readonly Option<int> _baseGraph = new("--bg") { Description = "LDPC base graph: 1 or 2.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _liftingSize = new("--zc") { Description = "Lifting size Z_c (TS 38.212 Table 5.3.2-1); default: the smallest that holds --k." };
    private readonly Option<float> _llrScale = new("--llr-scale") { Description = "Channel LLR to int8 factor before rounding and clamping to ±120.", DefaultValueFactory = _ => LdpcFrameCodecOptions.DefaultLlrScale };
    private readonly Option<int> _scaling = new("--min-sum-scaling") { Description = "Min-sum normalization α in sixteenths (1..16; 16 = none).", DefaultValueFactory = _ => LdpcDecoderOptions.DefaultScalingSixteenths };
    private readonly Option<int> _offset = new("--min-sum-offset") { Description = "Min-sum offset β in int8 LLR units (0..64).", DefaultValueFactory = _ => LdpcDecoderOptions.DefaultOffset };
    private readonly Option<bool> _noEarlyTermination = new("--no-early-termination") { Description = "Run every iteration (no stop on satisfied parity checks)." };

    public string Name => "ldpc";

    public string Description => "TS 38.212 LDPC code block: --bg, --zc or --k, --e or --rate, --iterations, --decoder auto|avx2|generic, --llr-scale, --min-sum-scaling, --min-sum-offset, --no-early-termination";

    public IReadOnlyList<Option> Options => [_baseGraph, _liftingSize, _llrScale, _scaling, _offset, _noEarlyTermination];

    public Func<IFrameCodec> Prepare(ParseResult parse, CodeSimulationSettings settings)
    {
        int bg = parse.GetValue(_baseGraph);
        if (bg is not (1 or 2))
        {
            throw new ArgumentException($"--bg = {bg} is out of range; valid: 1 or 2.");
        }

        if (settings.CodedBits == 0 && settings.Rate == 0)
        {
            throw new ArgumentException("give the rate-matched length --e or the code rate --rate.");
        }

        var decoderOptions = new LdpcDecoderOptions(
            maxIterations: settings.Iterations,
            earlyTermination: parse.GetValue(_noEarlyTermination) ? LdpcEarlyTermination.None : LdpcEarlyTermination.ParityCheck,
            scalingSixteenths: parse.GetValue(_scaling),
            offset: parse.GetValue(_offset));
        var options = new LdpcFrameCodecOptions(
            (LdpcBaseGraph)bg, parse.GetValue(_liftingSize), settings.InformationBits, settings.CodedBits, settings.Rate, settings.Decoder, decoderOptions, parse.GetValue(_llrScale));
        return () => new LdpcFrameCodec(options);
    }
}
