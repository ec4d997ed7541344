using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
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

/// <summary>
/// LDPC encoding of one code block as the DL-SCH encoder does it: only the prefix of the circular buffer that rate
/// matching reads (redundancy version 0, E = ⌈K/R⌉, no fillers, N_cb = N) is computed, so at high rates the extension
/// parity is skipped; srsRAN's encoder benchmark leaves the extension parity out in the same way. R ≈ 0.92 (BG1) and
/// 0.83 (BG2) compute the systematic part and the 4·Z_c core parity bits plus a little; R = 1/2 about half the extension.
/// Throughput in information bits: K / time.
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Ldpc)]
public class LdpcEncoderRateMatchedBenchmarks
{
    private readonly LdpcEncoder _encoder = new();
    private LdpcCode _code = null!;
    private byte[] _message = [];
    private byte[] _prefix = [];

    [Params(LdpcBaseGraph.Bg1, LdpcBaseGraph.Bg2)]
    public LdpcBaseGraph BaseGraph { get; set; }

    /// <summary>Code rate K/E: 0.5, or the srsRAN decoder benchmark's high rate (0.92 for BG1, 0.83 for BG2) as "high".</summary>
    [Params("0.5", "high")]
    public string Rate { get; set; } = "high";

    [GlobalSetup]
    public void Setup()
    {
        _code = LdpcCode.Get(BaseGraph, 384);
        (_message, _, _) = LdpcReferenceSignal.Create(_code, 1);
        double rate = Rate == "high" ? (BaseGraph == LdpcBaseGraph.Bg1 ? 0.92 : 0.83) : 0.5;
        int e = (int)Math.Ceiling(_code.InformationLength / rate);
        LdpcCircularBuffer buffer = LdpcCircularBuffer.ForCodeBlock(_code, _code.InformationLength, _code.CodewordLength, 0);
        _prefix = new byte[buffer.FilledLength(e)];
    }

    [Benchmark]
    public byte Encode()
    {
        _encoder.Encode(_message, _prefix, _code);
        return _prefix[^1];
    }
}
