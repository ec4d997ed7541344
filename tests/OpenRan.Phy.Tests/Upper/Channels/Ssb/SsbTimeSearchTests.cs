using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels.Ssb;

/// <summary>
/// <see cref="SsbTimeSearch"/> on synthetic captures: an SS/PBCH block mapped by <see cref="SsbTransmitter"/>, OFDM-modulated
/// with the TS 38.211 §5.4 phase of its RF frequency, shifted to its offset from the baseband centre, given a carrier
/// frequency offset, placed at a known sample inside white Gaussian noise.
/// </summary>
public class SsbTimeSearchTests
{
    private const double SsbCenterHz = 3512.64e6; // 0.75 cycles of §5.4 phase per symbol at 30 kHz, as in the srsRAN n78 capture

    // 46.08 Msps, 30 kHz (N = 1536, D = 8): the n78 capture's numbers, with a larger CFO.
    private static readonly Scenario s_n78 = new(46.08e6, 30, 9.84e6, 2_500, 500, 8, 5, 1, 3, 61_237, 92_160);

    // 7.68 Msps, 30 kHz (N = 256, D = 1): no decimation, block centred on DC.
    private static readonly Scenario s_smallest = new(7.68e6, 30, 0, 900, 1007, 8, 7, 0, 10, 3_333, 8_000);

    [Theory]
    [InlineData(46.08e6, 30, 9.84e6, 2_500, 500, 8, 5, 1, 3, 61_237, 92_160)] // the n78 capture's numbers (N = 1536, D = 8), larger CFO
    [InlineData(46.08e6, 30, -15.1e6, -9_000, 1, 8, 0, 0, 0, 17, 30_000)] // near the band edge, CFO near Δf/3, 0 dB, block at the start
    [InlineData(15.36e6, 15, -1.2345e6, -4_000, 17, 4, 2, 0, 6, 7_001, 16_000)] // 15 kHz (N = 1024, D = 4)
    [InlineData(7.68e6, 30, 0, 900, 1007, 8, 7, 0, 10, 3_333, 8_000)] // N = 256, D = 1: no decimation, block centred on DC
    [InlineData(122.88e6, 30, 31.5e6, 300, 333, 8, 3, 1, 3, 250_003, 270_000)] // N = 4096, D = 16
    public void Search_SynthesizedBlockInNoise_FindsTimingAndDecodesCellAndMib(
        double sampleRateHz, int scsKhz, double offsetHz, double cfoHz, int nIdCell, int lMax, int ssbIndex, int halfFrame, double snrDb, int blockStart, int captureSamples)
    {
        var scenario = new Scenario(sampleRateHz, scsKhz, offsetHz, cfoHz, nIdCell, lMax, ssbIndex, halfFrame, snrDb, blockStart, captureSamples);
        var mib = new Mib(978, false, 31, 2, 0, true, true);
        Capture capture = Synthesize(scenario, mib, SsbCenterHz);
        var search = new SsbTimeSearch(Configuration(scenario, SsbCenterHz));
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);

        SsbTimeSearchResult found = search.Search(capture.Samples, grid);

        Assert.True(found.Detected, $"{found}");
        Assert.Equal(nIdCell % 3, found.NId2);
        Assert.InRange(found.PssUsefulPartStartSample, capture.PssUsefulPartStart - 1, capture.PssUsefulPartStart + 1);
        Assert.Equal(capture.CyclicPrefixSamples, found.CyclicPrefixSamples);
        Assert.Equal(found.PssUsefulPartStartSample - capture.CyclicPrefixSamples, found.BlockStartSample);
        double cfoToleranceHz = CfoToleranceHz(scsKhz, snrDb);
        Assert.True(Math.Abs(found.ResidualFrequencyOffsetHz - cfoHz) < cfoToleranceHz, $"CFO {found.ResidualFrequencyOffsetHz:F0} Hz, applied {cfoHz} Hz, tolerance {cfoToleranceHz:F0} Hz");

        CellIdentity cell = new CellIdentityDetector().Detect(grid, 0, 0, 0);
        PbchReceiveResult pbch = new PbchReceiver().Receive(grid, 0, 0, 0, cell.NIdCell, lMax);
        Assert.Equal(nIdCell, cell.NIdCell);
        Assert.True(pbch.CrcPassed, $"{pbch}");
        Assert.Equal(mib, pbch.Mib);
        Assert.Equal(ssbIndex, pbch.SsbIndex);
        Assert.Equal(halfFrame, pbch.HalfFrame);
    }

    [Theory]
    [InlineData(-0.8)]
    [InlineData(-0.3)]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.45)]
    [InlineData(0.8)]
    public void Search_ResidualCfo_IsEstimatedWithinItsRange(double cfoInSubcarriers)
    {
        // Unambiguous within ±Δf; at 20 dB per RE the estimate's standard deviation is about 0.004·Δf.
        Scenario scenario = s_n78 with { CfoHz = cfoInSubcarriers * 30e3, SnrDb = 20 };
        Capture capture = Synthesize(scenario, new Mib(1, false, 0, 2, 0, false, true), SsbCenterHz);
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);

        SsbTimeSearchResult found = new SsbTimeSearch(Configuration(scenario, SsbCenterHz)).Search(capture.Samples, grid);

        Assert.Equal(capture.PssUsefulPartStart, found.PssUsefulPartStartSample);
        Assert.True(Math.Abs(found.ResidualFrequencyOffsetHz - scenario.CfoHz) < CfoToleranceHz(30, 20), $"CFO {found.ResidualFrequencyOffsetHz:F0} Hz, applied {scenario.CfoHz} Hz");
        Assert.Equal(scenario.NIdCell, new CellIdentityDetector().Detect(grid, 0, 0, 0).NIdCell);
    }

    [Theory]
    [InlineData(46.08e6, 30, 9.84e6, 3512.64e6)] // 0.75 cycles of §5.4 phase per symbol
    [InlineData(46.08e6, 30, -5.0e6, 3503.6518e6)] // about 0.07 cycles per symbol
    [InlineData(15.36e6, 15, -1.2345e6, 1842.05e6)]
    [InlineData(15.36e6, 15, 0, 2_000_123_456)]
    public void Search_Noiseless_ReturnsTheTransmittedBlockUpToOneFactor(double sampleRateHz, int scsKhz, double offsetHz, double ssbCenterHz)
    {
        // Every resource element of all four symbols must be the transmitted one times a single complex factor: a wrong
        // window, bin mapping or §5.4 phase (sign or frequency) leaves a residual far above the float rounding.
        var scenario = new Scenario(sampleRateHz, scsKhz, offsetHz, 0, 321, 8, 6, 1, 300, 5_000, 20_000);
        var mib = new Mib(444, true, 9, 3, 0x5A, false, true);
        Capture capture = Synthesize(scenario, mib, ssbCenterHz);
        var received = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        new SsbTimeSearch(Configuration(scenario, ssbCenterHz)).Search(capture.Samples, received);
        var transmitted = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        new SsbTransmitter().Map(transmitted, 0, 0, 0, mib, scenario.NIdCell, scenario.LMax, scenario.SsbIndex, scenario.HalfFrame, SsbAmplitudes.Unit);

        ComplexF32 factor = ComplexKernels.DotConjugate(received.Port(0), transmitted.Port(0)) / ComplexKernels.SumOfMagnitudesSquared(transmitted.Port(0));
        double error = 0, power = 0;
        for (int i = 0; i < transmitted.Port(0).Length; i++)
        {
            ComplexF32 expected = transmitted.Port(0)[i] * factor;
            error += (received.Port(0)[i] - expected).MagnitudeSquared;
            power += expected.MagnitudeSquared;
        }

        Assert.True(error < 1e-6 * power, $"relative error {error / power:G3}, factor {factor}");
    }

    [Fact]
    public void Search_WithoutPhaseCompensation_LosesTheSss()
    {
        // The transmitter's §5.4 phase advances 0.75 cycles per symbol at 3512.64 MHz, so PSS and SSS are 180° apart unless
        // the search undoes it: the check that the compensated scenarios above really exercise the compensation.
        Scenario scenario = s_n78;
        Capture capture = Synthesize(scenario with { SnrDb = 30 }, new Mib(1, false, 0, 2, 0, false, true), SsbCenterHz);
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);

        SsbTimeSearchResult found = new SsbTimeSearch(Configuration(scenario, 0)).Search(capture.Samples, grid);
        CellIdentity cell = new CellIdentityDetector().Detect(grid, 0, 0, 0);

        Assert.InRange(found.PssUsefulPartStartSample, capture.PssUsefulPartStart - 1, capture.PssUsefulPartStart + 1);
        Assert.NotEqual(scenario.NIdCell, cell.NIdCell);
    }

    [Fact]
    public void Search_NoiseOnly_ReportsNoDetection()
    {
        var random = new Random(20251125);
        var samples = new ComplexF32[46_080];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = new ComplexF32((float)StandardNormal.Next(random), (float)StandardNormal.Next(random));
        }

        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = 30, SsbFrequencyOffsetHz = 9.84e6 });
        SsbTimeSearchResult found = search.Search(samples, new ResourceGrid(1, 4, 240));

        Assert.False(found.Detected);
        Assert.InRange(found.PssMetric, 0f, 0.1f);
    }

    [Fact]
    public void Search_AllZeroInput_ReportsMetricZero()
    {
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 15.36e6, SubcarrierSpacingKhz = 15 });
        SsbTimeSearchResult found = search.Search(new ComplexF32[20_000], new ResourceGrid(1, 4, 240));

        Assert.False(found.Detected);
        Assert.Equal(0f, found.PssMetric);
        Assert.Equal(0.0, found.ResidualFrequencyOffsetHz);
    }

    [Fact]
    public void Search_ShortestInput_SearchesTheOnlyPosition()
    {
        Scenario scenario = s_smallest with { SnrDb = 30, CaptureSamples = 0, BlockStartSample = 0 };
        var search = new SsbTimeSearch(Configuration(scenario, SsbCenterHz));
        Capture capture = Synthesize(scenario with { CaptureSamples = search.BlockSampleCount + search.Configuration.CyclicPrefixSamples }, new Mib(5, false, 0, 2, 0, false, true), SsbCenterHz);

        SsbTimeSearchResult found = search.Search(capture.Samples.AsSpan(search.Configuration.CyclicPrefixSamples), new ResourceGrid(1, 4, 240));

        Assert.Equal(0, found.PssUsefulPartStartSample);
        Assert.True(found.Detected, $"{found}");
    }

    [Fact]
    public void Search_SteadyState_AllocatesNothing()
    {
        Scenario scenario = s_n78;
        Capture capture = Synthesize(scenario, new Mib(1, false, 0, 2, 0, false, true), SsbCenterHz);
        var search = new SsbTimeSearch(Configuration(scenario, SsbCenterHz));
        var grid = new ResourceGrid(1, 4, 240);
        AllocationAssert.SteadyStateAllocatesNothing(() => search.Search(capture.Samples, grid), warmUpCalls: 2, rounds: 3, callsPerRound: 1);
    }

    [Theory]
    [InlineData(46.08e6 + 1, 30)] // N not whole
    [InlineData(6e6, 30)] // N = 200, not a multiple of 128
    [InlineData(3.84e6, 30)] // N = 128 cannot hold 240 subcarriers
    [InlineData(0.0, 30)]
    [InlineData(double.NaN, 30)]
    [InlineData(30e3 * 131072, 30)] // N above 65536
    public void Constructor_BadSampleRate_ThrowsNamingIt(double sampleRateHz, int scsKhz)
    {
        var configuration = new SsbTimeSearchConfiguration { SampleRateHz = sampleRateHz, SubcarrierSpacingKhz = scsKhz };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new SsbTimeSearch(configuration));
        Assert.Equal(nameof(SsbTimeSearchConfiguration.SampleRateHz), e.ParamName);
        Assert.Contains("multiples of 3.84 MHz", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(0)]
    [InlineData(45)]
    public void Constructor_BadSubcarrierSpacing_ThrowsNamingIt(int scsKhz)
    {
        var configuration = new SsbTimeSearchConfiguration { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = scsKhz };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new SsbTimeSearch(configuration));
        Assert.Equal(nameof(SsbTimeSearchConfiguration.SubcarrierSpacingKhz), e.ParamName);
    }

    [Theory]
    [InlineData(23.04e6)] // f_s/2
    [InlineData(-30e6)]
    [InlineData((23.04e6 - (120 * 30e3)) + 1)] // the block's top edge would pass f_s/2
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void Constructor_OffsetOutsideBand_ThrowsNamingIt(double offsetHz)
    {
        var configuration = new SsbTimeSearchConfiguration { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = 30, SsbFrequencyOffsetHz = offsetHz };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new SsbTimeSearch(configuration));
        Assert.Equal(nameof(SsbTimeSearchConfiguration.SsbFrequencyOffsetHz), e.ParamName);
        Assert.Contains("19440000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OffsetAtBandEdge_IsAccepted()
    {
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = 30, SsbFrequencyOffsetHz = -19.44e6 });
        Assert.Equal(1536, search.FftSize);
        Assert.Equal(8, search.Decimation);
        Assert.Equal((3 * (1536 + 108)) + 1536, search.BlockSampleCount);
    }

    [Theory]
    [InlineData(-1.0, 0.25f, "SsbCenterFrequencyHz")]
    [InlineData(3.5e9, 1.5f, "DetectionThreshold")]
    [InlineData(3.5e9, -0.1f, "DetectionThreshold")]
    public void Constructor_OtherBadFields_ThrowNamingThem(double ssbCenterHz, float threshold, string field)
    {
        var configuration = new SsbTimeSearchConfiguration { SampleRateHz = 46.08e6, SubcarrierSpacingKhz = 30, SsbCenterFrequencyHz = ssbCenterHz, DetectionThreshold = threshold };
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new SsbTimeSearch(configuration));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Constructor_NullConfiguration_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new SsbTimeSearch(null!));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((3 * (256 + 18)) + 256 - 1)]
    public void Search_TooFewSamples_ThrowsNamingThem(int length)
    {
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 7.68e6, SubcarrierSpacingKhz = 30 });
        ArgumentException e = Assert.Throws<ArgumentException>(() => search.Search(new ComplexF32[length], new ResourceGrid(1, 4, 240)));
        Assert.Equal("samples", e.ParamName);
        Assert.Contains(search.BlockSampleCount.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_GridTooSmall_ThrowsNamingIt()
    {
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 7.68e6, SubcarrierSpacingKhz = 30 });
        ArgumentException e = Assert.Throws<ArgumentException>(() => search.Search(new ComplexF32[search.BlockSampleCount], new ResourceGrid(1, 4, 120)));
        Assert.Equal("grid", e.ParamName);
    }

    /// <summary>
    /// Four standard deviations of the half-symbol CFO estimate on a flat channel: each half correlation has an SNR of about
    /// 127·SNR_RE/2, so the phase difference has σ ≈ 1/√(127·SNR_RE/2) rad and ε = Δφ·Δf/π has σ ≈ Δf·√(2/(127·SNR_RE))/π.
    /// </summary>
    private static double CfoToleranceHz(int scsKhz, double snrDb) =>
        4 * scsKhz * 1e3 * Math.Sqrt(2 / (SynchronizationSignals.Length * Math.Pow(10, snrDb / 10))) / Math.PI;

    private static SsbTimeSearchConfiguration Configuration(Scenario scenario, double ssbCenterHz) => new()
    {
        SampleRateHz = scenario.SampleRateHz,
        SubcarrierSpacingKhz = scenario.SubcarrierSpacingKhz,
        SsbFrequencyOffsetHz = scenario.SsbOffsetHz,
        SsbCenterFrequencyHz = ssbCenterHz,
    };

    /// <summary>
    /// The block as slot symbols 2..5 of a 20-RB grid at the SSB numerology (OFDM modulator, 1/N scaling, §5.4 phase of
    /// <paramref name="ssbCenterHz"/>), shifted by offset + CFO with the phase of sample n computed in double, placed at
    /// <see cref="Scenario.BlockStartSample"/> in noise of variance 1/(N·SNR) per sample (SNR per resource element).
    /// </summary>
    private static Capture Synthesize(Scenario scenario, Mib mib, double ssbCenterHz)
    {
        var numerology = Numerology.FromSubcarrierSpacingKhz(scenario.SubcarrierSpacingKhz);
        int fftSize = (int)Math.Round(scenario.SampleRateHz / (scenario.SubcarrierSpacingKhz * 1e3));
        var timing = new OfdmTiming(numerology, CyclicPrefix.Normal, fftSize);
        var modulator = new OfdmModulator(new OfdmConfiguration { Timing = timing, NSizeGrid = 20, CarrierFrequencyHz = ssbCenterHz });
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, SsbResourceMap.SubcarrierCount);
        new SsbTransmitter().Map(grid, 0, 2, 0, mib, scenario.NIdCell, scenario.LMax, scenario.SsbIndex, scenario.HalfFrame, SsbAmplitudes.Unit);
        int blockLength = 4 * (fftSize + timing.CyclicPrefixLength(2));
        var block = new ComplexF32[blockLength];
        modulator.Modulate(grid, 0, 0, 2, 4, block);

        var random = new Random(scenario.NIdCell + (int)scenario.SampleRateHz);
        var samples = new ComplexF32[scenario.CaptureSamples];
        double sigma = Math.Sqrt(1.0 / (fftSize * Math.Pow(10, scenario.SnrDb / 10)) / 2);
        for (int n = 0; n < samples.Length; n++)
        {
            samples[n] = new ComplexF32((float)(StandardNormal.Next(random) * sigma), (float)(StandardNormal.Next(random) * sigma));
        }

        double cyclesPerSample = (scenario.SsbOffsetHz + scenario.CfoHz) / scenario.SampleRateHz;
        for (int i = 0; i < blockLength; i++)
        {
            int n = scenario.BlockStartSample + i;
            double cycles = cyclesPerSample * n;
            samples[n] += block[i] * ComplexF32.FromPolar(1.0, 2 * Math.PI * (cycles - Math.Floor(cycles)));
        }

        return new Capture(samples, scenario.BlockStartSample + timing.CyclicPrefixLength(2), timing.CyclicPrefixLength(2));
    }

    /// <summary>One synthetic capture.</summary>
    private sealed record Scenario(
        double SampleRateHz,
        int SubcarrierSpacingKhz,
        double SsbOffsetHz,
        double CfoHz,
        int NIdCell,
        int LMax,
        int SsbIndex,
        int HalfFrame,
        double SnrDb,
        int BlockStartSample,
        int CaptureSamples);

    private sealed record Capture(ComplexF32[] Samples, int PssUsefulPartStart, int CyclicPrefixSamples);
}
