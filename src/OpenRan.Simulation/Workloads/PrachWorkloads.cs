using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Simulation.Workloads;

/// <summary>
/// Seeded PRACH workloads for benchmarks and quick benches, with the conditions of srsRAN's <c>prach_detector_benchmark</c>
/// where they apply (formats 0 and B4 at 30 kHz, 1/2/4 receive ports, zeroCorrelationZoneConfig 0 and 1 for format 0, 0 and
/// 14 for B4, all 64 preambles, unrestricted set). Unlike srsRAN's detector, ours starts from time-domain samples, so the
/// N_RA-point FFT per antenna (the PRACH demodulation) is part of the measured work: format 0 on a 20 MHz 15 kHz carrier
/// (30.72 Msps, N_RA = 24576), B4 on a 100 MHz 30 kHz carrier (122.88 Msps, N_RA = 4096, 12 repetitions summed).
/// </summary>
public static class PrachWorkloads
{
    /// <summary>The detection workload: one preamble at 0 dB per PRACH subcarrier in white noise on every antenna.</summary>
    /// <param name="format"><c>0</c> or <c>B4</c>.</param>
    /// <param name="rxAntennas">1..16.</param>
    /// <param name="zeroCorrelationZoneConfig">0..15.</param>
    /// <param name="seed">Noise and root seed.</param>
    public static PrachDetectionWorkload Detection(string format, int rxAntennas, int zeroCorrelationZoneConfig, int seed = 1)
    {
        bool longFormat = format == "0";
        if (!longFormat && format != "B4")
        {
            ThrowHelper.ThrowOutOfRange(nameof(format), format, "0 or B4");
        }

        var random = new Random(seed);
        var numerology = new Numerology(longFormat ? 0 : 1);
        var configuration = new PrachConfiguration(new PrachParameters
        {
            ConfigurationIndex = longFormat ? 16 : 209,
            Msg1SubcarrierSpacingKhz = longFormat ? null : 30,
            PuschNumerology = numerology,
            NSizeGrid = longFormat ? 106 : 273,
            RootSequenceIndex = random.Next(longFormat ? 838 : 138),
            ZeroCorrelationZoneConfig = zeroCorrelationZoneConfig,
        });
        int fftSize = longFormat ? 2048 : 4096;
        var timing = new PrachTiming(configuration, new OfdmTiming(numerology, CyclicPrefix.Normal, fftSize));
        PrachOccasion occasion = configuration.Occasion(0, 1, longFormat ? 0 : 1, 0);
        int length = timing.OccasionSamples(occasion) + 8;
        var samples = new ComplexF32[rxAntennas * length];
        var generator = new PrachGenerator(timing);
        int preamble = random.Next(64);
        for (int a = 0; a < rxAntennas; a++)
        {
            generator.Generate(occasion, 0, preamble, samples.AsSpan(a * length, length), delaySamples: 5.5);
        }

        ControlChannelWorkloads.AddNoise(samples, 1.0 / fftSize, seed);
        var detector = new PrachDetector(timing, new PrachDetectorConfiguration { ReceiveAntennaCount = rxAntennas });
        string description = FormattableString.Invariant(
            $"format {format}, {rxAntennas} Rx, zcz {zeroCorrelationZoneConfig} (N_CS {configuration.NCs}, {configuration.Preambles.Roots.Count} root(s)), {timing.SampleRateHz / 1e6:0.##} Msps, N_RA {timing.RepetitionSamples}, correlation {detector.CorrelationSize}");
        return new PrachDetectionWorkload(detector, samples, length, occasion, new PrachDetection[PrachPreambleSet.PreambleCount], description);
    }
}
