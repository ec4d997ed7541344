using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// LDPC encoding of one code block, all N coded bits (TS 38.212 §5.3.2). Throughput in information bits:
/// K / time (K = 8448 for BG1, 3840 for BG2 at Z_c = 384).
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Ldpc)]
public class LdpcEncoderBenchmarks
{
    private readonly LdpcEncoder _encoder = new();
    private LdpcCode _code = null!;
    private byte[] _message = [];
    private byte[] _codeword = [];

    [Params(LdpcBaseGraph.Bg1, LdpcBaseGraph.Bg2)]
    public LdpcBaseGraph BaseGraph { get; set; }

    [Params(384, 208)]
    public int LiftingSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _code = LdpcCode.Get(BaseGraph, LiftingSize);
        (_message, _codeword, _) = LdpcReferenceSignal.Create(_code, 1);
    }

    [Benchmark]
    public byte Encode()
    {
        _encoder.Encode(_message, _codeword, _code);
        return _codeword[^1];
    }
}
