using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// OFDM modulation and demodulation (TS 38.211 §5.3.1, §5.4) against MATLAB waveforms that come with their grid
/// (<c>fd_slot_data</c>, one row per antenna or layer): modulating each grid row must give the <c>waveform</c> row, and
/// demodulating the waveform must give the grid back, both within 1e-5 relative error (RMS and peak).
/// </summary>
public sealed class OfdmGridWaveformCheck : IConformanceCheck
{
    /// <summary>The tolerance: relative RMS and relative peak error.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>
    /// The relative RMS tolerance where MATLAB resampled the waveform from its own FFT size (see
    /// <see cref="OfdmVectorCase.MatlabFftSize"/>): its resampling filter leaves errors of about 1.6 %, so only timing,
    /// cyclic prefixes, mapping and scale can be checked, to 2.5 %.
    /// </summary>
    public const double ResampledTolerance = 2.5e-2;

    /// <summary>Creates the check for one folder.</summary>
    /// <param name="category">Category name, for example <c>ofdm</c>.</param>
    /// <param name="relativeFolder">The folder under the vector root.</param>
    public OfdmGridWaveformCheck(string category, string relativeFolder)
    {
        Category = category;
        RelativeFolder = relativeFolder;
    }

    /// <inheritdoc />
    public string Category { get; }

    /// <inheritdoc />
    public string Description => "OFDM modulate fd_slot_data → waveform and demodulate waveform → fd_slot_data (TS 38.211 §5.3.1, §5.4), 1e-5 relative";

    /// <inheritdoc />
    public string RelativeFolder { get; }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        var vector = OfdmVectorCase.Load(caseId);
        MatNumericArray gridData = vector.File.Numeric("fd_slot_data");
        int ports = gridData.Rows;
        if (vector.Waveform.Rows != ports)
        {
            return CaseResult.Fail($"waveform has {vector.Waveform.Rows} rows, fd_slot_data {ports}");
        }

        int slotSize = vector.Timing.SymbolsPerSlot * vector.Configuration.SubcarrierCount;
        if (gridData.Columns % slotSize != 0)
        {
            return CaseResult.Fail($"fd_slot_data has {gridData.Columns} columns, not a multiple of 14·K = {slotSize} ({vector.Describe()})");
        }

        int slots = gridData.Columns / slotSize;
        if (slots != vector.SlotCount)
        {
            return CaseResult.Fail($"fd_slot_data holds {slots} slots but the waveform {vector.SlotCount} ({vector.Describe()})");
        }

        var rows = new ComplexF32[ports][];
        for (int p = 0; p < ports; p++)
        {
            rows[p] = OfdmVectorCase.ToComplexF32(gridData.RowComplex(p));
        }

        ResourceGrid grid = vector.GridFromRows(rows);
        for (int p = 0; p < ports; p++)
        {
            Complex[] expectedWaveform = vector.Waveform.RowComplex(p);
            ComplexF32[] waveform = vector.Modulate(grid, p, slots);
            ComplexF32[] demodulatedGrid = vector.Demodulate(p, slots);
            string? modulated, demodulated;
            if (vector.Resampled)
            {
                // Compare with MATLAB's amplitude (1/Nfft of its own FFT) and only the RMS error (its resampler's error).
                ComplexKernels.Scale(waveform, vector.MatlabAmplitude, waveform);
                ComplexKernels.Scale(demodulatedGrid, 1f / vector.MatlabAmplitude, demodulatedGrid);
                modulated = RmsOnly(waveform, expectedWaveform, $"modulated waveform row {p}");
                demodulated = RmsOnly(demodulatedGrid, gridData.RowComplex(p), $"demodulated grid row {p}");
            }
            else
            {
                modulated = Compare.FirstRelativeDifference(waveform, expectedWaveform, Tolerance, $"modulated waveform row {p}");
                demodulated = Compare.FirstRelativeDifference(demodulatedGrid, gridData.RowComplex(p), Tolerance, $"demodulated grid row {p}");
            }

            if (modulated is not null)
            {
                return CaseResult.Fail($"{modulated} ({vector.Describe()})");
            }

            if (demodulated is not null)
            {
                return CaseResult.Fail($"{demodulated} ({vector.Describe()})");
            }
        }

        return CaseResult.Pass($"{ports} port(s) both directions within {(vector.Resampled ? ResampledTolerance : Tolerance):G2}; {vector.Describe()}");
    }

    private static string? RmsOnly(ComplexF32[] actual, Complex[] expected, string what)
    {
        double error = Compare.RelativeRmsError(actual, expected);
        return error <= ResampledTolerance ? null : FormattableString.Invariant($"{what}: relative RMS error {error:G3} > {ResampledTolerance:G3} (MATLAB-resampled waveform)");
    }
}
