using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Conformance.Checks.Pdcch;

/// <summary>
/// PDCCH transmission against MATLAB slot grids (<c>py5gphy_matlab/pdcch/pdcch</c>): per monitored slot, the DCI bits
/// <c>dcibits_out</c> must give the rate-matched bits <c>RM_out</c>, the QPSK symbols <c>mod_out</c> and the slot grid
/// (<c>fd_slot_data</c>, DM-RS included) within 1e-5; unmonitored slots must be empty. Then the receiver's blind search
/// over the whole search space (all aggregation levels and candidates, RNTI set {RNTI, 0xFFFF}) must find the DCI with
/// its aggregation level and CCE, from the clean grid and with seeded noise (8 dB SNR per RE at L = 1, 3 dB less per
/// doubling of L).
/// </summary>
public sealed class PdcchGridCheck : IConformanceCheck
{
    /// <summary>Complex tolerance.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>SNR of the noisy blind search, dB per RE, for aggregation level 1 (3 dB less per doubling of L).</summary>
    public const double NoisySnrDbAtLevel1 = 8;

    /// <summary>The SNR of the noisy search for aggregation level <paramref name="level"/>.</summary>
    public static double NoisySnrDb(int level) => NoisySnrDbAtLevel1 - (3 * Math.Log2(level));

    /// <inheritdoc />
    public string Category => "pdcch-grid";

    /// <inheritdoc />
    public string Description => "DCI coding, PDCCH scrambling, CCE-REG mapping, hashing, DM-RS (TS 38.211 §7.3.2, TS 38.213 §10.1); blind decoding";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/pdcch/pdcch";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        var vector = PdcchVector.Load(caseId);
        MatFile mat = vector.Mat;
        Complex[] expectedGrid = mat.Numeric("fd_slot_data").ToComplexArray();
        MatNumericArray dciBits = mat.Numeric("dcibits_out");
        MatNumericArray rateMatched = mat.Numeric("RM_out");
        MatNumericArray modulated = mat.Numeric("mod_out");
        int symbolsPerSlot = NrConstants.SymbolsPerSlotNormalCp;
        int perSlot = symbolsPerSlot * vector.SubcarrierCount;
        var grid = new ResourceGrid(1, symbolsPerSlot, vector.SubcarrierCount);
        var transmitter = new PdcchTransmitter();
        var receiver = new PdcchReceiver();
        int monitored = 0;
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            grid.Configure(1, symbolsPerSlot, vector.SubcarrierCount / NrConstants.SubcarriersPerRb);
            ReadOnlySpan<Complex> expectedSlot = expectedGrid.AsSpan(slot * perSlot, perSlot);
            if (!vector.SearchSpace.IsMonitored(0, slot, vector.SlotCount * 5))
            {
                string? empty = Compare.FirstDifference(grid.Port(0), expectedSlot, Tolerance, $"unmonitored slot {slot}");
                if (empty is not null)
                {
                    return CaseResult.Fail(empty);
                }

                continue;
            }

            monitored++;
            byte[] payload = Array.ConvertAll(dciBits.RowReal(slot), v => (byte)v);
            PdcchAllocation allocation = vector.Allocation(slot);
            transmitter.Map(grid, 0, vector.Coreset, allocation, payload);
            byte[] expectedBits = Array.ConvertAll(rateMatched.RowReal(slot), v => (byte)v);
            string? diff = Compare.FirstDifference<byte>(transmitter.LastCodedBits.ToArray(), expectedBits, $"slot {slot} RM_out")
                ?? Compare.FirstDifference(transmitter.LastSymbols, modulated.RowComplex(slot), Tolerance, $"slot {slot} mod_out")
                ?? Compare.FirstDifference(grid.Port(0), expectedSlot, Tolerance, $"slot {slot} grid");
            if (diff is not null)
            {
                return CaseResult.Fail($"first CCE {allocation.FirstCce}: {diff}");
            }

            string? search = BlindSearch(receiver, vector, slot, expectedSlot, payload, allocation, caseId.Length + slot);
            if (search is not null)
            {
                return CaseResult.Fail(search);
            }
        }

        return CaseResult.Pass($"AL {vector.AggregationLevel}, {monitored} monitored slot(s), {vector.Coreset.CceCount} CCEs; found clean and at {NoisySnrDb(vector.AggregationLevel)} dB");
    }

    private static string? BlindSearch(PdcchReceiver receiver, PdcchVector vector, int slot, ReadOnlySpan<Complex> expectedSlot, byte[] payload, PdcchAllocation allocation, int seed)
    {
        var received = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, vector.SubcarrierCount);
        Span<ComplexF32> port = received.Port(0);
        for (int i = 0; i < port.Length; i++)
        {
            port[i] = ComplexF32.FromComplex(expectedSlot[i]);
        }

        ushort[] rntis = [(ushort)vector.Rnti, 0xFFFF];
        int[] sizes = [payload.Length];
        var detections = new PdcchDetection[8];
        for (int i = 0; i < detections.Length; i++)
        {
            detections[i] = new PdcchDetection();
        }

        for (int pass = 0; pass < 2; pass++)
        {
            if (pass == 1)
            {
                StandardNormal.AddComplexNoise(port, Math.Pow(10, -NoisySnrDb(allocation.AggregationLevel) / 10), new Random(seed));
            }

            var request = new PdcchSearchRequest(slot, vector.Coreset, vector.SearchSpace, vector.Rnti, vector.Rnti, PdcchVector.NIdCell);
            int found = receiver.Search(received, 0, request, sizes, rntis, rntis.Length, detections);
            bool ok = false;
            for (int d = 0; d < found; d++)
            {
                PdcchDetection detection = detections[d];
                if (detection.Rnti == vector.Rnti && detection.AggregationLevel == allocation.AggregationLevel && detection.FirstCce == allocation.FirstCce
                    && detection.Payload.AsSpan(0, payload.Length).SequenceEqual(payload))
                {
                    ok = true;
                }
            }

            if (!ok)
            {
                return $"slot {slot} {(pass == 0 ? "clean" : $"{NoisySnrDb(allocation.AggregationLevel)} dB")}: blind search found {found} DCI(s), not AL {allocation.AggregationLevel} CCE {allocation.FirstCce}";
            }
        }

        return null;
    }
}
