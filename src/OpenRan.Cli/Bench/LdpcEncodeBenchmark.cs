using System.Collections.Generic;
using System.CommandLine;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Cli.Bench;

/// <summary><c>ldpc-encode</c>: LDPC encoding of one code block (all N bits).</summary>
internal sealed class LdpcEncodeBenchmark : IQuickBenchmark
{
    private readonly LdpcBenchmarkSetup _setup = new();

    public string Name => "ldpc-encode";

    public string Description => "LdpcEncoder.Encode: one code block, all N coded bits (information Gbit/s)";

    public IReadOnlyList<Option> Options => _setup.Options;

    public PreparedBenchmark Prepare(ParseResult options)
    {
        (LdpcCode code, int _, byte[] message, byte[] codeword, sbyte[] _, Dictionary<string, string> parameters) = _setup.Build(options);
        var encoder = new LdpcEncoder();
        return new PreparedBenchmark(() => encoder.Encode(message, codeword, code), code.InformationLength / 1e9, "Gbit", parameters);
    }
}
