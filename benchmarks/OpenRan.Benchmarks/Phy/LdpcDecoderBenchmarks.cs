using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// LDPC decoding of one code block, BG1, Z_c = 384 (K = 8448), 6 iterations, early termination off, at R = 1/3
/// (E = 25344, all 46 rows) and R ≈ 0.92 (E = 9183, the 4 core rows). Information throughput: 8448 bits / time.
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Ldpc)]
public class LdpcDecoderBenchmarks
{
    private ILdpcDecoder _decoder = null!;
    private LdpcCode _code = null!;
    private sbyte[] _llrs = [];
    private byte[] _bits = [];

    /// <summary>The implementations that run here (avx512, avx2 and generic side by side in one run).</summary>
    public static IEnumerable<string> Implementations => LdpcDecoderFactory.Available;

    [ParamsSource(nameof(Implementations))]
    public string Implementation { get; set; } = "avx2";

    [Params(1.0 / 3, 0.92)]
    public double Rate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _code = LdpcCode.Get(LdpcBaseGraph.Bg1, 384);
        int e = (int)Math.Min(_code.CodewordLength, Math.Ceiling(_code.InformationLength / Rate));
        (_, _, _llrs) = LdpcReferenceSignal.Create(_code, e);
        _bits = new byte[_code.InformationLength];
        _decoder = LdpcDecoderFactory.Create(Implementation, new LdpcDecoderOptions(maxIterations: 6, earlyTermination: LdpcEarlyTermination.None));
    }

    [Benchmark]
    public int Decode() => _decoder.Decode(_llrs, _bits, _code).Iterations;
}
