using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Cli.Bench;

/// <summary><c>ldpc-decode</c>: LDPC decoding of one code block.</summary>
internal sealed class LdpcDecodeBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();
    private readonly Option<int> _iterations = new("--iterations") { Description = "Decoder iterations.", DefaultValueFactory = _ => 6 };
    private readonly Option<string> _decoder = new("--decoder") { Description = "auto, avx512, avx2 or generic.", DefaultValueFactory = _ => "auto" };
    private readonly Option<bool> _earlyTermination = new("--early-termination") { Description = "Stop when the parity checks are satisfied (default: run every iteration)." };

    public string Name => "ldpc-decode";

    public string Description => "ILdpcDecoder.Decode: one code block, E LLRs (information Mbit/s)";

    public IReadOnlyList<Option> Options => [.. _setup.Options, _iterations, _decoder, _earlyTermination];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int _, byte[] _, byte[] _, sbyte[] llrs, Dictionary<string, string> parameters) = _setup.Build(options);
        var decoderOptions = new LdpcDecoderOptions(
            options.GetValue(_iterations), options.GetValue(_earlyTermination) ? LdpcEarlyTermination.ParityCheck : LdpcEarlyTermination.None);
        ILdpcDecoder decoder = LdpcDecoderFactory.Create(options.GetValue(_decoder)!, decoderOptions);
        var bits = new byte[code.InformationLength];
        parameters["decoder"] = decoder.Name;
        parameters["iterations"] = decoderOptions.MaxIterations.ToString(CultureInfo.InvariantCulture);
        parameters["early termination"] = decoderOptions.EarlyTermination.ToString();
        return new PreparedBenchmark(() => decoder.Decode(llrs, bits, code), code.InformationLength / 1e6, "Mbit", parameters);
    }
}
