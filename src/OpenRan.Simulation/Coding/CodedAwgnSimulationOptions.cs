using System;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Coding;

/// <summary>Settings of a coded AWGN frame-error-rate simulation (validated at construction).</summary>
public sealed record CodedAwgnSimulationOptions
{
    /// <summary>Builds validated options.</summary>
    /// <param name="ebN0Db">The E_b/N_0 points in dB (at least one, each within −20..40).</param>
    /// <param name="modulation">BPSK or QPSK.</param>
    /// <param name="maxFrameErrors">Stop a point after this many frame errors, 1..10^7.</param>
    /// <param name="maxFrames">Stop a point after this many frames, 1..10^9.</param>
    /// <param name="seed">Master seed; every work unit's seed derives from it, the point and the unit index.</param>
    /// <param name="threadCount">Worker threads, 0 for every core.</param>
    /// <param name="framesPerWorkUnit">Frames per work unit (the granularity of the stopping rule), 1..4096.</param>
    public CodedAwgnSimulationOptions(IReadOnlyList<double> ebN0Db, CodedModulation modulation = CodedModulation.Bpsk, int maxFrameErrors = 100, long maxFrames = 100_000, ulong seed = 1, int threadCount = 0, int framesPerWorkUnit = 8)
    {
        ArgumentNullException.ThrowIfNull(ebN0Db);
        if (ebN0Db.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(ebN0Db), "at least one E_b/N_0 point is needed.");
        }

        foreach (double point in ebN0Db)
        {
            if (!(point >= -20 && point <= 40))
            {
                ThrowHelper.ThrowOutOfRange(nameof(ebN0Db), point, "−20..40 dB");
            }
        }

        _ = modulation.BitsPerSymbol();
        ThrowHelper.ThrowIfOutside(maxFrameErrors, 1, 10_000_000);
        if (maxFrames < 1 || maxFrames > 1_000_000_000)
        {
            ThrowHelper.ThrowOutOfRange(nameof(maxFrames), maxFrames, "1..10^9");
        }

        ThrowHelper.ThrowIfOutside(threadCount, 0, 1024);
        ThrowHelper.ThrowIfOutside(framesPerWorkUnit, 1, 4096);
        EbN0Db = [.. ebN0Db];
        Modulation = modulation;
        MaxFrameErrors = maxFrameErrors;
        MaxFrames = maxFrames;
        Seed = seed;
        ThreadCount = threadCount;
        FramesPerWorkUnit = framesPerWorkUnit;
    }

    /// <summary>The E_b/N_0 points in dB.</summary>
    public IReadOnlyList<double> EbN0Db { get; }

    /// <summary>The modulation.</summary>
    public CodedModulation Modulation { get; }

    /// <summary>Frame errors after which a point stops.</summary>
    public int MaxFrameErrors { get; }

    /// <summary>Frames after which a point stops.</summary>
    public long MaxFrames { get; }

    /// <summary>The master seed.</summary>
    public ulong Seed { get; }

    /// <summary>Worker threads requested (0 = every core).</summary>
    public int ThreadCount { get; }

    /// <summary>The worker threads used: <see cref="ThreadCount"/>, or <see cref="Environment.ProcessorCount"/> when 0.</summary>
    public int EffectiveThreadCount => ThreadCount == 0 ? Environment.ProcessorCount : ThreadCount;

    /// <summary>Frames per work unit.</summary>
    public int FramesPerWorkUnit { get; }
}

/// <summary>The counts of one E_b/N_0 point.</summary>
/// <param name="EbN0Db">E_b/N_0 in dB.</param>
/// <param name="EsN0Db">E_s/N_0 in dB: E_b/N_0 + 10·log10(R · bits per symbol), R = K/E.</param>
/// <param name="NoiseVariance">σ² per real dimension, N_0/2 with E_s = 1.</param>
/// <param name="Frames">Frames simulated.</param>
/// <param name="FrameErrors">Frames whose decoded information bits differ from the transmitted ones.</param>
/// <param name="BitErrors">Information bits in error.</param>
/// <param name="InformationBits">Information bits simulated.</param>
/// <param name="DecoderFailures">Frames whose decoder verdict was failure (parity or CRC check).</param>
/// <param name="UndetectedErrors">Frame errors the decoder reported as success.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the point.</param>
public sealed record CodedAwgnPointResult(
    double EbN0Db,
    double EsN0Db,
    double NoiseVariance,
    long Frames,
    long FrameErrors,
    long BitErrors,
    long InformationBits,
    long DecoderFailures,
    long UndetectedErrors,
    double ElapsedSeconds)
{
    /// <summary>Frame-error rate.</summary>
    public double FrameErrorRate => Frames == 0 ? 0 : (double)FrameErrors / Frames;

    /// <summary>Bit-error rate of the information bits.</summary>
    public double BitErrorRate => InformationBits == 0 ? 0 : (double)BitErrors / InformationBits;

    /// <summary>The 95 % Wilson score interval of the frame-error rate.</summary>
    public (double Low, double High) FrameErrorRateInterval
    {
        get
        {
            if (Frames == 0)
            {
                return (0, 1);
            }

            const double z = 1.959963984540054; // Φ^−1(0.975)
            double n = Frames, p = FrameErrorRate, z2 = z * z;
            double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
            double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
            double low = centre - half;
            return (low < 1e-12 ? 0 : low, Math.Min(1, centre + half));
        }
    }
}

/// <summary>Progress of a running simulation.</summary>
/// <param name="PointIndex">The point being simulated.</param>
/// <param name="EbN0Db">Its E_b/N_0.</param>
/// <param name="Frames">Frames counted so far (a contiguous prefix of work units).</param>
/// <param name="FrameErrors">Frame errors counted so far.</param>
/// <param name="Done">Whether the point is finished.</param>
public readonly record struct CodedAwgnProgress(int PointIndex, double EbN0Db, long Frames, long FrameErrors, bool Done);
