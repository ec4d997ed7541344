using System;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Phy.Tests.Lower.Ofdm;

/// <summary>
/// <see cref="OfdmConfiguration.HalfSubcarrierShift"/>: an SS/PBCH block whose offset is an odd number of 15 kHz
/// subcarriers at 30 kHz (TS 38.211 §7.4.3.1) sits half a subcarrier off the carrier's grid. Checked against the §5.3.1/§5.4
/// formula evaluated with the half-integer subcarrier index, against MATLAB's construction of such a burst (its hSSBurst:
/// the block on the grid below, phase compensation at f0 + Δf/2, then e^(j2π·(Δf/2)·t) over the waveform), by round trip
/// through the demodulator, and end to end: PSS/SSS cell search and PBCH decoding from the grid and from a time-domain search.
/// </summary>
public class OfdmHalfSubcarrierShiftTests
{
    [Theory]
    [InlineData(1, 1024, 51, 3.5e9, 0, 0)]
    [InlineData(1, 512, 24, 1.2e9, -37, 1)]
    [InlineData(0, 512, 25, 0.0, 10, 7)]
    public void ModulateSymbol_MatchesSpecFormulaWithHalfIntegerSubcarrier(int mu, int n, int nRb, double f0, int shift, int symbol)
    {
        var timing = new OfdmTiming(new Numerology(mu), CyclicPrefix.Normal, n);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = nRb, CarrierFrequencyHz = f0, FrequencyShiftSubcarriers = shift, HalfSubcarrierShift = true };
        var modulator = new OfdmModulator(configuration);
        int k = nRb * 12;
        var random = new Random(n + shift);
        var subcarriers = new ComplexF32[k];
        for (int i = 0; i < k; i++)
        {
            subcarriers[i] = new ComplexF32((2 * random.NextSingle()) - 1, (2 * random.NextSingle()) - 1);
        }

        int cp = timing.CyclicPrefixLength(symbol);
        var samples = new ComplexF32[cp + n];
        modulator.ModulateSymbol(subcarriers, symbol, samples);

        // s_l(t) = Σ_k a_k·e^(j2π(k − K/2 + shift + ½)·Δf·(t − t_start − N_CP·T_s))·e^(−j2π·f0·(t_start + N_CP·T_s))/N, t − t_start from 0 (CP start).
        double usefulStart = timing.UsefulPartOffset(symbol) / timing.SampleRateHz;
        Complex phase = Complex.FromPolarCoordinates(1, -2 * Math.PI * ((f0 * usefulStart) % 1.0));
        double worst = 0, peak = 0;
        for (int i = 0; i < cp + n; i++)
        {
            Complex sum = Complex.Zero;
            for (int sc = 0; sc < k; sc++)
            {
                double bin = sc - (k / 2) + shift + 0.5;
                sum += new Complex(subcarriers[sc].Re, subcarriers[sc].Im) * Complex.FromPolarCoordinates(1, 2 * Math.PI * bin * (i - cp) / n);
            }

            Complex expected = sum * phase / n;
            worst = Math.Max(worst, Complex.Abs(new Complex(samples[i].Re, samples[i].Im) - expected));
            peak = Math.Max(peak, Complex.Abs(expected));
        }

        Assert.True(worst < 1e-5 * peak, $"max error {worst:G3} (peak {peak:G3})");
    }

    [Fact]
    public void Modulate_EqualsMatlabConstructionOfAHalfShiftedBurst()
    {
        // 30 kHz, 20 MHz (51 RB, N = 1024 at 30.72 Msps), f0 = 1.2 GHz: one frame of 20 slots.
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 1024);
        const double f0 = 1.2e9;
        ResourceGrid grid = RandomSlot(51, 11);
        var ours = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 51, CarrierFrequencyHz = f0, HalfSubcarrierShift = true });
        var matlab = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 51, CarrierFrequencyHz = f0 + 15e3 });
        long sampleIndex = 0;
        for (int slot = 0; slot < 20; slot++)
        {
            var a = new ComplexF32[ours.SlotSampleCount(slot)];
            var b = new ComplexF32[a.Length];
            ours.Modulate(grid, 0, slot, a);
            matlab.Modulate(grid, 0, slot, b);
            for (int i = 0; i < a.Length; i++, sampleIndex++)
            {
                // e^(j2π·15 kHz·t) with t counted from the start of the waveform.
                double turns = (15e3 * sampleIndex / timing.SampleRateHz) % 1.0;
                ComplexF32 shifted = b[i] * ComplexF32.FromPolar(1, 2 * Math.PI * turns);
                Assert.True((a[i] - shifted).Magnitude < 1e-6f, $"slot {slot} sample {i}: {a[i]} vs {shifted}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Demodulate_WithTheSameShift_RecoversGrid(int windowOffset)
    {
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 1024);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = 51, CarrierFrequencyHz = 3.5e9, HalfSubcarrierShift = true, FftWindowOffsetSamples = windowOffset };
        ResourceGrid grid = RandomSlot(51, 3);
        var samples = new ComplexF32[timing.SlotSampleCount(1)];
        new OfdmModulator(configuration).Modulate(grid, 0, 1, samples);
        var recovered = new ResourceGrid(1, 14, 51 * 12);
        new OfdmDemodulator(configuration).Demodulate(samples, 1, recovered, 0);
        for (int l = 0; l < 14; l++)
        {
            for (int k = 0; k < 51 * 12; k++)
            {
                Assert.True((recovered[0, l, k] - grid[0, l, k]).Magnitude < 1e-4f, $"symbol {l} subcarrier {k}");
            }
        }
    }

    [Fact]
    public void OddKssbAt30Khz_CellSearchAndPbchDecode_FromGridAndFromTimeDomain()
    {
        // 40 MHz at 30 kHz (106 RB, N = 2048), case C; N_CRB^SSB = 10, k_SSB = 11: 12·10 + 11 = 131 fifteen-kHz subcarriers
        // above point A, i.e. 65.5 thirty-kHz subcarriers: the block is ½ subcarrier above carrier subcarrier 65.
        const int nIdCell = 517, kSsb = 11, nCrbSsb = 10, nRb = 106, ssbIndex = 3;
        int offset15 = (12 * nCrbSsb) + kSsb;
        int first = offset15 / 2;
        Assert.True(offset15 % 2 == 1);
        var timing = new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 2048);
        const double f0 = 3.6e9;
        var mib = new Mib(321, true, kSsb, 2, 0x45, false, true);
        var grid = new ResourceGrid(1, 14, nRb * 12);
        grid.Configure(1, 14, nRb);
        var firstSymbols = new int[8];
        SsbBlockPattern.FirstSymbols(SsbCase.C, 8, firstSymbols);
        int slot = firstSymbols[ssbIndex] / 14, symbol = firstSymbols[ssbIndex] % 14;
        new SsbTransmitter().Map(grid, 0, symbol, first, mib, nIdCell, 8, ssbIndex, 0, SsbAmplitudes.Unit);
        var configuration = new OfdmConfiguration { Timing = timing, NSizeGrid = nRb, CarrierFrequencyHz = f0, HalfSubcarrierShift = true };
        var samples = new ComplexF32[timing.SlotSampleCount(slot)];
        new OfdmModulator(configuration).Modulate(grid, 0, slot, samples);
        var random = new Random(5);
        foreach (ref ComplexF32 s in samples.AsSpan())
        {
            s += new ComplexF32((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5)) * 2e-4f;
        }

        // From the grid: demodulate with the half-subcarrier shift, then cell search and PBCH at subcarrier `first`.
        var received = new ResourceGrid(1, 14, nRb * 12);
        new OfdmDemodulator(configuration).Demodulate(samples, slot, received, 0);
        CellIdentity cell = new CellIdentityDetector().Detect(received, 0, symbol, first);
        PbchReceiveResult pbch = new PbchReceiver().Receive(received, 0, symbol, first, cell.NIdCell, 8);
        Assert.Equal(nIdCell, cell.NIdCell);
        Assert.True(pbch.CrcPassed);
        Assert.Equal(mib, pbch.Mib);
        Assert.Equal(ssbIndex, pbch.SsbIndex);

        // From the time domain: the block centre is (first + ½ + 120 − K/2)·Δf from DC.
        double offsetHz = (first + 0.5 + 120 - (nRb * 6)) * 30e3;
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration
        {
            SampleRateHz = timing.SampleRateHz, SubcarrierSpacingKhz = 30, SsbFrequencyOffsetHz = offsetHz, SsbCenterFrequencyHz = f0 + offsetHz,
        });
        var block = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        SsbTimeSearchResult found = search.Search(samples, block);
        Assert.True(found.Detected);
        CellIdentity timeCell = new CellIdentityDetector().Detect(block, 0, 0, 0);
        PbchReceiveResult timePbch = new PbchReceiver().Receive(block, 0, 0, 0, timeCell.NIdCell, 8);
        Assert.Equal(nIdCell, timeCell.NIdCell);
        Assert.True(timePbch.CrcPassed);
        Assert.Equal(mib, timePbch.Mib);
    }

    private static ResourceGrid RandomSlot(int nRb, int seed)
    {
        var grid = new ResourceGrid(1, 14, nRb * 12);
        var random = new Random(seed);
        Span<ComplexF32> values = grid.Port(0);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = new ComplexF32((2 * random.NextSingle()) - 1, (2 * random.NextSingle()) - 1);
        }

        return grid;
    }
}
