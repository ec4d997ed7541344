using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using OpenRan.Conformance.Cases;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Conformance.Checks.Downlink;

/// <summary>
/// NZP-CSI-RS against the CSI-RS content of MATLAB's mixed downlink grids (<c>py5gphy_matlab/dl_waveform/mixed</c>; no
/// dedicated CSI-RS vectors exist in the reference data): in every slot the resource is transmitted in (period 10,
/// offset 3), the resource elements of TS 38.211 §7.4.1.5.3 (row 2, k_0 = 0, l_0 = 10, density 1, n_ID 0) must hold
/// the sequence of §7.4.1.5.2 within 1e-5; the receiver-side estimate on the reference grid must give the unit channel
/// on every block (within 1e-5) and zero noise. The other rows of Table 7.4.1.5.3-1 are checked against the equations in
/// the unit tests.
/// </summary>
public sealed class CsiRsMixedWaveformCheck : IConformanceCheck
{
    /// <summary>Complex tolerance.</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "csi-rs";

    /// <inheritdoc />
    public string Description => "NZP-CSI-RS sequence and mapping (TS 38.211 §7.4.1.5) in MATLAB mixed grids; channel estimate at the resource";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/dl_waveform/mixed";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        var vector = MatlabMixedWaveformCase.Load(caseId);
        CsiRsConfiguration csiRs = vector.CsiRs;
        Complex[] reference = vector.Mat.Numeric("fd_slot_data").ToComplexArray();
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, vector.SubcarrierCount);
        var received = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, vector.SubcarrierCount);
        var mapper = new CsiRsMapper();
        var estimator = new CsiRsChannelEstimator();
        var measurement = new CsiRsMeasurement(1);
        CsiRsPattern pattern = csiRs.Pattern;
        int slotsPerFrame = vector.Numerology.SlotsPerFrame;
        int transmitted = 0;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            int frame = slot / slotsPerFrame, slotInFrame = slot % slotsPerFrame;
            if (!csiRs.IsTransmitted(frame, slotInFrame, slotsPerFrame))
            {
                continue;
            }

            transmitted++;
            grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, vector.NSizeGrid);
            mapper.Map(grid, csiRs, slotInFrame);
            ReadOnlySpan<Complex> expected = vector.GridSlot(reference, slot);
            foreach (int n in pattern.CarriedBlocks(0, vector.NSizeGrid))
            {
                foreach (CsiRsResourceElement re in pattern.Elements)
                {
                    int index = (re.Symbol * vector.SubcarrierCount) + (n * NrConstants.SubcarriersPerRb) + re.Subcarrier;
                    ComplexF32 actual = grid[0, re.Symbol, (n * NrConstants.SubcarriersPerRb) + re.Subcarrier];
                    if (Complex.Abs(actual.ToComplex() - expected[index]) > Tolerance)
                    {
                        return CaseResult.Fail($"slot {slot}, symbol {re.Symbol}, CRB {n}, subcarrier {re.Subcarrier}: {actual} expected {expected[index]}");
                    }
                }
            }

            received.Configure(1, NrConstants.SymbolsPerSlotNormalCp, vector.NSizeGrid);
            Span<ComplexF32> port = received.Port(0);
            for (int i = 0; i < port.Length; i++)
            {
                port[i] = ComplexF32.FromComplex(expected[i]);
            }

            estimator.Estimate(received, 0, csiRs, slotInFrame, measurement);
            ReadOnlySpan<ComplexF32> h = measurement.Channel(0);
            for (int i = 0; i < h.Length; i++)
            {
                if ((h[i] - ComplexF32.One).Magnitude > Tolerance)
                {
                    return CaseResult.Fail($"slot {slot}: channel estimate at CRB {measurement.Blocks[i]} is {h[i]}, expected 1");
                }
            }

            if (!(measurement.NoiseVariance < 1e-9))
            {
                return CaseResult.Fail($"slot {slot}: noise estimate {measurement.NoiseVariance} on a clean grid");
            }
        }

        return transmitted == 0
            ? CaseResult.Fail("no slot carries the CSI-RS resource")
            : CaseResult.Pass($"{transmitted} CSI-RS slots, {pattern.CarriedBlocks(0, vector.NSizeGrid).Count()} blocks each; estimate exact");
    }
}
