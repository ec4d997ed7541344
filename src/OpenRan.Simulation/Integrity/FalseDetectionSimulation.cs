using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Statistics;

namespace OpenRan.Simulation.Integrity;

/// <summary>
/// Measures how often a receiver or decoder reports a decode on noise alone (issue 13): N seeded trials of
/// <see cref="FalseDetectionOptions.Channel"/>, counted with a Clopper-Pearson 95 % interval and compared with the rate the
/// design allows (the DTX test's false-alarm probability times the CRC's pass rate). Trials run in units of
/// <see cref="UnitTrials"/>, each seeded from (seed, unit), so the counts do not depend on the number of threads.
/// </summary>
public static class FalseDetectionSimulation
{
    /// <summary>Trials per work unit (each with its own seed).</summary>
    public const int UnitTrials = 1000;

    /// <summary>Runs the measurement.</summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem named).</exception>
    public static FalseDetectionResult Run(FalseDetectionOptions options, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        int payload = options.PayloadBits != 0 ? options.PayloadBits : FalseDetectionChannels.DefaultPayloadBits(options.Channel);

        // Built once up front so that a configuration problem is reported before the workers start.
        FalseDetectionTrial probe = FalseDetectionTrial.Create(options.Channel, payload);
        long units = (options.Trials + UnitTrials - 1) / UnitTrials;
        long falseDetections = 0, signalDetections = 0, done = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(
            0L,
            units,
            new ParallelOptions { MaxDegreeOfParallelism = options.Threads },
            () => (Trial: FalseDetectionTrial.Create(options.Channel, payload), Noise: new ComplexGaussianSource(0), Random: new RandomStream(0)),
            (unit, _, worker) =>
            {
                ulong seed = SeedSequence.Derive(options.Seed, (ulong)unit);
                worker.Noise.Reset(seed);
                worker.Random.Reset(SeedSequence.Derive(seed, 1));
                long count = Math.Min(UnitTrials, options.Trials - (unit * UnitTrials));
                long found = 0, detected = 0;
                for (long i = 0; i < count; i++)
                {
                    (bool falseDetection, bool signal) = worker.Trial.Run(worker.Noise, worker.Random);
                    found += falseDetection ? 1 : 0;
                    detected += signal ? 1 : 0;
                }

                Interlocked.Add(ref falseDetections, found);
                Interlocked.Add(ref signalDetections, detected);
                progress?.Report(Interlocked.Add(ref done, count));
                return worker;
            },
            _ => { });
        (double lower, double upper) = ClopperPearson.Interval(falseDetections, options.Trials);
        return new FalseDetectionResult(
            FalseDetectionChannels.Name(options.Channel), probe.Description, options.Trials, falseDetections, probe.HasDtxTest ? signalDetections : -1,
            lower, upper, probe.DesignBound, options.Seed, watch.Elapsed.TotalSeconds);
    }
}
