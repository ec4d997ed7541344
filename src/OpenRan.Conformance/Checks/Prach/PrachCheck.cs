using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Prach;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Conformance.Checks.Prach;

/// <summary>
/// PRACH against MATLAB 5G Toolbox (<c>py5gphy_matlab/prach/prach</c>): from the file's configuration,
/// <see cref="PrachConfiguration"/> resolves the tables and the occasion; then
/// <list type="number">
/// <item><c>prachSymbols_out</c> must equal y_{u,v} (TS 38.211 §6.3.3.1) once per preamble repetition (1e-6 relative);</item>
/// <item><c>prachGrid_out</c> (PRACH subcarriers × symbols of the PRACH slot) must hold y_{u,v} at subcarrier
/// N_grid·12·K/2 + K·k_1 + k̄ on as many symbols as the format repeats the sequence, nothing elsewhere, and (short formats)
/// from symbol l of the occasion (l/2 in MATLAB's 7-symbol grid of C0/C2);</item>
/// <item><c>waveform</c> (one ms at 30.72 Msps from the start of the active PRACH slot) must equal
/// <see cref="PrachGenerator"/>'s output placed at t_start^RA (TS 38.211 §5.3.2) within 1e-5 relative RMS error — no
/// scale factor: MATLAB's 1/√(N·N_RA) is the generator's <see cref="Phy.Lower.Ofdm.OfdmScaling.InverseFftSize"/> convention;</item>
/// <item>the reference waveform is detected back by <see cref="PrachDetector"/> (1 Rx): exactly the file's preamble with
/// timing advance 0 (±0.05 sequence samples); and after delaying it by a quarter of the zero-correlation zone and adding
/// white noise at −5 dB per PRACH subcarrier (seeded), the preamble again with the delay within ±0.5 sequence samples.</item>
/// </list>
/// </summary>
public sealed class PrachCheck : IConformanceCheck
{
    /// <summary>The SNR of the noisy detection, per PRACH subcarrier (dB).</summary>
    public const double NoisySnrDb = -5;

    /// <inheritdoc />
    public string Category => "prach";

    /// <inheritdoc />
    public string Description => "PRACH sequences, grid and waveform (TS 38.211 §5.3.2, §6.3.3) against MATLAB; detection back, clean and at −5 dB";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/prach/prach";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        PrachVector vector = PrachVector.Load(caseId);
        var configuration = new PrachConfiguration(vector.Parameters);
        var carrier = new OfdmTiming(vector.Parameters.PuschNumerology, CyclicPrefix.Normal, vector.CarrierFftSize);
        var timing = new PrachTiming(configuration, carrier);
        PrachOccasion occasion = configuration.Occasion(0, vector.Subframe, vector.PrachSlot, vector.TimeIndex);
        PrachFormatParameters format = configuration.FormatOf(vector.TimeIndex);
        string about = vector.Describe(configuration);

        // 1. Symbols: y_{u,v} repeated.
        PrachPreamble preamble = configuration.Preambles[vector.PreambleIndex];
        var root = new Complex[vector.SequenceLength];
        PrachSequence.FrequencyDomain(preamble.SequenceNumber, vector.SequenceLength, root);
        var sequence = new ComplexF32[vector.SequenceLength];
        PrachSequence.Shift(root, preamble.CyclicShift, sequence);
        int repetitions = format.RepetitionCount;
        if (vector.Symbols.Length != repetitions * vector.SequenceLength)
        {
            return CaseResult.Fail($"prachSymbols_out has {vector.Symbols.Length} values, expected {repetitions} repetitions × {vector.SequenceLength} ({about})");
        }

        var repeated = new ComplexF32[vector.Symbols.Length];
        for (int r = 0; r < repetitions; r++)
        {
            sequence.CopyTo(repeated.AsSpan(r * vector.SequenceLength));
        }

        string? diff = Compare.FirstDifference(repeated, vector.Symbols, 1e-6, "prachSymbols_out");
        if (diff is not null)
        {
            return CaseResult.Fail($"{diff} (u {preamble.SequenceNumber}, C_v {preamble.CyclicShift}; {about})");
        }

        // 2. Grid.
        diff = CheckGrid(vector, configuration, occasion, repetitions, sequence);
        if (diff is not null)
        {
            return CaseResult.Fail($"{diff} ({about})");
        }

        // 3. Waveform.
        int slotStart = configuration.PrachNumerology == 1 ? vector.PrachSlot * carrier.SamplesPerSubframe / 2 : 0;
        int start = timing.StartSampleInSubframe(occasion) - slotStart;
        // Buffers reach past the stored waveform when a long preamble outlasts it (only the stored part is compared).
        int length = Math.Max(vector.Waveform.Length, start + timing.OccasionSamples(occasion));
        var waveform = new ComplexF32[length];
        var generator = new PrachGenerator(timing);
        generator.Generate(occasion, vector.FrequencyIndex, vector.PreambleIndex, waveform.AsSpan(start));
        double error = Compare.RelativeRmsError(waveform.AsSpan(0, vector.Waveform.Length), vector.Waveform);
        if (!(error <= 1e-5))
        {
            return CaseResult.Fail(string.Create(CultureInfo.InvariantCulture, $"waveform relative RMS error {error:G3} > 1e-5; {Compare.FirstDifference(waveform.AsSpan(0, vector.Waveform.Length), vector.Waveform, 1e-7, "waveform")} ({about})"));
        }

        // 4. Detection of the reference waveform, clean and delayed with noise.
        var reference = new ComplexF32[length];
        for (int i = 0; i < vector.Waveform.Length; i++)
        {
            reference[i] = new ComplexF32((float)vector.Waveform[i].Real, (float)vector.Waveform[i].Imaginary);
        }

        var detector = new PrachDetector(timing);
        double sequenceSample = 1.0 / (vector.SequenceLength * configuration.SubcarrierSpacingHz);
        diff = Detect(detector, reference.AsSpan(start), occasion, vector, 0, 0.05 * sequenceSample, "clean");
        if (diff is not null)
        {
            return CaseResult.Fail($"{diff} ({about})");
        }

        double zoneSeconds = configuration.Preambles.ZoneLength * sequenceSample;
        double cpSeconds = timing.CyclicPrefixSamples(occasion) / timing.SampleRateHz;
        int delay = (int)Math.Round(Math.Min(zoneSeconds / 4, cpSeconds / 2) * timing.SampleRateHz);
        var noisy = new ComplexF32[reference.Length + delay];
        reference.AsSpan(start, reference.Length - start).CopyTo(noisy.AsSpan(delay));
        AddNoise(noisy, 1.0 / (vector.CarrierFftSize * Math.Pow(10, NoisySnrDb / 10)), seed: vector.PreambleIndex + (1000 * vector.Parameters.ConfigurationIndex));
        diff = Detect(detector, noisy, occasion, vector, delay / timing.SampleRateHz, 0.5 * sequenceSample, $"{NoisySnrDb} dB, delay {delay} samples");
        if (diff is not null)
        {
            return CaseResult.Fail($"{diff} ({about})");
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"symbols, grid and waveform (error {error:G2}); detected clean and at {NoisySnrDb} dB with a {delay}-sample delay; {about}"));
    }

    private static string? CheckGrid(PrachVector vector, PrachConfiguration configuration, in PrachOccasion occasion, int repetitions, ComplexF32[] sequence)
    {
        double k = configuration.Parameters.PuschNumerology.SubcarrierSpacingHz / configuration.SubcarrierSpacingHz;
        int columns = (int)Math.Round(vector.Parameters.NSizeGrid * NrConstants.SubcarriersPerRb * k);
        if (vector.GridColumns != columns)
        {
            return $"prachGrid_out has {vector.GridColumns} subcarriers, expected N_grid·12·Δf/Δf_RA = {columns}";
        }

        int first = (int)(configuration.FirstSubcarrierOffset(vector.FrequencyIndex) + (columns / 2));
        int rows = vector.GridRows;
        int firstRow = -1, nonZeroRows = 0;
        for (int row = 0; row < rows; row++)
        {
            bool any = false;
            for (int c = 0; c < columns && !any; c++)
            {
                any = vector.Grid[row + (c * rows)] != Complex.Zero;
            }

            if (!any)
            {
                continue;
            }

            firstRow = firstRow < 0 ? row : firstRow;
            nonZeroRows++;
            var values = new Complex[columns];
            for (int c = 0; c < columns; c++)
            {
                values[c] = vector.Grid[row + (c * rows)];
            }

            var expected = new ComplexF32[columns];
            sequence.CopyTo(expected.AsSpan(first));
            string? diff = Compare.FirstDifference(expected, values, 1e-6, $"prachGrid_out symbol {row}");
            if (diff is not null)
            {
                return diff;
            }
        }

        if (nonZeroRows != repetitions)
        {
            return $"prachGrid_out has {nonZeroRows} PRACH symbols, expected {repetitions} repetitions";
        }

        if (configuration.Format.IsLong)
        {
            return null;
        }

        int symbol = occasion.StartSymbol - (14 * occasion.PrachSlot);
        int expectedRow = rows == 14 ? symbol : rows == 7 ? symbol / 2 : -1;
        return expectedRow < 0 || firstRow == expectedRow ? null : $"prachGrid_out starts at symbol {firstRow}, expected {expectedRow} (l = {occasion.StartSymbol})";
    }

    private static string? Detect(PrachDetector detector, ReadOnlySpan<ComplexF32> samples, in PrachOccasion occasion, PrachVector vector, double delaySeconds, double toleranceSeconds, string what)
    {
        Span<PrachDetection> detections = new PrachDetection[PrachPreambleSet.PreambleCount];
        int count = detector.Detect(samples, samples.Length, occasion, vector.FrequencyIndex, detections);
        if (count != 1 || detections[0].PreambleIndex != vector.PreambleIndex || !(Math.Abs(detections[0].TimingAdvanceSeconds - delaySeconds) <= toleranceSeconds))
        {
            var found = new List<string>();
            for (int i = 0; i < count; i++)
            {
                found.Add(detections[i].ToString());
            }

            return string.Create(CultureInfo.InvariantCulture, $"detection ({what}): expected preamble {vector.PreambleIndex} with TA {delaySeconds * 1e6:F3} µs ± {toleranceSeconds * 1e6:F3} µs, got {(count == 0 ? "nothing" : string.Join("; ", found))}");
        }

        return null;
    }

    private static void AddNoise(Span<ComplexF32> samples, double variance, int seed) =>
        StandardNormal.AddComplexNoise(samples, variance, new Random(seed));
}
