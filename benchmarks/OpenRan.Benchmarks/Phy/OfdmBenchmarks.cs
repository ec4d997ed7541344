using System;
using BenchmarkDotNet.Attributes;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;

namespace OpenRan.Benchmarks.Phy;

/// <summary>
/// One slot of one antenna through the OFDM modulator and demodulator (TS 38.211 §5.3, §5.4) with phase compensation:
/// 30 kHz with 273 PRB at FFT 4096 (100 MHz, the budget case: the slot lasts 500 µs, target ≤ 100 µs) and 15 kHz with
/// 106 PRB at FFT 2048 (20 MHz). Must show 0 B allocated.
/// </summary>
[BenchmarkCategory(Categories.Slot, Categories.Ofdm)]
[MedianColumn]
public class OfdmBenchmarks
{
    private OfdmModulator? _modulator;
    private OfdmDemodulator? _demodulator;
    private ResourceGrid? _grid;
    private ComplexF32[] _samples = [];

    [Params(30, 15)]
    public int SubcarrierSpacingKhz { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var numerology = Numerology.FromSubcarrierSpacingKhz(SubcarrierSpacingKhz);
        int prb = SubcarrierSpacingKhz == 30 ? 273 : 106;
        OfdmTiming timing = OfdmTiming.ForGrid(numerology, CyclicPrefix.Normal, prb);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = prb, CarrierFrequencyHz = 3.5e9, FftWindowOffsetSamples = timing.CyclicPrefixLength(1) / 2 };
        _modulator = new OfdmModulator(configuration);
        _demodulator = new OfdmDemodulator(configuration);
        _grid = new ResourceGrid(1, timing.SymbolsPerSlot, prb * NrConstants.SubcarriersPerRb);
        var random = new Random(42);
        Span<ComplexF32> values = _grid.Port(0);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
        }

        _samples = new ComplexF32[timing.MaxSlotSampleCount];
        _modulator.Modulate(_grid, 0, 0, _samples);
    }

    [Benchmark]
    public ComplexF32 ModulateSlot()
    {
        _modulator!.Modulate(_grid!, 0, 0, _samples);
        return _samples[100];
    }

    [Benchmark]
    public ComplexF32 DemodulateSlot()
    {
        _demodulator!.Demodulate(_samples, 0, _grid!, 0);
        return _grid![0, 5, 100];
    }
}
