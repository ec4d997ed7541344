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
