using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;

namespace OpenRan.Cli.Bench;

/// <summary>
/// <c>ldpc-encode</c>: LDPC encoding of one code block, all N bits, or with <c>--rate-matched</c> only the prefix rate
/// matching reads (redundancy version 0, E = ⌈K/R⌉), as the DL-SCH encoder does.
/// </summary>
internal sealed class LdpcEncodeBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();
    private readonly Option<bool> _rateMatched = new("--rate-matched") { Description = "Encode only the bits rate matching reads for E = ⌈K/R⌉ (rv 0), as the DL-SCH encoder does; default all N bits." };

    public string Name => "ldpc-encode";

    public string Description => "LdpcEncoder.Encode: one code block, all N coded bits or (--rate-matched) the prefix rate matching reads (information Gbit/s)";

    public IReadOnlyList<Option> Options => [.. _setup.Options, _rateMatched];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int e, byte[] message, byte[] codeword, sbyte[] _, Dictionary<string, string> parameters) = _setup.Build(options);
        byte[] output = codeword;
        if (options.GetValue(_rateMatched))
        {
            LdpcCircularBuffer buffer = LdpcCircularBuffer.ForCodeBlock(code, code.InformationLength, code.CodewordLength, 0);
            output = new byte[buffer.FilledLength(e)];
        }

        parameters["encoded"] = output.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var encoder = new LdpcEncoder();
        return new PreparedBenchmark(() => encoder.Encode(message, output, code), code.InformationLength / 1e9, "Gbit", parameters);
    }
}
