using System;
using System.Collections.Generic;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Dsp.Randomness;

namespace OpenRan.Conformance.Checks.Ssb;

/// <summary>
/// SS/PBCH bursts against MATLAB 10 ms grids (<c>py5gphy_matlab/ssb/grid</c>): from the MIB fields, N_ID^cell, block
/// pattern (0/1/2 = case A/B/C), carrier frequency (L_max, unpaired spectrum), transmitted-block bitmap, period and
/// N_CRB^SSB/k_SSB, the generated frame (SFN 0, both half frames) must equal <c>highphyData</c> within 1e-5. Then every
/// transmitted block is received from the reference grid, clean and with seeded noise at 0 dB SNR: PSS/SSS detection must
/// give N_ID^cell, and the PBCH decode the MIB, block index and half frame.
/// </summary>
public sealed class SsbGridCheck : IConformanceCheck
{
    /// <summary>Complex tolerance on grid values.</summary>
    public const double Tolerance = 1e-5;

    /// <summary>SNR of the noisy decode, dB per resource element.</summary>
    public const double NoisySnrDb = 0;

    /// <inheritdoc />
    public string Category => "ssb-grid";

    /// <inheritdoc />
    public string Description => "PSS, SSS, PBCH, PBCH DM-RS, burst positions (TS 38.211 §7.4, TS 38.213 §4.1); PBCH decode";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/ssb/grid";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        SsbFrame frame = SsbFrame.FromMat(mat);
        System.Numerics.Complex[] expected = mat.Numeric("highphyData").ToComplexArray();
        int subcarriers = expected.Length / (frame.SlotCount * NrConstants.SymbolsPerSlotNormalCp);
        var grid = new ResourceGrid(1, frame.SlotCount * NrConstants.SymbolsPerSlotNormalCp, subcarriers);
        grid.Configure(1, frame.SlotCount * NrConstants.SymbolsPerSlotNormalCp, subcarriers / NrConstants.SubcarriersPerRb);
        var transmitter = new SsbTransmitter();
        List<(int Symbol, int Index, int HalfFrame)> blocks = frame.Blocks();
        foreach ((int symbol, int index, int halfFrame) in blocks)
        {
            transmitter.Map(grid, 0, symbol, frame.FirstSubcarrier, frame.Mib, frame.NIdCell, frame.LMax, index, halfFrame, SsbAmplitudes.Unit);
        }

        string? diff = Compare.FirstDifference(grid.Port(0), expected, Tolerance, "grid");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        // Receive side: decode each block from the reference grid, clean and noisy.
        var received = new ResourceGrid(1, grid.SymbolCount, subcarriers);
        received.Configure(1, grid.SymbolCount, subcarriers / NrConstants.SubcarriersPerRb);
        Span<ComplexF32> port = received.Port(0);
        for (int i = 0; i < expected.Length; i++)
        {
            port[i] = ComplexF32.FromComplex(expected[i]);
        }

        var receiver = new PbchReceiver();
        string? decodeFailure = DecodeAll(receiver, received, frame, blocks, "clean");
        if (decodeFailure is not null)
        {
            return CaseResult.Fail(decodeFailure);
        }

        StandardNormal.AddComplexNoise(port, Math.Pow(10, -NoisySnrDb / 10), new Random(caseId.Length + blocks.Count));
        decodeFailure = DecodeAll(receiver, received, frame, blocks, $"{NoisySnrDb} dB SNR");
        string placement = frame.HalfSubcarrierShift ? $"; block ½ subcarrier above grid subcarrier {frame.FirstSubcarrier} (odd k_SSB), compared at that subcarrier" : string.Empty;
        return decodeFailure is null
            ? CaseResult.Pass($"case {frame.Case}, L_max {frame.LMax}, {blocks.Count} blocks; decoded clean and at {NoisySnrDb} dB{placement}")
            : CaseResult.Fail(decodeFailure);
    }

    private static string? DecodeAll(PbchReceiver receiver, ResourceGrid grid, SsbFrame frame, List<(int Symbol, int Index, int HalfFrame)> blocks, string condition)
    {
        var detector = new CellIdentityDetector();
        foreach ((int symbol, int index, int halfFrame) in blocks)
        {
            CellIdentity identity = detector.Detect(grid, 0, symbol, frame.FirstSubcarrier);
            if (identity.NIdCell != frame.NIdCell)
            {
                return $"{condition}: block {index} PSS/SSS detection gave N_ID^cell {identity.NIdCell}, expected {frame.NIdCell}";
            }

            PbchReceiveResult result = receiver.Receive(grid, 0, symbol, frame.FirstSubcarrier, frame.NIdCell, frame.LMax);
            if (!result.CrcPassed || result.Mib != frame.Mib || result.SsbIndex != index || result.HalfFrame != halfFrame)
            {
                return $"{condition}: block {index} (half frame {halfFrame}, symbol {symbol}) decoded CRC {result.CrcPassed}, {result.Mib}, index {result.SsbIndex}, half frame {result.HalfFrame}";
            }
        }

        return null;
    }
}
