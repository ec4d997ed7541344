using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// Rate matching and dematching of one BG1, Z_c = 384 code block (TS 38.212 §5.4.2), E = 25344 (R = 1/3), redundancy
/// version 2, QPSK and 256QAM interleaving. Throughput: E / time.
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Ldpc)]
public class LdpcRateMatchingBenchmarks
{
    private const int E = 25344;
    private LdpcCircularBuffer _buffer;
    private byte[] _codeword = [];
    private byte[] _output = [];
    private sbyte[] _llrs = [];
    private sbyte[] _soft = [];

    [Params(2, 8)]
    public int ModulationOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        LdpcCode code = LdpcCode.Get(LdpcBaseGraph.Bg1, 384);
        _buffer = LdpcCircularBuffer.ForCodeBlock(code, code.InformationLength - 64, code.CodewordLength, 2);
        (_, _codeword, _) = LdpcReferenceSignal.Create(code, 1);
        _output = new byte[E];
        var random = new Random(5);
        _llrs = new sbyte[E];
        for (int i = 0; i < E; i++)
        {
            _llrs[i] = (sbyte)random.Next(-LogLikelihoodRatio.Max, LogLikelihoodRatio.Max + 1);
        }

        _soft = new sbyte[_buffer.Length];
    }

    [Benchmark]
    public byte Match()
    {
        LdpcRateMatcher.Match(_codeword, _buffer, ModulationOrder, _output);
        return _output[^1];
    }

    [Benchmark]
    public int Dematch() => LdpcRateDematcher.Dematch(_llrs, _buffer, ModulationOrder, _soft);
}
