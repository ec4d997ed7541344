using System;
using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Cli.Commands;
using OpenRan.Simulation.Coding;

namespace OpenRan.Cli.Sim;

/// <summary>
/// <c>--code polar</c>: a 5G polar code (<see cref="PolarFrameCodec"/>): SC on the TS 38.212 reliability sequence (no CRC)
/// with <c>--list-size 1</c>, or the 5G UCI chain (CRC6/CRC11, TS 38.212 §6.3.1) with CRC-aided SCL for larger lists.
/// </summary>
internal sealed class PolarCodeSimulationFactory : ICodeSimulationFactory
{
    private readonly Option<int> _listSize = CliOption.Integer("--list-size", "Polar SCL list size: 1 = SC without CRC, 2 … 32 = CRC-aided SCL on the UCI chain", 1, 32, 8);

    public string Name => "polar";

    public string Description => "TS 38.212 polar code: --k (information bits), --e or --rate, --list-size (1 = SC, else CA-SCL with the UCI CRC)";

    public IReadOnlyList<Option> Options => [_listSize];

    public Func<IFrameCodec> Prepare(ParseResult parse, CodeSimulationSettings settings)
    {
        int listSize = parse.GetValue(_listSize);
        if (settings.InformationBits <= 0)
        {
            throw new ArgumentException("give the number of information bits --k.");
        }

        int e = settings.CodedBitsFor(settings.InformationBits);
        return () => new PolarFrameCodec(settings.InformationBits, e, listSize);
    }
}
