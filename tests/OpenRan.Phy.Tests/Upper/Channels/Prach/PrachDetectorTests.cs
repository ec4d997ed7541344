using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels.Prach;

public class PrachDetectorTests
{
    private static (PrachTiming Timing, PrachOccasion Occasion) Format0()
    {
        var configuration = new PrachConfiguration(PrachConfigurationTests.Format0);
        return (new PrachTiming(configuration, new OfdmTiming(new Numerology(0), CyclicPrefix.Normal, 512)), configuration.Occasion(0, 1, 0, 0));
    }

    private static (PrachTiming Timing, PrachOccasion Occasion) B4At30(int zeroCorrelationZone = 1)
    {
        var configuration = new PrachConfiguration(PrachConfigurationTests.B4At30 with { ZeroCorrelationZoneConfig = zeroCorrelationZone, RootSequenceIndex = 17 });
        return (new PrachTiming(configuration, new OfdmTiming(new Numerology(1), CyclicPrefix.Normal, 512)), configuration.Occasion(0, 1, 1, 0));
    }

    private static void AddNoise(Span<ComplexF32> samples, double variance, int seed) =>
        StandardNormal.AddComplexNoise(samples, variance, new Random(seed));

    [Fact]
    public void Detect_EveryPreambleClean_FindsExactlyItWithZeroTimingAdvance()
    {
        (PrachTiming timing, PrachOccasion occasion) = B4At30();
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing);
        int length = timing.OccasionSamples(occasion);
        var samples = new ComplexF32[length];
        var detections = new PrachDetection[64];
        for (int p = 0; p < 64; p++)
        {
            generator.Generate(occasion, 0, p, samples);
            int count = detector.Detect(samples, length, occasion, 0, detections);
            Assert.True(count == 1, $"preamble {p}: {count} detections: {string.Join("; ", detections.AsSpan(0, count).ToArray())}");
            Assert.Equal(p, detections[0].PreambleIndex);
            Assert.Equal(0, detections[0].TimingAdvanceSamples, 0.05);
            Assert.Equal(0, detections[0].TimingAdvanceCommand);
            Assert.True(detections[0].Metric > 0.9 * 139);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.0)]
    [InlineData(10.25)]
    [InlineData(41.7)]
    public void Detect_DelayedPreamble_EstimatesTheDelay(double delaySamples)
    {
        (PrachTiming timing, PrachOccasion occasion) = Format0();
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = 2 });
        int length = timing.OccasionSamples(occasion) + 64;
        var samples = new ComplexF32[2 * length];
        generator.Generate(occasion, 0, 32, samples, delaySamples: delaySamples);
        samples.AsSpan(0, length).CopyTo(samples.AsSpan(length));
        AddNoise(samples, 1.0 / (512 * Math.Pow(10, 0.0)), 1);
        var detections = new PrachDetection[64];
        int count = detector.Detect(samples, length, occasion, 0, detections);
        Assert.Equal(1, count);
        Assert.Equal(32, detections[0].PreambleIndex);
        // One sample at 7.68 Msps is 0.16 sequence samples; the estimate must be within a fifth of a sample.
        Assert.Equal(delaySamples, detections[0].TimingAdvanceSamples, 0.2);
        Assert.Equal(delaySamples / 7.68e6, detections[0].TimingAdvanceSeconds, 3e-8);
        Assert.Equal((int)Math.Round(delaySamples / 7.68e6 / (16 * 64 / (480e3 * 4096))), detections[0].TimingAdvanceCommand);
        Assert.Equal(0, detections[0].SnrDb, 1.5);
    }

    [Fact]
    public void Detect_TwoUsersOnOneRoot_FindsBoth()
    {
        (PrachTiming timing, PrachOccasion occasion) = Format0();
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing);
        int length = timing.OccasionSamples(occasion) + 64;
        var samples = new ComplexF32[length];
        generator.Generate(occasion, 0, 3, samples, delaySamples: 12);
        generator.Generate(occasion, 0, 40, samples, PrachWriteMode.Add, 0.5f, 30);
        var detections = new PrachDetection[64];
        int count = detector.Detect(samples, length, occasion, 0, detections);
        Assert.Equal(2, count);
        Assert.Equal((3, 40), (detections[0].PreambleIndex, detections[1].PreambleIndex));
        Assert.Equal(12, detections[0].TimingAdvanceSamples, 0.2);
        Assert.Equal(30, detections[1].TimingAdvanceSamples, 0.2);
        Assert.True(detections[0].PreamblePower > 3 * detections[1].PreamblePower);
    }

    [Fact]
    public void Detect_AllZeroAndNoiseOnly_ReportNothing()
    {
        (PrachTiming timing, PrachOccasion occasion) = B4At30();
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = 2 });
        int length = timing.OccasionSamples(occasion);
        var samples = new ComplexF32[2 * length];
        var detections = new PrachDetection[64];
        Assert.Equal(0, detector.Detect(samples, length, occasion, 0, detections));
        for (int trial = 0; trial < 50; trial++)
        {
            Array.Clear(samples);
            AddNoise(samples, 1, 100 + trial);
            Assert.Equal(0, detector.Detect(samples, length, occasion, 0, detections));
        }
    }

    [Fact]
    public void Detect_AnyValues_NeverThrowsAndErasesNonFiniteSamples()
    {
        (PrachTiming timing, PrachOccasion occasion) = B4At30();
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = 2 });
        int length = timing.OccasionSamples(occasion);
        var samples = new ComplexF32[2 * length];
        var detections = new PrachDetection[64];
        float[] specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue, float.Epsilon, 1e-30f];
        foreach (float special in specials)
        {
            Array.Fill(samples, new ComplexF32(special, special));
            int count = detector.Detect(samples, length, occasion, 0, detections);
            Assert.InRange(count, 0, 64);
            foreach (PrachDetection d in detections.AsSpan(0, count))
            {
                Assert.True(float.IsFinite(d.Metric) && double.IsFinite(d.TimingAdvanceSeconds));
            }
        }

        // Antenna 0 fully erased (NaN), antenna 1 carries the preamble with sprinkled infinities: still detected.
        Array.Fill(samples, new ComplexF32(float.NaN, 0));
        generator.Generate(occasion, 0, 9, samples.AsSpan(length, length));
        for (int i = length; i < 2 * length; i += 97)
        {
            samples[i] = new ComplexF32(float.PositiveInfinity, float.NaN);
        }

        Assert.Equal(1, detector.Detect(samples, length, occasion, 0, detections));
        Assert.Equal(9, detections[0].PreambleIndex);

        // Huge but finite values are scaled, not overflowed.
        generator.Generate(occasion, 0, 21, samples.AsSpan(0, length), amplitude: 1e35f);
        generator.Generate(occasion, 0, 21, samples.AsSpan(length, length), amplitude: 1e35f);
        Assert.Equal(1, detector.Detect(samples, length, occasion, 0, detections));
        Assert.Equal(21, detections[0].PreambleIndex);
    }

    [Fact]
    public void Detect_SteadyState_AllocatesNothing()
    {
        (PrachTiming timing, PrachOccasion occasion) = Format0();
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = 2 });
        int length = timing.OccasionSamples(occasion);
        var samples = new ComplexF32[2 * length];
        generator.Generate(occasion, 0, 1, samples);
        var detections = new PrachDetection[64];
        AllocationAssert.SteadyStateAllocatesNothing(() => detector.Detect(samples, length, occasion, 0, detections));
    }

    [Fact]
    public void Detect_CoherentGroups_StillDetect()
    {
        (PrachTiming timing, PrachOccasion occasion) = B4At30(15);
        var generator = new PrachGenerator(timing);
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { CoherentRepetitions = 3 });
        int length = timing.OccasionSamples(occasion) + 32;
        var samples = new ComplexF32[length];
        generator.Generate(occasion, 0, 63, samples, delaySamples: 20);
        var detections = new PrachDetection[64];
        Assert.Equal(1, detector.Detect(samples, length, occasion, 0, detections));
        Assert.Equal(63, detections[0].PreambleIndex);
        Assert.Equal(20, detections[0].TimingAdvanceSamples, 0.2);
        Assert.True(detector.ThresholdFor(4) < detector.ThresholdFor(1));
    }

    [Fact]
    public void Threshold_MatchesTheGammaTail()
    {
        Assert.Equal(Math.Exp(-5), PrachDetectionThreshold.UpperTail(1, 5), 12);
        Assert.Equal(Math.Exp(-10) * (1 + 10), PrachDetectionThreshold.UpperTail(2, 5), 12);
        double t = PrachDetectionThreshold.ForFalseAlarm(2, 1000, 1e-3);
        Assert.Equal(1e-6, PrachDetectionThreshold.UpperTail(2, t), 1e-9);
    }

    [Fact]
    public void Options_OutOfRange_AreNamed()
    {
        (PrachTiming timing, _) = Format0();
        Assert.Equal("ReceiveAntennaCount", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = 0 })).ParamName);
        Assert.Equal("FalseAlarmProbability", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachDetector(timing, new PrachDetectorConfiguration { FalseAlarmProbability = 0.5 })).ParamName);
        Assert.Equal("CoherentRepetitions", Assert.Throws<ArgumentOutOfRangeException>(() => new PrachDetector(timing, new PrachDetectorConfiguration { CoherentRepetitions = 13 })).ParamName);
    }

    [Fact]
    public void ZonePeak_EqualsTheCellByCellScanForWrappedZonesTiesNaNAndSilence()
    {
        // The oracle: the scan the vectorised search replaced (first strict maximum above 0, cells taken in zone order).
        static (int, float) Scan(float[] profile, int start, int count)
        {
            int best = -1;
            float peak = 0;
            for (int c = 0; c < count; c++)
            {
                float v = profile[(start + c) & (profile.Length - 1)];
                if (v > peak)
                {
                    (best, peak) = (c, v);
                }
            }

            return (best, peak);
        }

        var random = new Random(7);
        foreach (int m in new[] { 64, 1024 })
        {
            for (int trial = 0; trial < 400; trial++)
            {
                var profile = new float[m];
                int kind = trial % 5;
                for (int i = 0; i < m; i++)
                {
                    // Integer-valued powers make ties common; kind 3 is silence, kind 4 carries NaNs.
                    profile[i] = kind == 3 ? 0 : random.Next(0, 8);
                }

                if (kind == 4)
                {
                    profile[random.Next(m)] = float.NaN;
                    profile[random.Next(m)] = float.NaN;
                }

                int start = random.Next(m);
                int count = trial % 7 == 0 ? m : random.Next(1, m + 1);
                Assert.Equal(Scan(profile, start, count), PrachDetector.ZonePeak(profile, start, count));
            }
        }
    }
}
