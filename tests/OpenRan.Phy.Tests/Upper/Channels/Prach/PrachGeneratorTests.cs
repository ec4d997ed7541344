using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels.Prach;

public class PrachGeneratorTests
{
    /// <summary>
    /// A B4 preamble at Δf_RA = Δf added to an OFDM slot of data: every OFDM symbol whose FFT window lies inside the
    /// preamble's repetitions demodulates to the data unchanged, unit-magnitude PRACH subcarriers at 12·n_RA^start + k̄ …
    /// + 138, and nothing in the PRACH allocation's five guard subcarriers — sample-exact placement in time and frequency and
    /// the OFDM amplitude convention.
    /// </summary>
    [Fact]
    public void Generate_AddedToAnOfdmSlot_CoexistsWithTheGrid()
    {
        var numerology = new Numerology(1);
        var carrier = new OfdmTiming(numerology, CyclicPrefix.Normal, 512);
        var configuration = new PrachConfiguration(PrachConfigurationTests.B4At30 with { Msg1FrequencyStart = 6 });
        var timing = new PrachTiming(configuration, carrier);
        PrachOccasion occasion = configuration.Occasion(5, 1, 0, 0);
        var ofdm = new OfdmConfiguration { Timing = carrier, NSizeGrid = 24 };
        var modulator = new OfdmModulator(ofdm);
        var demodulator = new OfdmDemodulator(ofdm);
        var grid = new ResourceGrid(1, 14, 24 * 12);
        grid.Configure(1, 14, 24);
        var random = new Random(3);
        int prachFirst = (6 * 12) + configuration.KBar;
        for (int l = 0; l < 14; l++)
        {
            Span<ComplexF32> symbol = grid.Symbol(0, l);
            for (int k = 0; k < symbol.Length; k++)
            {
                bool prachRb = k >= 6 * 12 && k < 18 * 12;
                symbol[k] = prachRb ? default : new ComplexF32(random.Next(2) * 2 - 1, random.Next(2) * 2 - 1) * MathF.Sqrt(0.5f);
            }
        }

        int slot = 2; // subframe 1, first slot at μ = 1
        var samples = new ComplexF32[carrier.SlotSampleCount(slot)];
        modulator.Modulate(grid, 0, slot, samples);
        int start = timing.StartSampleInSubframe(occasion) - carrier.SlotOffsetInSubframe(slot);
        Assert.Equal(0, start);
        new PrachGenerator(timing).Generate(occasion, 0, 17, samples.AsSpan(start), PrachWriteMode.Add);

        var received = new ComplexF32[24 * 12];
        int cp = timing.CyclicPrefixSamples(occasion);
        int end = cp + timing.UsefulSamples(occasion);
        int checkedSymbols = 0;
        for (int l = 0; l < 14; l++)
        {
            int symbolStart = carrier.SymbolOffset(l) - carrier.SlotOffsetInSubframe(slot);
            int windowStart = symbolStart + carrier.CyclicPrefixLength(l);
            if (windowStart < cp || windowStart + 512 > end)
            {
                continue;
            }

            checkedSymbols++;
            demodulator.DemodulateSymbol(samples.AsSpan(symbolStart, carrier.CyclicPrefixLength(l) + 512), l, received);
            for (int k = 0; k < received.Length; k++)
            {
                bool prach = k >= prachFirst && k < prachFirst + 139;
                bool guard = !prach && k >= 6 * 12 && k < 18 * 12;
                if (prach)
                {
                    Assert.Equal(1.0, received[k].Magnitude, 1e-3);
                }
                else if (guard)
                {
                    Assert.True(received[k].Magnitude < 1e-3, $"symbol {l}, guard subcarrier {k}: {received[k]}");
                }
                else
                {
                    Assert.Equal(grid[0, l, k].Re, received[k].Re, 1e-3);
                    Assert.Equal(grid[0, l, k].Im, received[k].Im, 1e-3);
                }
            }
        }

        Assert.True(checkedSymbols >= 8, $"only {checkedSymbols} symbols inside the preamble");
    }

    [Fact]
    public void Generate_FractionalDelay_ApproachesTheWholeSampleShift()
    {
        // A delay of 1 − 1e-6 samples (band-limited phase ramp) equals the whole-sample shift after the first samples.
        var configuration = new PrachConfiguration(PrachConfigurationTests.Format0);
        var timing = new PrachTiming(configuration, new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512));
        PrachOccasion occasion = configuration.Occasion(0, 1, 0, 0);
        var generator = new PrachGenerator(timing);
        int length = timing.OccasionSamples(occasion) + 1;
        var whole = new ComplexF32[length];
        var fractional = new ComplexF32[length];
        generator.Generate(occasion, 0, 5, whole, delaySamples: 1.0);
        generator.Generate(occasion, 0, 5, fractional, delaySamples: 1.0 - 1e-6);
        double rms = Math.Sqrt(ComplexKernels.SumOfMagnitudesSquared(whole) / length);
        for (int i = 8; i < length - 8; i++)
        {
            Assert.True((whole[i] - fractional[i]).Magnitude <= 1e-4 * rms, $"sample {i}: {whole[i]} vs {fractional[i]}");
        }
    }

    [Fact]
    public void Generate_SteadyState_AllocatesNothing()
    {
        var configuration = new PrachConfiguration(PrachConfigurationTests.B4At30);
        var timing = new PrachTiming(configuration, new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 512));
        PrachOccasion occasion = configuration.Occasion(0, 1, 1, 0);
        var generator = new PrachGenerator(timing);
        var buffer = new ComplexF32[timing.MaxOccasionSamples];
        AllocationAssert.SteadyStateAllocatesNothing(() => generator.Generate(occasion, 0, 1, buffer, PrachWriteMode.Add, 0.5f, 0.25));
    }

    [Fact]
    public void Generate_BadArguments_AreNamed()
    {
        var configuration = new PrachConfiguration(PrachConfigurationTests.Format0);
        var timing = new PrachTiming(configuration, new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512));
        PrachOccasion occasion = configuration.Occasion(0, 1, 0, 0);
        var generator = new PrachGenerator(timing);
        var buffer = new ComplexF32[timing.OccasionSamples(occasion)];
        Assert.Equal("preambleIndex", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(occasion, 0, 64, buffer)).ParamName);
        Assert.Equal("frequencyIndex", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(occasion, 1, 0, buffer)).ParamName);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => generator.Generate(occasion, 0, 0, buffer.AsSpan(1))).ParamName);
        Assert.Equal("delaySamples", Assert.Throws<ArgumentOutOfRangeException>(() => generator.Generate(occasion, 0, 0, buffer, delaySamples: -1)).ParamName);
    }
}
