using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Coding;

/// <summary>
/// Coded AWGN Monte-Carlo frame-error-rate simulation for any <see cref="IFrameCodec"/>: random information bits →
/// encode → BPSK/QPSK → AWGN → exact float LLRs → decode → count errors, per E_b/N_0 point, on every core.
/// </summary>
/// <remarks>
/// <para>Noise: E_s = 1, E_s/N_0 = E_b/N_0 · R · bits per symbol with R = K/E, σ² = N_0/2 = 1/(2 E_s/N_0) per real
/// dimension. Each bit b rides one real dimension with amplitude a (1 for BPSK, 1/√2 for QPSK): y = a(1 − 2b) + σn and
/// the LLR is exactly 2a·y/σ² (ln P(0)/P(1), the project convention).</para>
/// <para>Reproducibility: a point is split into numbered work units of <see cref="CodedAwgnSimulationOptions.FramesPerWorkUnit"/>
/// frames, each with its own generator seeded from (seed, point, unit). The result of a point is the shortest prefix of
/// units 0, 1, 2, … that reaches the frame-error or frame limit, whatever the number of threads and whichever finished
/// first, so results are identical for any thread count.</para>
/// </remarks>
public sealed class CodedAwgnSimulation
{
    private readonly Func<IFrameCodec> _codecFactory;

    /// <summary>Builds the simulation.</summary>
    /// <param name="codecFactory">Creates one codec per worker thread (codecs need not be thread-safe).</param>
    /// <param name="options">The simulation settings.</param>
    public CodedAwgnSimulation(Func<IFrameCodec> codecFactory, CodedAwgnSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(codecFactory);
        ArgumentNullException.ThrowIfNull(options);
        _codecFactory = codecFactory;
        Options = options;
    }

    /// <summary>The settings.</summary>
    public CodedAwgnSimulationOptions Options { get; }

    /// <summary>Runs every point in order.</summary>
    /// <exception cref="AggregateException">A codec threw on a worker thread; the exception is inside.</exception>
    /// <param name="progress">Receives progress from the coordinating thread (may be null).</param>
    /// <param name="cancellationToken">Stops the run; finished points are returned.</param>
    public IReadOnlyList<CodedAwgnPointResult> Run(Action<CodedAwgnProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        int threads = Options.EffectiveThreadCount;
        var workers = new Worker[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Worker(_codecFactory());
        }

        var results = new List<CodedAwgnPointResult>();
        for (int p = 0; p < Options.EbN0Db.Count && !cancellationToken.IsCancellationRequested; p++)
        {
            results.Add(RunPoint(p, workers, progress, cancellationToken));
        }

        return results;
    }

    /// <summary>The seed of work unit <paramref name="unit"/> of point <paramref name="point"/>.</summary>
    public static ulong WorkUnitSeed(ulong seed, int point, long unit)
    {
        ulong state = seed;
        ulong a = SeedSequence.SplitMix64(ref state);
        state = a ^ ((ulong)point * 0xD1B54A32D192ED03UL);
        ulong b = SeedSequence.SplitMix64(ref state);
        state = b ^ ((ulong)unit * 0xABC98388FB8FAC03UL);
        return SeedSequence.SplitMix64(ref state);
    }

    private CodedAwgnPointResult RunPoint(int point, Worker[] workers, Action<CodedAwgnProgress>? progress, CancellationToken cancellationToken)
    {
        double ebN0Db = Options.EbN0Db[point];
        IFrameCodec first = workers[0].Codec;
        double rate = (double)first.InformationBitCount / first.CodedBitCount;
        double esN0Db = ebN0Db + (10 * Math.Log10(rate * Options.Modulation.BitsPerSymbol()));
        double variance = 1 / (2 * Math.Pow(10, esN0Db / 10));
        var state = new PointState(Options.FramesPerWorkUnit, Options.MaxFrames, Options.MaxFrameErrors);
        var watch = Stopwatch.StartNew();
        var threads = new Thread[workers.Length];
        for (int t = 0; t < workers.Length; t++)
        {
            Worker worker = workers[t];
            threads[t] = new Thread(() =>
            {
                try
                {
                    worker.Run(state, Options, point, variance, cancellationToken);
                }
                catch (Exception e)
                {
                    state.Fail(e);
                }
            })
            { IsBackground = true, Name = $"sim-code-{t}" };
            threads[t].Start();
        }

        while (!state.WaitFinished(TimeSpan.FromMilliseconds(200)))
        {
            (long frames, long errors) = state.Prefix();
            progress?.Invoke(new CodedAwgnProgress(point, ebN0Db, frames, errors, false));
            if (cancellationToken.IsCancellationRequested)
            {
                state.Stop();
            }
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        if (state.Failure is Exception failure)
        {
            // A worker threw: the point has no result. Surface it here, on the caller's thread, instead of letting it
            // escape the worker (which would end the process).
            throw new AggregateException($"a work unit of E_b/N_0 {ebN0Db.ToString(System.Globalization.CultureInfo.InvariantCulture)} dB failed: {failure.Message}", failure);
        }

        UnitCounts total = state.Total();
        progress?.Invoke(new CodedAwgnProgress(point, ebN0Db, total.Frames, total.FrameErrors, true));
        return new CodedAwgnPointResult(
            ebN0Db, esN0Db, variance, total.Frames, total.FrameErrors, total.BitErrors, total.Frames * first.InformationBitCount,
            total.DecoderFailures, total.UndetectedErrors, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Counts of one work unit.</summary>
    private readonly record struct UnitCounts(long Frames, long FrameErrors, long BitErrors, long DecoderFailures, long UndetectedErrors)
    {
        public static UnitCounts operator +(UnitCounts a, UnitCounts b) =>
            new(a.Frames + b.Frames, a.FrameErrors + b.FrameErrors, a.BitErrors + b.BitErrors, a.DecoderFailures + b.DecoderFailures, a.UndetectedErrors + b.UndetectedErrors);
    }

    /// <summary>
    /// The shared state of one point: hands out unit indices, collects unit counts, and finds the shortest prefix of
    /// units that meets the stopping rule.
    /// </summary>
    private sealed class PointState
    {
        private readonly object _gate = new();
        private readonly List<UnitCounts?> _units = [];
        private readonly int _framesPerUnit;
        private readonly long _maxFrames;
        private readonly int _maxErrors;
        private readonly ManualResetEventSlim _finished = new();
        private long _nextUnit = -1;
        private long _stopUnit = long.MaxValue; // units beyond this are not needed
        private int _prefixLength;
        private UnitCounts _prefix;

        public PointState(int framesPerUnit, long maxFrames, int maxErrors)
        {
            _framesPerUnit = framesPerUnit;
            _maxFrames = maxFrames;
            _maxErrors = maxErrors;
        }

        /// <summary>The next unit to simulate and its frame count, or −1 when no more units are needed.</summary>
        public (long Unit, int Frames) Take()
        {
            long unit = Interlocked.Increment(ref _nextUnit);
            long start = unit * _framesPerUnit;
            if (unit > Volatile.Read(ref _stopUnit) || start >= _maxFrames)
            {
                return (-1, 0);
            }

            return (unit, (int)Math.Min(_framesPerUnit, _maxFrames - start));
        }

        public void Complete(long unit, UnitCounts counts)
        {
            lock (_gate)
            {
                while (_units.Count <= unit)
                {
                    _units.Add(null);
                }

                _units[(int)unit] = counts;

                // Extend the contiguous prefix; stop at the first unit where the limits are reached.
                while (_stopUnit == long.MaxValue && _prefixLength < _units.Count && _units[_prefixLength] is UnitCounts next)
                {
                    _prefix += next;
                    _prefixLength++;
                    if (_prefix.FrameErrors >= _maxErrors || _prefix.Frames >= _maxFrames)
                    {
                        Volatile.Write(ref _stopUnit, _prefixLength - 1);
                        _finished.Set();
                    }
                }
            }
        }

        /// <summary>The first exception a worker threw, or null.</summary>
        public Exception? Failure { get; private set; }

        /// <summary>Records a worker's exception and stops the point.</summary>
        public void Fail(Exception e)
        {
            lock (_gate)
            {
                Failure ??= e;
                Volatile.Write(ref _stopUnit, -1);
                _finished.Set();
            }
        }

        public void Stop()
        {
            lock (_gate)
            {
                if (_stopUnit == long.MaxValue)
                {
                    Volatile.Write(ref _stopUnit, Math.Max(0, _prefixLength - 1));
                }

                _finished.Set();
            }
        }

        public bool WaitFinished(TimeSpan timeout) => _finished.Wait(timeout);

        public (long Frames, long Errors) Prefix()
        {
            lock (_gate)
            {
                return (_prefix.Frames, _prefix.FrameErrors);
            }
        }

        /// <summary>The counts of units 0 … stop unit (the result of the point).</summary>
        public UnitCounts Total()
        {
            lock (_gate)
            {
                var total = default(UnitCounts);
                for (int u = 0; u <= _stopUnit && u < _units.Count && _units[u] is UnitCounts counts; u++)
                {
                    total += counts;
                }

                return total;
            }
        }
    }

    /// <summary>One worker thread: its codec and buffers, allocated once.</summary>
    private sealed class Worker
    {
        private readonly byte[] _information;
        private readonly byte[] _coded;
        private readonly float[] _llrs;
        private readonly float[] _noise;
        private readonly byte[] _decoded;
        private readonly GaussianNoiseSource _source;

        public Worker(IFrameCodec codec)
        {
            ArgumentNullException.ThrowIfNull(codec);
            if (codec.InformationBitCount < 1 || codec.CodedBitCount < 1)
            {
                ThrowHelper.ThrowArgument(nameof(codec), $"codec '{codec.Name}' reports K = {codec.InformationBitCount}, E = {codec.CodedBitCount}; both must be positive.");
            }

            Codec = codec;
            _information = new byte[codec.InformationBitCount];
            _decoded = new byte[codec.InformationBitCount];
            _coded = new byte[codec.CodedBitCount];
            _llrs = new float[codec.CodedBitCount];
            _noise = new float[codec.CodedBitCount];
            _source = new GaussianNoiseSource(codec.CodedBitCount);
        }

        public IFrameCodec Codec { get; }

        public void Run(PointState state, CodedAwgnSimulationOptions options, int point, double variance, CancellationToken cancellationToken)
        {
            float sigma = (float)Math.Sqrt(variance);
            float amplitude = (float)options.Modulation.Amplitude();
            float llrFactor = (float)(2 * options.Modulation.Amplitude() / variance);
            while (!cancellationToken.IsCancellationRequested)
            {
                (long unit, int frames) = state.Take();
                if (unit < 0)
                {
                    break;
                }

                _source.Reseed(WorkUnitSeed(options.Seed, point, unit));
                var counts = default(UnitCounts);
                for (int f = 0; f < frames; f++)
                {
                    counts += SimulateFrame(sigma, amplitude, llrFactor);
                }

                state.Complete(unit, counts);
            }
        }

        private UnitCounts SimulateFrame(float sigma, float amplitude, float llrFactor)
        {
            _source.FillBits(_information);
            Codec.Encode(_information, _coded);

            // y = a(1 − 2b) + σn, LLR = (2a/σ²)·y.
            _source.FillStandardNormal(_noise);
            for (int i = 0; i < _coded.Length; i++)
            {
                _llrs[i] = _coded[i] == 0 ? amplitude : -amplitude;
            }

            TensorPrimitives.MultiplyAdd(_noise, sigma, _llrs, _llrs);
            TensorPrimitives.Multiply(_llrs, llrFactor, _llrs);
            bool verdict = Codec.Decode(_llrs, _decoded);
            int bitErrors = 0;
            for (int i = 0; i < _decoded.Length; i++)
            {
                bitErrors += _decoded[i] ^ _information[i];
            }

            bool error = bitErrors > 0;
            return new UnitCounts(1, error ? 1 : 0, bitErrors, verdict ? 0 : 1, error && verdict ? 1 : 0);
        }
    }
}
