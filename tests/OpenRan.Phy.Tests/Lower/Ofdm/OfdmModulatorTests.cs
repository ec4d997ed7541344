using System;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Lower.Ofdm;

/// <summary>
/// OFDM modulator and demodulator: against a direct double-precision evaluation of TS 38.211 §5.3.1/§5.4, round trips
/// under every numerology, scaling, shift and window offset, argument validation and zero allocation per slot.
/// (The MATLAB vectors run through the registered conformance checks ofdm, ofdm-pdsch and ofdm-ssb.)
/// </summary>
public class OfdmModulatorTests
{
    private static ResourceGrid RandomGrid(int symbols, int nSizeGrid, int seed, int ports = 1)
    {
        var grid = new ResourceGrid(ports, symbols, nSizeGrid * 12);
        var random = new Random(seed);
        for (int p = 0; p < ports; p++)
        {
            Span<ComplexF32> values = grid.Port(p);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = new ComplexF32((2 * random.NextSingle()) - 1, (2 * random.NextSingle()) - 1);
            }
        }

        return grid;
    }

    [Theory]
    [InlineData(0, 512, 24, 0.0, 0, OfdmScaling.InverseFftSize)]
    [InlineData(1, 1024, 51, 3.5e9, 0, OfdmScaling.InverseFftSize)]
    [InlineData(1, 768, 11, 1842.5e6, 17, OfdmScaling.Unitary)]
    [InlineData(2, 512, 11, 28.001e9, -40, OfdmScaling.None)]
    public void ModulateSymbol_MatchesDirectEvaluationOfTheSpecFormula(int mu, int n, int nRb, double f0, int shift, OfdmScaling scaling)
    {
        var timing = new OfdmTiming(new Numerology(mu), CyclicPrefix.Normal, n);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = nRb, CarrierFrequencyHz = f0, FrequencyShiftSubcarriers = shift, Scaling = scaling };
        var modulator = new OfdmModulator(configuration);
        int k = nRb * 12;
        ResourceGrid grid = RandomGrid(1, nRb, seed: mu + n);
        double scale = scaling switch { OfdmScaling.InverseFftSize => 1.0 / n, OfdmScaling.Unitary => 1 / Math.Sqrt(n), _ => 1.0 };
        foreach (int l in new[] { 0, 1, timing.SymbolsPerSubframe - 1 })
        {
            int cp = timing.CyclicPrefixLength(l);
            var samples = new ComplexF32[cp + n];
            modulator.ModulateSymbol(grid.Symbol(0, 0), l, samples);

            // s_l(t) = Σ_k a_k·e^(j2π(k − K/2 + shift)·Δf·(t − N_CP·T_s)) · e^(−j2π·f0·(t_start,l + N_CP,l·T_s)), t = sample/f_s.
            double usefulStart = timing.UsefulPartOffset(l) / timing.SampleRateHz;
            Complex phase = Complex.FromPolarCoordinates(1, -2 * Math.PI * ((f0 * usefulStart) % 1.0));
            var expected = new Complex[cp + n];
            for (int i = 0; i < cp + n; i++)
            {
                Complex sum = Complex.Zero;
                for (int sc = 0; sc < k; sc++)
                {
                    ComplexF32 a = grid[0, 0, sc];
                    long bin = sc - (k / 2) + shift;
                    double turns = (double)((((bin * (i - cp)) % n) + n) % n) / n;
                    sum += new Complex(a.Re, a.Im) * Complex.FromPolarCoordinates(1, 2 * Math.PI * turns);
                }

                expected[i] = sum * phase * scale;
            }

            double num = 0, den = 0;
            for (int i = 0; i < expected.Length; i++)
            {
                num += Complex.Abs(new Complex(samples[i].Re, samples[i].Im) - expected[i]) * Complex.Abs(new Complex(samples[i].Re, samples[i].Im) - expected[i]);
                den += Complex.Abs(expected[i]) * Complex.Abs(expected[i]);
            }

            Assert.True(Math.Sqrt(num / den) < 1e-6, $"symbol {l}: relative RMS error {Math.Sqrt(num / den):G3}");
        }
    }

    public static TheoryData<int, int, int, int, int, OfdmScaling> RoundTripCases() => new()
    {
        { 0, 2048, 106, 0, 0, OfdmScaling.InverseFftSize },
        { 0, 1536, 106, 0, 36, OfdmScaling.Unitary },
        { 1, 4096, 273, 0, 144, OfdmScaling.InverseFftSize },
        { 1, 1024, 51, 120, 50, OfdmScaling.None },
        { 2, 512, 24, -100, 20, OfdmScaling.InverseFftSize },
        { 3, 1024, 66, 5, 10, OfdmScaling.Unitary },
        { 4, 512, 32, 0, 3, OfdmScaling.InverseFftSize },
    };

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void DemodulateOfModulate_AnyConfiguration_RecoversGrid(int mu, int n, int nRb, int shift, int windowOffset, OfdmScaling scaling)
    {
        var timing = new OfdmTiming(new Numerology(mu), CyclicPrefix.Normal, n);
        var configuration = new OfdmConfiguration
        {
            Timing = timing, NSizeGrid = nRb, CarrierFrequencyHz = 3.7e9 + (mu * 1.234e6), FrequencyShiftSubcarriers = shift,
            FftWindowOffsetSamples = windowOffset, Scaling = scaling,
        };
        var modulator = new OfdmModulator(configuration);
        var demodulator = new OfdmDemodulator(configuration);
        ResourceGrid grid = RandomGrid(14, nRb, seed: n + shift);
        var recovered = new ResourceGrid(1, 14, nRb * 12);
        foreach (int slot in new[] { 0, timing.Numerology.SlotsPerSubframe - 1 })
        {
            var samples = new ComplexF32[modulator.SlotSampleCount(slot)];
            modulator.Modulate(grid, 0, slot, samples);
            demodulator.Demodulate(samples, slot, recovered, 0);
            Tolerance.AssertClose(grid.Port(0), recovered.Port(0), 2e-5f);
        }
    }

    [Fact]
    public void Modulate_ExtendedCyclicPrefix_RoundTrips()
    {
        var timing = new OfdmTiming(new Numerology(2), CyclicPrefix.Extended, 1024);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = 65, CarrierFrequencyHz = 3.5e9 };
        ResourceGrid grid = RandomGrid(12, 65, seed: 12);
        var samples = new ComplexF32[timing.SlotSampleCount(3)];
        Assert.Equal(12 * (1024 + 256), samples.Length);
        new OfdmModulator(configuration).Modulate(grid, 0, 3, samples);
        var recovered = new ResourceGrid(1, 12, 65 * 12);
        new OfdmDemodulator(configuration).Demodulate(samples, 3, recovered, 0);
        Tolerance.AssertClose(grid.Port(0), recovered.Port(0), 2e-5f);
    }

    [Fact]
    public void Modulate_SymbolRange_EqualsTheSameSymbolsOfTheWholeSlot()
    {
        var timing = new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = 25, CarrierFrequencyHz = 1.8e9 };
        var modulator = new OfdmModulator(configuration);
        ResourceGrid grid = RandomGrid(14, 25, seed: 4);
        var slot = new ComplexF32[modulator.SlotSampleCount(1)];
        modulator.Modulate(grid, 0, 1, slot);
        int start = timing.SymbolOffset(6); // μ = 0: slot 1 is the next subframe, its symbols are again 0..13
        int length = timing.SymbolOffset(9) - timing.SymbolOffset(6);
        var part = new ComplexF32[length];
        modulator.Modulate(grid, 0, 1, 6, 3, part);
        Assert.Equal(slot.AsSpan(start, length).ToArray(), part);
    }

    [Fact]
    public void Modulate_WithCarrierFrequency_RotatesEachSymbolByItsCompensationPhase()
    {
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 1024);
        var plain = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 24 });
        const double f0 = 3456.78e6;
        var compensated = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 24, CarrierFrequencyHz = f0 });
        ResourceGrid grid = RandomGrid(14, 24, seed: 9);
        var a = new ComplexF32[plain.SlotSampleCount(1)];
        var b = new ComplexF32[a.Length];
        plain.Modulate(grid, 0, 1, a);
        compensated.Modulate(grid, 0, 1, b);
        for (int l = 0; l < 14; l++)
        {
            int symbol = 14 + l;
            int at = timing.SymbolOffset(symbol) - timing.SymbolOffset(14) + 5;
            double t = timing.UsefulPartOffset(symbol) / timing.SampleRateHz;
            ComplexF32 phase = ComplexF32.FromPolar(1, -2 * Math.PI * ((f0 * t) % 1.0));
            Tolerance.AssertClose(a[at] * phase, b[at], 1e-5f, a[at].Magnitude);
        }
    }

    [Fact]
    public void Configuration_OutOfRange_ThrowsNamingTheField()
    {
        var timing = new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512);
        ArgumentOutOfRangeException shift = Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 25, FrequencyShiftSubcarriers = 200 }));
        Assert.Contains("FrequencyShiftSubcarriers", shift.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 50 }));
        ArgumentOutOfRangeException window = Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmDemodulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 25, FftWindowOffsetSamples = 37 }));
        Assert.Contains("0..36", window.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 25, CarrierFrequencyHz = -1 }));
    }

    [Fact]
    public void Modulate_WrongGridOrShortBuffer_Throws()
    {
        var timing = new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512);
        var modulator = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 25 });
        Assert.Throws<ArgumentException>(() => modulator.Modulate(new ResourceGrid(1, 14, 24 * 12), 0, 0, new ComplexF32[7680]));
        ArgumentException shortBuffer = Assert.Throws<ArgumentException>(() => modulator.Modulate(new ResourceGrid(1, 14, 300), 0, 0, new ComplexF32[7000]));
        Assert.Equal("samples", shortBuffer.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => modulator.Modulate(new ResourceGrid(1, 14, 300), 0, -1, new ComplexF32[7680]));
    }

    [Fact]
    public void SlotModulateAndDemodulate_SteadyState_AllocateNothing()
    {
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 4096);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = 273, CarrierFrequencyHz = 3.5e9, FftWindowOffsetSamples = 100 };
        var modulator = new OfdmModulator(configuration);
        var demodulator = new OfdmDemodulator(configuration);
        ResourceGrid grid = RandomGrid(14, 273, seed: 1, ports: 2);
        var samples = new ComplexF32[modulator.SlotSampleCount(0)];
        int slot = 0;
        AllocationAssert.SteadyStateAllocatesNothing(
            () =>
            {
                modulator.Modulate(grid, 1, slot % 20, samples);
                demodulator.Demodulate(samples, slot % 20, grid, 0);
                slot++;
            },
            warmUpCalls: 20,
            rounds: 4,
            callsPerRound: 20);
    }
}
