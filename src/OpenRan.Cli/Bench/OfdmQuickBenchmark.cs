using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmarks of one slot of OFDM modulation or demodulation of one antenna (TS 38.211 §5.3, §5.4).</summary>
internal sealed class OfdmQuickBenchmark : IQuickBenchmark
{
    private readonly Option<int> _scs = new("--scs-khz") { Description = "Subcarrier spacing in kHz (15, 30, 60, 120, 240).", DefaultValueFactory = _ => 30 };
    private readonly Option<int> _prb = new("--prb") { Description = "Grid size N_RB (1..275).", DefaultValueFactory = _ => 273 };
    private readonly Option<int> _fftSize = new("--fft-size") { Description = "FFT size (multiple of 128; 0 = the power-of-two rule).", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _implementation = new("--implementation") { Description = "FFT implementation: auto, avx2 or generic.", DefaultValueFactory = _ => "auto" };
    private readonly bool _modulate;

    private OfdmQuickBenchmark(bool modulate) => _modulate = modulate;

    public string Name => _modulate ? "ofdm-modulate" : "ofdm-demodulate";

    public string Description => _modulate
        ? "OfdmModulator.Modulate: one slot, one antenna (mapping, phase compensation, IFFT, cyclic prefix)"
        : "OfdmDemodulator.Demodulate: one slot, one antenna (CP removal, FFT, extraction, phase and window correction)";

    public IReadOnlyList<Option> Options => [_scs, _prb, _fftSize, _implementation];

    /// <summary>Both OFDM benchmarks.</summary>
    public static IEnumerable<IQuickBenchmark> CreateAll() => [new OfdmQuickBenchmark(true), new OfdmQuickBenchmark(false)];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        var numerology = Numerology.FromSubcarrierSpacingKhz(options.GetValue(_scs));
        int prb = options.GetValue(_prb);
        ThrowHelper.ThrowIfOutside(prb, 1, NrConstants.MaxPrb, "--prb");
        int fftSize = options.GetValue(_fftSize);
        OfdmTiming timing = fftSize == 0 ? OfdmTiming.ForGrid(numerology, CyclicPrefix.Normal, prb) : new OfdmTiming(numerology, CyclicPrefix.Normal, fftSize);
        var configuration = new OfdmConfiguration
        {
            Timing = timing,
            NSizeGrid = prb,
            CarrierFrequencyHz = 3.5e9,
            FftWindowOffsetSamples = _modulate ? 0 : timing.CyclicPrefixLength(1) / 2,
            FftImplementation = options.GetValue(_implementation) ?? "auto",
        };
        var grid = new ResourceGrid(1, timing.SymbolsPerSlot, prb * NrConstants.SubcarriersPerRb);
        var random = new Random(1234);
        Span<ComplexF32> values = grid.Port(0);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new ComplexF32(random.NextSingle() - 0.5f, random.NextSingle() - 0.5f);
        }

        var samples = new ComplexF32[timing.MaxSlotSampleCount];
        var modulator = new OfdmModulator(configuration);
        modulator.Modulate(grid, 0, 0, samples);
        string implementation = modulator.FftImplementation;
        Action operation;
        if (_modulate)
        {
            operation = () => modulator.Modulate(grid, 0, 0, samples);
        }
        else
        {
            var demodulator = new OfdmDemodulator(configuration);
            operation = () => demodulator.Demodulate(samples, 0, grid, 0);
        }

        return new PreparedBenchmark(
            operation,
            timing.SlotSampleCount(0) / 1e6,
            "Msample",
            new Dictionary<string, string>
            {
                ["scs"] = $"{numerology.SubcarrierSpacingKhz} kHz",
                ["prb"] = prb.ToString(CultureInfo.InvariantCulture),
                ["fft"] = timing.FftSize.ToString(CultureInfo.InvariantCulture),
                ["implementation"] = implementation,
            },
            numerology.SlotDurationSeconds * 1e6);
    }
}
