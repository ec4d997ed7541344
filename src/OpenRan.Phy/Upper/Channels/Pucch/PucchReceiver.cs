using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Common;
using OpenRan.Phy.Upper.Scrambling;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The PUCCH receiver of a gNB for formats 0–4 and any number of receive antennas (one grid port each): the occasion's REs
/// are gathered (non-finite values erased), then format 0 and 1 go to their detectors (sequence correlation, coherent
/// detection), formats 2–4 to DM-RS channel estimation, equalization and demapping, a DTX test on the DM-RS energy, then
/// descrambling (TS 38.211 §6.3.2.5.1) and UCI decoding (TS 38.212 §6.3.1). Every part is handed to the constructor (or
/// built by default), so a researcher can replace one. A receiver never reports UCI it did not decode: below the DTX
/// threshold the result is <see cref="PucchDetectionStatus.Dtx"/>, a failed CRC gives <see cref="PucchDetectionStatus.Invalid"/>.
/// The configuration is validated once per configuration and UCI size; receiving allocates nothing in steady state. Not thread-safe.
/// </summary>
public sealed class PucchReceiver
{
    private readonly PucchReceiverOptions _options;
    private readonly PucchFormat0Detector _format0;
    private readonly PucchFormat1Detector _format1;
    private readonly PucchFormat2Demodulator _format2;
    private readonly PucchFormat34Demodulator _format34;
    private readonly PucchUciDecoder _uciDecoder;
    private readonly PucchCodewordDetector _codewordDetector;
    private readonly PucchResourceElementExtractor _extractor = new();
    private readonly PucchSlotSequences _sequences = new();
    private readonly PseudoRandomSequence _scrambling = new();
    private readonly PucchThresholdCache _thresholds = new();
    private readonly float[] _llrs = new float[PucchUciEncoder.MaxRateMatchedLength];
    private const int CachedConfigurations = 32;
    private const int CachedSizes = 16;
    private readonly PucchConfiguration?[] _configurations = new PucchConfiguration?[CachedConfigurations];
    private readonly PucchLayout?[] _layouts = new PucchLayout?[CachedConfigurations];
    private readonly PucchUciSizes[][] _validatedSizes = new PucchUciSizes[CachedConfigurations][];
    private readonly int[] _validatedCounts = new int[CachedConfigurations];
    private int _cached;
    private int _nextReplaced;
    private int _current = -1;

    /// <summary>Creates the receiver from its parts (null: a default instance).</summary>
    public PucchReceiver(
        PucchReceiverOptions? options = null,
        PucchFormat0Detector? format0 = null,
        PucchFormat1Detector? format1 = null,
        PucchFormat2Demodulator? format2 = null,
        PucchFormat34Demodulator? format34 = null,
        PucchUciDecoder? uciDecoder = null,
        PucchCodewordDetector? codewordDetector = null)
    {
        _options = PucchReceiverOptions.OrDefault(options);
        _format0 = format0 ?? new PucchFormat0Detector();
        _format1 = format1 ?? new PucchFormat1Detector();
        _format2 = format2 ?? new PucchFormat2Demodulator();
        _format34 = format34 ?? new PucchFormat34Demodulator();
        _uciDecoder = uciDecoder ?? new PucchUciDecoder(_options.PolarListSize);
        _codewordDetector = codewordDetector ?? new PucchCodewordDetector();
    }

    /// <summary>The options.</summary>
    public PucchReceiverOptions Options => _options;

    /// <summary>
    /// The layout of <paramref name="configuration"/> (validated and derived once, then cached: up to 32 configurations, so a
    /// cell that alternates between resources — a UE's, a common one — or UCI sizes does not rebuild them).
    /// </summary>
    public PucchLayout Layout(PucchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return _layouts[Entry(configuration)]!;
    }

    private int Entry(PucchConfiguration configuration)
    {
        if (_current >= 0 && ReferenceEquals(_configurations[_current], configuration))
        {
            return _current;
        }

        for (int i = 0; i < _cached; i++)
        {
            if (ReferenceEquals(_configurations[i], configuration) || configuration.Equals(_configurations[i]))
            {
                _current = i;
                return i;
            }
        }

        int entry = _cached < CachedConfigurations ? _cached++ : _nextReplaced++ % CachedConfigurations;
        _layouts[entry] = new PucchLayout(configuration);
        _configurations[entry] = configuration;
        _validatedSizes[entry] ??= new PucchUciSizes[CachedSizes];
        _validatedCounts[entry] = 0;
        _current = entry;
        return entry;
    }

    /// <summary>Validates <paramref name="sizes"/> on the configuration of cache entry <paramref name="entry"/> once.</summary>
    private void Validate(int entry, PucchConfiguration configuration, PucchUciSizes sizes)
    {
        PucchUciSizes[] validated = _validatedSizes[entry];
        int count = _validatedCounts[entry];
        for (int i = 0; i < count; i++)
        {
            if (validated[i] == sizes)
            {
                return;
            }
        }

        PucchConfigurationValidator.ThrowIfInvalid(configuration, sizes);
        validated[count < CachedSizes ? count : CachedSizes - 1] = sizes;
        _validatedCounts[entry] = Math.Min(count + 1, CachedSizes);
    }

    /// <summary>
    /// Receives the occasion <paramref name="configuration"/> carrying UCI of <paramref name="sizes"/> in slot n_s,f^μ =
    /// <paramref name="slot"/> from every port of <paramref name="grid"/> (one per receive antenna) into <paramref name="message"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The configuration or the UCI sizes are invalid (every problem named), or the grid does not hold the occasion.</exception>
    public PucchReceiveResult Receive(ResourceGrid grid, PucchConfiguration configuration, PucchUciSizes sizes, int slot, PucchUciMessage message)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(configuration);
        int entry = Entry(configuration);
        PucchLayout layout = _layouts[entry]!;
        Validate(entry, configuration, sizes);

        _extractor.Extract(grid, layout);
        _sequences.Prepare(layout, slot);
        double p = _options.FalseAlarmProbability;
        switch (configuration.Format)
        {
            case PucchFormat.Format0:
                return _format0.Detect(_sequences, _extractor, sizes, p, message);
            case PucchFormat.Format1:
                return _format1.Detect(_sequences, _extractor, sizes, p, message);
        }

        Span<float> llrs = _llrs.AsSpan(0, layout.TotalRateMatchedLength);
        PucchChannelEstimate estimate;
        if (configuration.Format == PucchFormat.Format2)
        {
            _format2.Demodulate(_sequences, _extractor, llrs);
            estimate = _format2.Estimate;
        }
        else
        {
            _format34.Demodulate(_sequences, _extractor, llrs);
            estimate = _format34.Estimate;
        }

        int reCount = Math.Max((_extractor.RxAntennaCount * _extractor.PerAntenna) - _extractor.ErasureCount, 1);

        // UCI without CRC (one part, A ≤ 11): decode first, then test the energy of the whole re-modulated occasion against
        // 2^A hypotheses. With CRC: test the DM-RS energy first, then every CRC must pass.
        bool blockCode = sizes.Part2BitCount == 0 && sizes.Part1BitCount <= 11;
        double metric, threshold;
        if (blockCode)
        {
            Descramble(configuration, llrs);
            _uciDecoder.Decode(layout, sizes, llrs, message);
            metric = _codewordDetector.Metric(_sequences, _extractor, message, out int blocks);
            threshold = _thresholds.Get(p, 1 << sizes.Part1BitCount, Math.Max(blocks, 1), Math.Max(reCount, blocks + 1));
        }
        else
        {
            metric = estimate.DmrsEnergy > 0 ? estimate.CapturedEnergy / estimate.DmrsEnergy : 0;
            threshold = _thresholds.Get(_options.CrcProtectedFalseAlarmProbability, 1, estimate.Blocks, estimate.Dimensions);
        }

        var measurements = new PucchMeasurements(
            10 * Math.Log10(estimate.Rsrp / estimate.NoiseVariance),
            10 * Math.Log10(estimate.Rsrp),
            10 * Math.Log10(_extractor.Energy / reCount),
            estimate.NoiseVariance,
            estimate.TimeAlignmentSeconds(configuration.SubcarrierSpacingHz),
            metric,
            threshold);
        if (!(metric > threshold))
        {
            message.Reset(sizes);
            return new PucchReceiveResult(PucchDetectionStatus.Dtx, false, false, measurements);
        }

        if (blockCode)
        {
            return new PucchReceiveResult(PucchDetectionStatus.Valid, true, false, measurements);
        }

        Descramble(configuration, llrs);
        (bool part1, bool part2) = _uciDecoder.Decode(layout, sizes, llrs, message);
        bool valid = part1 && (sizes.Part2BitCount == 0 || part2);
        return new PucchReceiveResult(valid ? PucchDetectionStatus.Valid : PucchDetectionStatus.Invalid, part1, part2, measurements);
    }

    /// <summary>Undoes the scrambling of formats 2–4 on the LLRs (TS 38.211 §6.3.2.5.1, §6.3.2.6.1).</summary>
    private void Descramble(PucchConfiguration configuration, Span<float> llrs)
    {
        _scrambling.Initialize(PucchScrambling.InitialValue(configuration.NRnti, configuration.NIdOrCell));
        QpskLlr.Descramble(_scrambling, llrs);
    }
}
