using System;
using System.Collections.Generic;
using System.Numerics.Tensors;
using OpenRan.Dsp;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A tapped-delay-line MIMO fading channel (TR 38.901 §7.7.2 TDL models, TS 38.104 Annex G / TS 38.101-4 Annex B
/// propagation conditions) applied to time-domain samples: every tap has its exact (fractional) delay, every Tx–Rx link of
/// a Rayleigh tap fades with the classical Doppler spectrum, the links of a tap are coloured by the Kronecker correlation
/// R_spat = R_Tx ⊗ R_Rx, and the line-of-sight tap of TDL-D/E rotates at 0.7 f_D.
/// </summary>
/// <remarks>
/// <para>
/// Signal model: y_r[n] = Σ_t Σ_p g_{r,t,p}(n) · z_{t,p}[n], where z_{t,p} is transmit antenna t delayed by tap p's delay
/// τ_p (plus the timing offset) through a Kaiser-windowed-sinc fractional-delay FIR (<see cref="FractionalDelayFilter"/>,
/// 16 taps; integer delays are exact single taps), and g_{r,t,p} = √P_p · (C·w_p)_{t·N_Rx + r} with w_p the tap's N_Tx·N_Rx
/// independent unit-power sum-of-sinusoids processes (<see cref="SumOfSinusoidsFading"/>), C the square root of R_spat and
/// P_p the tap power normalised so that Σ_p P_p = 1. Because the delay filters do not depend on the fading, each tap is
/// filtered once per transmit antenna and the receive antennas only combine; the cost is N_Tx·P·16 real multiply-adds per
/// complex sample plus N_Rx·N_Tx·P complex multiply-adds.
/// </para>
/// <para>
/// Time variation: the gains are held constant over blocks of <see cref="GainUpdateIntervalSamples"/> samples aligned to
/// absolute time (block k covers samples [kB, (k + 1)B)) and evaluated at the block centre. The default interval keeps the
/// phase change of the fastest Doppler component within a block at most 0.02 rad (e.g. 128 samples, 4.2 µs, for 400 Hz at
/// 30.72 Msps), so the staircase error is below −50 dB relative to the faded signal. Results depend only on the absolute
/// sample time, not on how the samples are split across <see cref="Process"/> calls (up to the last bits of the phasor
/// recursion, which is re-anchored exactly at the start of every call).
/// </para>
/// <para>
/// Taps with fractional delays need look-ahead: the channel adds a fixed latency (<see cref="LatencySamples"/>) so that all
/// filters are causal; a tap at delay τ appears at τ + latency. Allocation-free after construction; not thread-safe.
/// </para>
/// </remarks>
public sealed class MultipathFadingChannel : IPropagationChannel
{
    private const int ChunkLength = 2048;

    private readonly int _txCount;
    private readonly int _rxCount;
    private readonly int _linkCount;
    private readonly int _pathCount;
    private readonly int _blockLength;
    private readonly int _maxBlocksPerChunk;
    private readonly FractionalDelayFilter[] _filters;
    private readonly int[] _offsets;
    private readonly TapKind[] _kinds;
    private readonly double[] _amplitudes;
    private readonly int[] _processBase;
    private readonly double[] _losOmega;
    private readonly double[] _losPhase;
    private readonly double[] _delaysSeconds;
    private readonly double[]? _correlationFactor;
    private readonly SumOfSinusoidsFading? _fading;
    private readonly double[] _processValues;
    private readonly ComplexF32[][] _history;
    private readonly int _historyLength;
    private readonly ComplexF32[] _filtered;
    private readonly ComplexF32[] _blockGains;
    private readonly ComplexF32[] _pointGains;
    private readonly ComplexF32[] _staticMatrix;
    private readonly RandomStream _random = new(0);
    private readonly double _sampleRateHz;
    private readonly double _maxDopplerCyclesPerSample;
    private long _time;
    private long _phasorBlock;
    private bool _anchored;

    /// <summary>Builds the channel; the realisation is drawn by <see cref="Reset"/> (seed 0 until then).</summary>
    public MultipathFadingChannel(MultipathChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _txCount = options.TxAntennaCount;
        _rxCount = options.RxAntennaCount;
        _linkCount = _txCount * _rxCount;
        _sampleRateHz = options.SampleRateHz;
        _maxDopplerCyclesPerSample = options.MaximumDopplerHz / options.SampleRateHz;
        _blockLength = options.EffectiveGainUpdateInterval();
        _maxBlocksPerChunk = (ChunkLength / _blockLength) + 2;

        IReadOnlyList<ChannelTap> taps = options.Profile.Taps;
        _pathCount = taps.Count;
        double[] powers = options.Profile.NormalizedLinearPowers();
        _filters = new FractionalDelayFilter[_pathCount];
        _offsets = new int[_pathCount];
        _kinds = new TapKind[_pathCount];
        _amplitudes = new double[_pathCount];
        _processBase = new int[_pathCount];
        _losOmega = new double[_pathCount];
        _losPhase = new double[_pathCount];
        _delaysSeconds = new double[_pathCount];
        int processCount = 0;
        int latency = 0;
        for (int p = 0; p < _pathCount; p++)
        {
            _delaysSeconds[p] = taps[p].DelaySeconds + options.TimingOffsetSeconds;
            _filters[p] = FractionalDelayFilter.Design(_delaysSeconds[p] * options.SampleRateHz);
            latency = Math.Max(latency, -_filters[p].Offset);
            _kinds[p] = taps[p].Kind;
            _amplitudes[p] = Math.Sqrt(powers[p]);
            _processBase[p] = -1;
            if (_kinds[p] == TapKind.Rayleigh)
            {
                _processBase[p] = processCount;
                processCount += _linkCount;
            }
            else if (_kinds[p] == TapKind.LineOfSight)
            {
                _losOmega[p] = 2 * Math.PI * options.LineOfSightDopplerFraction * _maxDopplerCyclesPerSample;
            }
        }

        LatencySamples = latency;
        int history = 0;
        for (int p = 0; p < _pathCount; p++)
        {
            _offsets[p] = _filters[p].Offset + latency;
            history = Math.Max(history, _offsets[p] + _filters[p].Taps.Length - 1);
        }

        _historyLength = history;
        _history = new ComplexF32[_txCount][];
        for (int t = 0; t < _txCount; t++)
        {
            _history[t] = new ComplexF32[history + ChunkLength];
        }

        _filtered = new ComplexF32[_txCount * _pathCount * ChunkLength];
        _blockGains = new ComplexF32[_maxBlocksPerChunk * _linkCount * _pathCount];
        _pointGains = new ComplexF32[_linkCount * _pathCount];
        _staticMatrix = StaticMatrix(_txCount, _rxCount);
        _processValues = new double[2 * processCount];
        _fading = processCount > 0 ? new SumOfSinusoidsFading(processCount, options.SinusoidCount) : null;
        if (options.Correlation is { IsIdentity: false } correlation)
        {
            _correlationFactor = correlation.FactorRowMajor.ToArray();
        }

        Reset(0);
    }

    /// <summary>The configuration this channel was built from.</summary>
    public MultipathChannelOptions Options { get; }

    /// <inheritdoc />
    public int TxAntennaCount => _txCount;

    /// <inheritdoc />
    public int RxAntennaCount => _rxCount;

    /// <inheritdoc />
    public int LatencySamples { get; }

    /// <inheritdoc />
    public long SampleTime => _time;

    /// <summary>Number of taps (paths) P.</summary>
    public int PathCount => _pathCount;

    /// <summary>The samples per gain update B actually used.</summary>
    public int GainUpdateIntervalSamples => _blockLength;

    /// <summary>The delay of every path in seconds including the timing offset (before the processing latency).</summary>
    public IReadOnlyList<double> PathDelaysSeconds => _delaysSeconds;

    /// <inheritdoc />
    public void Reset(ulong seed)
    {
        _random.Reset(seed);
        _fading?.Reset(_random, _maxDopplerCyclesPerSample);
        for (int p = 0; p < _pathCount; p++)
        {
            _losPhase[p] = _kinds[p] == TapKind.LineOfSight ? (2 * _random.NextDouble() - 1) * Math.PI : 0;
        }

        foreach (ComplexF32[] h in _history)
        {
            Array.Clear(h);
        }

        _time = 0;
        _anchored = false;
    }

    /// <inheritdoc />
    public void Process(ReadOnlySpan<ComplexF32> transmitted, Span<ComplexF32> received, int sampleCount)
    {
        if (sampleCount < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleCount), sampleCount, "≥ 0");
        }

        ThrowHelper.ThrowIfLengthDiffers(transmitted.Length, _txCount * sampleCount, nameof(transmitted));
        ThrowHelper.ThrowIfLengthDiffers(received.Length, _rxCount * sampleCount, nameof(received));
        _anchored = false;
        for (int done = 0; done < sampleCount; done += ChunkLength)
        {
            int length = Math.Min(ChunkLength, sampleCount - done);
            FilterChunk(transmitted, sampleCount, done, length);
            CombineChunk(received, sampleCount, done, length);
            for (int t = 0; t < _txCount; t++)
            {
                _history[t].AsSpan(length, _historyLength).CopyTo(_history[t]);
            }

            _time += length;
        }
    }

    /// <summary>
    /// The gains g_{r,t,p} that the channel applies at output sample <paramref name="sampleIndex"/> (absolute, since the
    /// last reset), written to destination[(p·N_Rx + r)·N_Tx + t]; length P·N_Rx·N_Tx. For perfect channel knowledge.
    /// </summary>
    public void GetPathGains(long sampleIndex, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, _pathCount * _linkCount, nameof(destination));
        if (sampleIndex < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(sampleIndex), sampleIndex, "≥ 0");
        }

        long block = sampleIndex / _blockLength;
        if (_fading is not null)
        {
            _fading.Evaluate(BlockCentre(block), _processValues);
        }

        GainsForBlock(block, _processValues, _pointGains);
        for (int p = 0; p < _pathCount; p++)
        {
            for (int t = 0; t < _txCount; t++)
            {
                for (int r = 0; r < _rxCount; r++)
                {
                    destination[(((p * _rxCount) + r) * _txCount) + t] = _pointGains[((((t * _rxCount) + r) * _pathCount)) + p];
                }
            }
        }
    }

    /// <summary>
    /// Precomputes the frequency responses of the tap filters at <paramref name="frequenciesHz"/> (baseband frequencies,
    /// e.g. subcarrier centres), referred to a receiver that starts reading <paramref name="timingReferenceSamples"/>
    /// samples late (normally <see cref="LatencySamples"/>). Used with <see cref="FrequencyResponse"/> for perfect
    /// channel knowledge.
    /// </summary>
    public ChannelFrequencyResponsePlan CreateFrequencyResponsePlan(ReadOnlySpan<double> frequenciesHz, int timingReferenceSamples)
    {
        var table = new ComplexF32[_pathCount * frequenciesHz.Length];
        for (int p = 0; p < _pathCount; p++)
        {
            for (int k = 0; k < frequenciesHz.Length; k++)
            {
                double f = frequenciesHz[k] / _sampleRateHz;
                System.Numerics.Complex response = _filters[p].Response(f, LatencySamples - timingReferenceSamples);
                table[(p * frequenciesHz.Length) + k] = ComplexF32.FromComplex(response);
            }
        }

        return new ChannelFrequencyResponsePlan(table, frequenciesHz.Length, _pathCount, _rxCount * _txCount);
    }

    /// <summary>
    /// The channel frequency response H_{r,t}(f_k) = Σ_p g_{r,t,p}(n) · F_p(f_k) at output sample
    /// <paramref name="sampleIndex"/>, written to destination[(r·N_Tx + t)·K + k] (K frequencies of the plan).
    /// Allocation-free.
    /// </summary>
    public void FrequencyResponse(ChannelFrequencyResponsePlan plan, long sampleIndex, Span<ComplexF32> destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        int k = plan.FrequencyCount;
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, _linkCount * k, nameof(destination));
        if (plan.PathCount != _pathCount || plan.LinkCount != _linkCount)
        {
            ThrowHelper.ThrowArgument(nameof(plan), "the plan was created by a different channel.");
        }

        long block = sampleIndex / _blockLength;
        if (_fading is not null)
        {
            _fading.Evaluate(BlockCentre(block), _processValues);
        }

        GainsForBlock(block, _processValues, _pointGains);
        destination.Clear();
        for (int r = 0; r < _rxCount; r++)
        {
            for (int t = 0; t < _txCount; t++)
            {
                Span<ComplexF32> h = destination.Slice(((r * _txCount) + t) * k, k);
                int m = (t * _rxCount) + r;
                for (int p = 0; p < _pathCount; p++)
                {
                    ComplexKernels.MultiplyAdd(plan.Table.AsSpan(p * k, k), _pointGains[(m * _pathCount) + p], h);
                }
            }
        }
    }

    /// <summary>
    /// The link gains of a static tap, H[r, t] = e^(j2π·r·t / N_Rx) (link m = t·N_Rx + r): unit power on every link like the
    /// fading taps, all ones for one transmit antenna, and orthogonal columns when N_Rx ≥ N_Tx so that a static MIMO
    /// channel (AWGN with several layers) has full rank.
    /// </summary>
    private static ComplexF32[] StaticMatrix(int txCount, int rxCount)
    {
        var h = new ComplexF32[txCount * rxCount];
        for (int t = 0; t < txCount; t++)
        {
            for (int r = 0; r < rxCount; r++)
            {
                h[(t * rxCount) + r] = ComplexF32.FromPolar(1, 2 * Math.PI * r * t / rxCount);
            }
        }

        return h;
    }

    private double BlockCentre(long block) => (block * (double)_blockLength) + ((_blockLength - 1) / 2.0);

    private void FilterChunk(ReadOnlySpan<ComplexF32> transmitted, int sampleCount, int done, int length)
    {
        for (int t = 0; t < _txCount; t++)
        {
            ComplexF32[] history = _history[t];
            transmitted.Slice((t * sampleCount) + done, length).CopyTo(history.AsSpan(_historyLength, length));
            for (int p = 0; p < _pathCount; p++)
            {
                Span<float> z = ComplexF32.AsFloats(_filtered.AsSpan(((t * _pathCount) + p) * ChunkLength, length));
                float[] taps = _filters[p].Taps;
                int start = _historyLength - _offsets[p];
                ReadOnlySpan<float> x0 = ComplexF32.AsFloats((ReadOnlySpan<ComplexF32>)history.AsSpan(start, length));
                TensorPrimitives.Multiply(x0, taps[0], z);
                for (int i = 1; i < taps.Length; i++)
                {
                    ReadOnlySpan<float> xi = ComplexF32.AsFloats((ReadOnlySpan<ComplexF32>)history.AsSpan(start - i, length));
                    TensorPrimitives.MultiplyAdd(xi, taps[i], z, z);
                }
            }
        }
    }

    private void CombineChunk(Span<ComplexF32> received, int sampleCount, int done, int length)
    {
        long firstBlock = _time / _blockLength;
        long lastBlock = (_time + length - 1) / _blockLength;
        int blockCount = (int)(lastBlock - firstBlock + 1);
        int rowLength = _linkCount * _pathCount;
        for (int j = 0; j < blockCount; j++)
        {
            long block = firstBlock + j;
            if (_fading is not null)
            {
                if (!_anchored || block < _phasorBlock)
                {
                    _fading.Seek(BlockCentre(block), _blockLength);
                    _phasorBlock = block;
                    _anchored = true;
                }

                while (_phasorBlock < block)
                {
                    _fading.Advance();
                    _phasorBlock++;
                }

                _fading.Current(_processValues);
            }

            GainsForBlock(block, _processValues, _blockGains.AsSpan(j * rowLength, rowLength));
        }

        for (int r = 0; r < _rxCount; r++)
        {
            Span<ComplexF32> accumulator = received.Slice((r * sampleCount) + done, length);
            accumulator.Clear();
            for (int t = 0; t < _txCount; t++)
            {
                int m = (t * _rxCount) + r;
                for (int p = 0; p < _pathCount; p++)
                {
                    ReadOnlySpan<ComplexF32> z = _filtered.AsSpan(((t * _pathCount) + p) * ChunkLength, length);
                    for (int j = 0; j < blockCount; j++)
                    {
                        long blockStart = (firstBlock + j) * _blockLength;
                        int from = (int)(Math.Max(_time, blockStart) - _time);
                        int to = (int)(Math.Min(_time + length, blockStart + _blockLength) - _time);
                        ComplexF32 gain = _blockGains[(j * rowLength) + (m * _pathCount) + p];
                        ComplexKernels.MultiplyAdd(z.Slice(from, to - from), gain, accumulator.Slice(from, to - from));
                    }
                }
            }
        }
    }

    /// <summary>Fills row[m·P + p] with the gain of link m and path p for a block, from the process values w (re, im pairs).</summary>
    private void GainsForBlock(long block, ReadOnlySpan<double> w, Span<ComplexF32> row)
    {
        double centre = BlockCentre(block);
        for (int p = 0; p < _pathCount; p++)
        {
            double amplitude = _amplitudes[p];
            switch (_kinds[p])
            {
                case TapKind.Static:
                    for (int m = 0; m < _linkCount; m++)
                    {
                        row[(m * _pathCount) + p] = _staticMatrix[m] * (float)amplitude;
                    }

                    break;
                case TapKind.LineOfSight:
                    (double s, double c) = Math.SinCos((_losOmega[p] * centre) + _losPhase[p]);
                    for (int m = 0; m < _linkCount; m++)
                    {
                        row[(m * _pathCount) + p] = new ComplexF32((float)(amplitude * c), (float)(amplitude * s));
                    }

                    break;
                default:
                    int baseIndex = _processBase[p];
                    for (int m = 0; m < _linkCount; m++)
                    {
                        double re;
                        double im;
                        if (_correlationFactor is null)
                        {
                            re = w[2 * (baseIndex + m)];
                            im = w[(2 * (baseIndex + m)) + 1];
                        }
                        else
                        {
                            re = 0;
                            im = 0;
                            for (int j = 0; j < _linkCount; j++)
                            {
                                double cf = _correlationFactor[(m * _linkCount) + j];
                                re += cf * w[2 * (baseIndex + j)];
                                im += cf * w[(2 * (baseIndex + j)) + 1];
                            }
                        }

                        row[(m * _pathCount) + p] = new ComplexF32((float)(amplitude * re), (float)(amplitude * im));
                    }

                    break;
            }
        }
    }
}
