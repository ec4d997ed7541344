using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using MathNet.Numerics.IntegralTransforms;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;

namespace OpenRan.Benchmarks.Dsp;

/// <summary>
/// Forward single-precision complex FFT, unscaled, out-of-place, at the OFDM sizes 384, 768, 1536, 2048, 3072 and 4096
/// (100 MHz at 30 kHz): OpenRan's vector and scalar plans against FFTW 3 (FFTW_MEASURE, aligned buffers;
/// skipped when <c>libfftw3f.so.3</c> is missing) and Math.NET Numerics (in-place on a copy of the input, as its API requires).
/// </summary>
[BenchmarkCategory(Categories.Kernel, Categories.Dsp, Categories.Fft)]
[MedianColumn]
[Config(typeof(SkipFftwWhenMissing))]
public class FftBenchmarks
{
    private ComplexF32[] _input = [];
    private ComplexF32[] _output = [];
    private MathNet.Numerics.Complex32[] _mathNet = [];
    private MathNet.Numerics.Complex32[] _mathNetInput = [];
    private IFft? _avx2;
    private IFft? _generic;
    private Fftw? _fftw;

    [Params(384, 768, 1536, 2048, 3072, 4096)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _input = new ComplexF32[Length];
        _output = new ComplexF32[Length];
        _mathNet = new MathNet.Numerics.Complex32[Length];
        _mathNetInput = new MathNet.Numerics.Complex32[Length];
        for (int i = 0; i < Length; i++)
        {
            _input[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
            _mathNetInput[i] = new MathNet.Numerics.Complex32(_input[i].Re, _input[i].Im);
        }

        _generic = FftFactory.Create(Length, FftPlanGeneric.Name);
        if (FftPlanAvx2.IsSupported)
        {
            _avx2 = FftFactory.Create(Length, FftPlanAvx2.Name);
        }

        if (Fftw.IsAvailable)
        {
            _fftw = new Fftw(Length);
            _input.CopyTo(_fftw.InputSpan);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _fftw?.Dispose();

    [Benchmark(Baseline = true)]
    public ComplexF32 OpenRanAvx2()
    {
        _avx2!.Forward(_input, _output);
        return _output[1];
    }

    [Benchmark]
    public ComplexF32 OpenRanGeneric()
    {
        _generic!.Forward(_input, _output);
        return _output[1];
    }

    [Benchmark]
    public ComplexF32 Fftw3()
    {
        _fftw!.Execute();
        return _fftw.OutputSpan[1];
    }

    [Benchmark]
    public MathNet.Numerics.Complex32 MathNetNumerics()
    {
        _mathNetInput.CopyTo(_mathNet, 0);
        Fourier.Forward(_mathNet, FourierOptions.NoScaling);
        return _mathNet[1];
    }

    /// <summary>Drops the FFTW arm when the library is not installed, and the AVX2 arm when Vector256 is not accelerated.</summary>
    private sealed class SkipFftwWhenMissing : ManualConfig
    {
        public SkipFftwWhenMissing()
        {
            AddFilter(new SimpleFilter(b =>
                (b.Descriptor.WorkloadMethod.Name != nameof(Fftw3) || Fftw.IsAvailable)
                && (b.Descriptor.WorkloadMethod.Name != nameof(OpenRanAvx2) || FftPlanAvx2.IsSupported)));
        }
    }
}
