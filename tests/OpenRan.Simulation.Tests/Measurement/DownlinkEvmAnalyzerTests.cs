using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Phy.Common;
using OpenRan.Dsp;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.TestModels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Measurement;
using OpenRan.Simulation.Waveforms;

namespace OpenRan.Simulation.Tests.Measurement;

/// <summary>generate → impair (the simulator's CFO, phase noise and AWGN) → analyze: EVM and frequency error match the impairments.</summary>
public sealed class DownlinkEvmAnalyzerTests
{
    private static ComplexF32[] Generate(DownlinkWaveformConfiguration configuration, int slots)
    {
        var source = new DownlinkWaveformSource(configuration);
        var samples = new System.Collections.Generic.List<ComplexF32>();
        for (int s = 0; s < slots; s++)
        {
            samples.AddRange(source.NextSlot()[0].ToArray());
        }

        return [.. samples];
    }

    [Fact]
    public void CleanTestModel_EvmIsZeroAndNoFrequencyError()
    {
        DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(NrTestModel.Tm3_1a, 10, 30, DuplexMode.Fdd);
        ComplexF32[] x = Generate(tm, 20);
        var analyzer = new DownlinkEvmAnalyzer(tm, tm.Carrier.Timing().SampleRateHz);
        DownlinkEvmResult r = analyzer.Analyze(x);
        Assert.Equal(0, r.FrameStartSample);
        Assert.Equal(20, r.SlotsAnalyzed);
        Assert.InRange(r.EvmPercent, 0, 0.01);
        Assert.InRange(Math.Abs(r.FrequencyErrorHz), 0, 0.1);
        ModulationEvm qam256 = Assert.Single(r.Evm, e => e.BitsPerSymbol == 8);
        Assert.True(qam256.ResourceElements > 20 * 12 * 20 * 10);
        Assert.Equal(24, r.EvmPerRbPercent.Count);
        Assert.True(double.IsNaN(r.EvmPerSymbolPercent[2]) || r.EvmPerSymbolPercent[2] < 0.01);
        // 99 % of the power within the 24 RB (8.64 MHz) grid.
        Assert.InRange(r.OccupiedBandwidthHz, 8.2e6, 8.64e6);
    }

    [Theory]
    [InlineData(30, 1234.5, 0)]
    [InlineData(25, -7021.0, 37_000)]
    public void ImpairedTestModel_EvmMatchesTheSnr_AndFrequencyErrorTheCfo(double snrDb, double cfoHz, int startSample)
    {
        // TDD TM3.1 (64QAM), 10 MHz at 30 kHz: two frames, the recording starting anywhere (a capture is not aligned).
        DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(NrTestModel.Tm3_1, 10, 30, DuplexMode.Tdd);
        double fs = tm.Carrier.Timing().SampleRateHz;
        int fft = tm.Carrier.Timing().FftSize;
        ComplexF32[] period = Generate(tm, 40);
        var x = new ComplexF32[period.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = period[(i + startSample) % period.Length];
        }

        new CarrierFrequencyOffset(cfoHz, fs).Apply(x, 1, 0);
        new WienerPhaseNoise(0.01, fs, seed: 3).Apply(x, 1);
        // Unit energy per resource element: the noise per resource element after the FFT is N·σ², so SNR per RE = 1/(N·σ²).
        var noise = new AdditiveWhiteGaussianNoise(seed: 11) { NoiseVariance = Math.Pow(10, -snrDb / 10) / fft };
        noise.Apply(x);

        DownlinkEvmResult r = new DownlinkEvmAnalyzer(tm, fs).Analyze(x);

        double expected = 100 * Math.Pow(10, -snrDb / 20);
        // The equalizer averages ~20 DM-RS resource elements per subcarrier: its own noise adds about 5 % to the EVM².
        Assert.InRange(r.EvmPercent, 0.97 * expected, 1.08 * expected);
        ModulationEvm qam64 = Assert.Single(r.Evm, e => e.BitsPerSymbol == 6);
        Assert.InRange(qam64.EvmPercent, 0.97 * expected, 1.08 * expected);
        Assert.InRange(r.FrequencyErrorHz, cfoHz - 2, cfoHz + 2);
        Assert.Equal((period.Length - startSample) % period.Length, r.FrameStartSample);
        foreach (double rb in r.EvmPerRbPercent)
        {
            Assert.InRange(rb, 0.8 * expected, 1.25 * expected);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void PhaseNoise_EvmMatchesThePhaseErrorLeftByTheDmrsEqualizer(double linewidthHz)
    {
        // Phase noise alone (no AWGN): the analyzer's equalizer takes the slot's common phase from the DM-RS symbols, so
        // what remains is, per data symbol l, the common phase error CPE_l = mean of e^(jφ) over its FFT window measured
        // against the DM-RS symbols' mean, plus the inter-carrier interference 1 − |CPE_l|². The expected EVM is computed
        // from the injected phase path itself (after the frequency error the analyzer removed). The test models' PDSCH
        // DM-RS (mapping type A, l0 = 2, dmrs-AdditionalPosition pos1, l_d = 14) sits in symbols 2 and 11 (TS 38.211
        // Table 7.4.1.1.2-3).
        DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(NrTestModel.Tm3_1a, 10, 30, DuplexMode.Fdd);
        OfdmTiming timing = tm.Carrier.Timing();
        double fs = timing.SampleRateHz;
        const int Slots = 40;
        ComplexF32[] clean = Generate(tm, Slots);
        var analyzer = new DownlinkEvmAnalyzer(tm, fs);
        IReadOnlyList<double> cleanPerSymbol = analyzer.Analyze(clean).EvmPerSymbolPercent;

        var phase = new ComplexF32[clean.Length];
        phase.AsSpan().Fill(new ComplexF32(1, 0));
        new WienerPhaseNoise(linewidthHz, fs, seed: 5).Apply(phase, 1);
        var x = new ComplexF32[clean.Length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = clean[i] * phase[i];
        }

        DownlinkEvmResult r = analyzer.Analyze(x);

        int n = timing.FftSize;
        int offset = timing.CyclicPrefixLength(1) / 2;
        int symbolsPerSlot = timing.SymbolsPerSlot;
        double errorSum = 0;
        int dataSymbols = 0;
        for (int slot = 0; slot < Slots; slot++)
        {
            int subframe = slot / (timing.SymbolsPerSubframe / symbolsPerSlot);
            int subframeStart = subframe * timing.SamplesPerSubframe;
            var cpe = new Complex[symbolsPerSlot];
            Complex reference = Complex.Zero;
            int dmrs = 0;
            for (int l = 0; l < symbolsPerSlot; l++)
            {
                int symbolInSubframe = timing.FirstSymbolOfSlot(slot) + l;
                int start = subframeStart + timing.UsefulPartOffset(symbolInSubframe) - offset;
                Complex sum = Complex.Zero;
                for (int k = 0; k < n; k++)
                {
                    int t = start + k;
                    double derotate = -2 * Math.PI * r.FrequencyErrorHz * t / fs;
                    sum += new Complex(phase[t].Re, phase[t].Im) * Complex.FromPolarCoordinates(1, derotate);
                }

                cpe[l] = sum / n;
                if (l is 2 or 11)
                {
                    reference += cpe[l];
                    dmrs++;
                }
            }

            reference /= dmrs;
            for (int l = 0; l < symbolsPerSlot; l++)
            {
                if (!double.IsNaN(cleanPerSymbol[l]))
                {
                    double ici = 1 - (cpe[l].Magnitude * cpe[l].Magnitude);
                    errorSum += ((cpe[l] - reference).Magnitude * (cpe[l] - reference).Magnitude + ici) / (reference.Magnitude * reference.Magnitude);
                    dataSymbols++;
                }
            }
        }

        double expected = 100 * Math.Sqrt(errorSum / dataSymbols);
        Assert.InRange(expected, 0.5, 20);
        Assert.InRange(r.EvmPercent, 0.85 * expected, 1.15 * expected);
    }

    [Fact]
    public void ShortRecording_IsRejectedWithTheReason()
    {
        DownlinkWaveformConfiguration tm = NrTestModelFactory.Create(NrTestModel.Tm1_1, 5, 15, DuplexMode.Fdd);
        var analyzer = new DownlinkEvmAnalyzer(tm, tm.Carrier.Timing().SampleRateHz);
        ArgumentException e = Assert.Throws<ArgumentException>(() => analyzer.Analyze(new ComplexF32[1000]));
        Assert.Contains("two slots", e.Message, StringComparison.Ordinal);
    }
}
