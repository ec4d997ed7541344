using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Downlink;

namespace OpenRan.Conformance.Checks.Downlink;

/// <summary>
/// The whole-carrier downlink against MATLAB's mixed waveforms (<c>py5gphy_matlab/dl_waveform/mixed</c>, 20 ms): the
/// configuration of <see cref="MatlabMixedWaveformCase"/> (SSB, CORESET with a UE-specific PDCCH, CSI-RS, a PDSCH with HARQ
/// redundancy versions rate-matched around SSB and CSI-RS) is composed slot by slot by <see cref="DownlinkSlotComposer"/>;
/// every slot grid must equal <c>fd_slot_data</c> within 1e-5 outside the resource blocks of SS/PBCH blocks (MATLAB keeps the
/// SS burst in its own grid, so the file has zeros there), and the OFDM waveform, SS/PBCH blocks included, must equal
/// <c>waveform</c> within 1e-5 relative (2.5 % RMS where MATLAB resampled).
/// </summary>
public sealed class DlWaveformMixedCheck : IConformanceCheck
{
    /// <summary>Complex tolerance on grids.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "dl-waveform-mixed";

    /// <inheritdoc />
    public string Description => "SSB + PDCCH + CSI-RS + PDSCH on one carrier over 20 ms (TS 38.211 §7, TS 38.214 §5.1.4); grids and waveform vs MATLAB";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/dl_waveform/mixed";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        var vector = MatlabMixedWaveformCase.Load(caseId);
        DownlinkWaveformConfiguration configuration = vector.Waveform();
        var composer = new DownlinkSlotComposer(configuration);
        Complex[] reference = vector.Mat.Numeric("fd_slot_data").ToComplexArray();
        var waveform = new List<ComplexF32>();
        int k = vector.SubcarrierCount;
        int ssbSlots = 0;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            composer.Compose(slot);
            ComplexF32[] grid = composer.Grid.Port(0).ToArray();
            foreach (DownlinkChannelAnnotation a in composer.Annotations)
            {
                if (a.Kind != DownlinkChannelKind.Ssb)
                {
                    continue;
                }

                ssbSlots++;
                for (int l = a.FirstSymbol; l < a.FirstSymbol + a.SymbolCount; l++)
                {
                    grid.AsSpan((l * k) + (a.FirstCrb * NrConstants.SubcarriersPerRb), a.CrbCount * NrConstants.SubcarriersPerRb).Clear();
                }
            }

            string? diff = Compare.FirstDifference(grid, vector.GridSlot(reference, slot), Tolerance, $"slot {slot} grid (symbol·{k} + k, SS/PBCH resource blocks excluded)");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            var samples = new ComplexF32[composer.SlotSampleCount(slot)];
            composer.Modulate(0, samples);
            waveform.AddRange(samples);
        }

        var ofdm = OfdmVectorCase.Load(caseId);
        Complex[] expected = ofdm.Waveform.RowComplex(0);
        if (expected.Length != waveform.Count)
        {
            return CaseResult.Fail($"waveform: {waveform.Count} samples generated, the file holds {expected.Length}");
        }

        string? waveformDiff;
        ComplexF32[] ours = [.. waveform];
        if (ofdm.Resampled)
        {
            ComplexKernels.Scale(ours, ofdm.MatlabAmplitude, ours);
            double error = Compare.RelativeRmsError(ours, expected);
            waveformDiff = error <= OfdmGridWaveformCheck.ResampledTolerance ? null : $"relative RMS error {error:G3} > {OfdmGridWaveformCheck.ResampledTolerance:G3} (MATLAB-resampled waveform)";
        }
        else
        {
            waveformDiff = Compare.FirstRelativeDifference(ours, expected, OfdmGridWaveformCheck.Tolerance, "waveform");
        }

        return waveformDiff is null
            ? CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{vector.SlotCount} slots ({ssbSlots} SS/PBCH blocks), grids and waveform; {ofdm.Describe()}"))
            : CaseResult.Fail($"{waveformDiff} ({ofdm.Describe()})");
    }
}
