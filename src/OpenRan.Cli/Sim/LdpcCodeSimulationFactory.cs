using System;
using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Cli.Commands;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Sim;

/// <summary><c>--code ldpc</c>: one TS 38.212 LDPC code block (<see cref="LdpcFrameCodec"/>).</summary>
internal sealed class LdpcCodeSimulationFactory : ICodeSimulationFactory
{
    private readonly Option<int> _baseGraph = CliOption.Integer("--bg", "LDPC base graph", 1, 2, 1);
    private readonly Option<int> _liftingSize = CliOption.Integer("--zc", "Lifting size Z_c of TS 38.212 Table 5.3.2-1; default: the smallest that holds --k", 2, LiftingSize.Max);
    private readonly Option<double> _llrScale = CliOption.Real("--llr-scale", "Channel LLR to int8 factor before rounding and clamping to ±120", 0, 100, LdpcFrameCodecOptions.DefaultLlrScale, minimumExclusive: true);
    private readonly Option<int> _scaling = CliOption.Integer("--min-sum-scaling", "Min-sum normalization α in sixteenths, 16 = none", 1, 16, LdpcDecoderOptions.DefaultScalingSixteenths);
    private readonly Option<int> _offset = CliOption.Integer("--min-sum-offset", "Min-sum offset β in int8 LLR units", 0, 64, LdpcDecoderOptions.DefaultOffset);
    private readonly Option<bool> _noEarlyTermination = new("--no-early-termination") { Description = "Run every iteration (no stop on satisfied parity checks)." };

    public string Name => "ldpc";

    public string Description => "TS 38.212 LDPC code block: --bg, --zc or --k, --e or --rate, --iterations, --decoder auto|avx512|avx2|generic, --llr-scale, --min-sum-scaling, --min-sum-offset, --no-early-termination";

    public IReadOnlyList<Option> Options => [_baseGraph, _liftingSize, _llrScale, _scaling, _offset, _noEarlyTermination];

    public Func<IFrameCodec> Prepare(ParseResult parse, CodeSimulationSettings settings)
    {
        int bg = parse.GetValue(_baseGraph);
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
            (LdpcBaseGraph)bg, parse.GetValue(_liftingSize), settings.InformationBits, settings.CodedBits, settings.Rate, settings.Decoder, decoderOptions, (float)parse.GetValue(_llrScale));
        return () => new LdpcFrameCodec(options);
    }
}
