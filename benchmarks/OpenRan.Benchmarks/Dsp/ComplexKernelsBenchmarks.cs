using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;

namespace OpenRan.Benchmarks.Dsp;

/// <summary>
/// Element-wise complex kernels at a full-carrier length (273 PRB × 12 = 3276 resource elements) and an odd length
/// that exercises the tail (6·512 + 7).
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Dsp)]
public class ComplexKernelsBenchmarks
{
    private ComplexF32[] _x = [];
    private ComplexF32[] _y = [];
    private ComplexF32[] _destination = [];

    [Params(3276, (6 * 512) + 7)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new ComplexF32[Length];
        _y = new ComplexF32[Length];
        _destination = new ComplexF32[Length];
        for (int i = 0; i < Length; i++)
        {
            _x[i] = new ComplexF32(random.NextSingle(), random.NextSingle());
            _y[i] = new ComplexF32(random.NextSingle(), random.NextSingle());
        }
    }

    [Benchmark(Baseline = true)]
    public ComplexF32 MultiplyScalar()
    {
        ComplexKernels.MultiplyScalar(_x, _y, _destination);
        return _destination[0];
    }

    [Benchmark]
    public ComplexF32 Multiply()
    {
        ComplexKernels.Multiply(_x, _y, _destination);
        return _destination[0];
    }

    [Benchmark]
    public ComplexF32 MultiplyConjugate()
    {
        ComplexKernels.MultiplyConjugate(_x, _y, _destination);
        return _destination[0];
    }

    [Benchmark]
    public ComplexF32 DotConjugate() => ComplexKernels.DotConjugate(_x, _y);

    [Benchmark]
    public float SumOfMagnitudesSquared() => ComplexKernels.SumOfMagnitudesSquared(_x);
}
