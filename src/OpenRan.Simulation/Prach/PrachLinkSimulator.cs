using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Prach;

/// <summary>
/// Simulates PRACH occasions at sample level: the UE's preamble (<see cref="PrachGenerator"/>, delayed by the occasion's
/// timing offset) → propagation channel with frequency offset and AWGN (<see cref="LinkChannel"/>, an independent fading
/// realisation per occasion) → <see cref="PrachDetector"/> on every receive antenna. Counts per work unit (occasions play
/// the part of slots in <see cref="LinkCounters"/>): <see cref="LinkCounters.TransmissionErrors"/> are missed detections —
/// the sent preamble not reported, or reported with a timing error above the tolerance — or, with noise only, occasions
/// with any preamble reported (false alarms); <see cref="LinkCounters.BitErrors"/> counts the detections of the right
/// preamble whose timing error exceeded the tolerance, out of <see cref="LinkCounters.Bits"/> occasions. One instance per
/// worker; allocation-free per occasion.
/// </summary>
public sealed class PrachLinkSimulator : IWorkUnitSimulator
{
    private readonly PrachSimulationSetup _setup;
    private readonly PrachGenerator _generator;
    private readonly PrachDetector _detector;
    private readonly LinkChannel _channel;
    private readonly ComplexF32[] _transmitted;
    private readonly ComplexF32[] _received;
    private readonly PrachDetection[] _detections = new PrachDetection[PrachPreambleSet.PreambleCount];
    private readonly int _bufferLength;

    /// <summary>Builds the simulator (plans and buffers) for <paramref name="setup"/>.</summary>
    public PrachLinkSimulator(PrachSimulationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        _generator = new PrachGenerator(setup.Timing);
        _detector = new PrachDetector(setup.Timing, new PrachDetectorConfiguration
        {
            ReceiveAntennaCount = setup.RxAntennas,
            FalseAlarmProbability = setup.Options.FalseAlarmProbability,
            Threshold = setup.Options.Threshold,
            CoherentRepetitions = setup.Options.CoherentRepetitions,
        });
        _channel = new LinkChannel(setup.Propagation, setup.Timing.SampleRateHz, 1, setup.RxAntennas, LinkDirection.Uplink);
        int maxDelay = (int)Math.Ceiling(setup.TimingOffsetsSeconds[^1] * setup.Timing.SampleRateHz) + 1;
        _bufferLength = setup.Timing.OccasionSamples(setup.Occasion) + maxDelay + _channel.Fading.LatencySamples;
        _transmitted = new ComplexF32[_bufferLength];
        _received = new ComplexF32[_bufferLength * setup.RxAntennas];
    }

    /// <summary>The detector (for its threshold).</summary>
    public PrachDetector Detector => _detector;

    /// <inheritdoc />
    public LinkCounters Run(in WorkUnit unit)
    {
        ulong channelSeed = unit.StreamSeed(RandomStreamKind.Channel);
        ulong noiseSeed = unit.StreamSeed(RandomStreamKind.Noise);
        _channel.NoiseVariance = _setup.NoiseVariance(unit.SnrDb);
        bool noiseOnly = _setup.Options.NoiseOnly;
        int latency = _channel.Fading.LatencySamples;
        PrachOccasion occasion = _setup.Occasion;
        long errors = 0;
        long timingErrors = 0;
        for (int o = 0; o < unit.SlotCount; o++)
        {
            long index = ((long)unit.BatchIndex * _setup.Options.OccasionsPerBatch) + o;
            double offset = _setup.TimingOffsetsSeconds[(int)(index % _setup.TimingOffsetsSeconds.Count)];
            _channel.Reset(SeedSequence.Derive(channelSeed, (ulong)o), SeedSequence.Derive(noiseSeed, (ulong)o));
            Array.Clear(_transmitted);
            if (!noiseOnly)
            {
                _generator.Generate(occasion, 0, _setup.PreambleIndex, _transmitted, PrachWriteMode.Overwrite, 1f, offset * _setup.Timing.SampleRateHz);
            }

            _channel.Process(_transmitted, _received, _bufferLength);
            int count = _detector.Detect(_received.AsSpan(latency), _bufferLength, occasion, 0, _detections);
            if (noiseOnly)
            {
                errors += count > 0 ? 1 : 0;
                continue;
            }

            Outcome outcome = Judge(count, offset + _setup.StrongestPathDelaySeconds);
            errors += outcome == Outcome.Detected ? 0 : 1;
            timingErrors += outcome == Outcome.TimingError ? 1 : 0;
        }

        return new LinkCounters
        {
            Slots = unit.SlotCount,
            Transmissions = unit.SlotCount,
            TransmissionErrors = errors,
            TransportBlocks = unit.SlotCount,
            ResidualErrors = errors,
            BitErrors = timingErrors,
            Bits = unit.SlotCount,
        };
    }

    private Outcome Judge(int count, double referenceDelaySeconds)
    {
        for (int i = 0; i < count; i++)
        {
            if (_detections[i].PreambleIndex == _setup.PreambleIndex)
            {
                return Math.Abs(_detections[i].TimingAdvanceSeconds - referenceDelaySeconds) <= _setup.TimeErrorToleranceSeconds
                    ? Outcome.Detected
                    : Outcome.TimingError;
            }
        }

        return Outcome.Missed;
    }

    private enum Outcome
    {
        Detected,
        Missed,
        TimingError,
    }
}
