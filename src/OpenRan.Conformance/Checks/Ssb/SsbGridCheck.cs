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

/// <summary>The SSB configuration of one MATLAB ssb test vector and the blocks of its 10 ms frame (SFN 0).</summary>
/// <param name="Mib">The MIB (SFN 0).</param>
/// <param name="NIdCell">N_ID^cell.</param>
/// <param name="Case">The block pattern.</param>
/// <param name="LMax">L_max.</param>
/// <param name="SlotCount">Slots of the 10 ms frame.</param>
/// <param name="FirstSubcarrier">The carrier-grid subcarrier of block subcarrier 0, rounded down when the block sits half a subcarrier off the grid.</param>
/// <param name="Bitmap">The transmitted-block bitmap.</param>
/// <param name="PeriodMs">The burst period.</param>
/// <param name="HalfSubcarrierShift">True when (12·N_CRB^SSB + k_SSB)·15 kHz is an odd multiple of half the SSB subcarrier spacing (odd k_SSB at 30 kHz): the block lies ½ subcarrier above <paramref name="FirstSubcarrier"/>.</param>
internal sealed record SsbFrame(Mib Mib, int NIdCell, SsbCase Case, int LMax, int SlotCount, int FirstSubcarrier, byte[] Bitmap, int PeriodMs, bool HalfSubcarrierShift)
{
    public static SsbFrame FromMat(MatFile mat)
    {
        int scs = mat.Numeric("scs").ScalarInt32;
        SsbCase ssbCase = mat.Numeric("BlockPattern_idx").ScalarInt32 switch
        {
            0 => SsbCase.A,
            1 => SsbCase.B,
            2 => SsbCase.C,
            int other => throw new System.IO.InvalidDataException($"{mat.Path}: BlockPattern_idx {other} is not 0, 1 or 2."),
        };
        double carrierHz = mat.Numeric("carrier_freq_in_mhz").ScalarDouble * 1e6;
        int kSsb = mat.Numeric("KSSB").ScalarInt32;
        int nCrbSsb = mat.Numeric("NCRBSSB").ScalarInt32;
        var mib = new Mib(
            0,
            scs != 15,
            kSsb,
            mat.Numeric("DMRSTypeAPosition").ScalarInt32,
            mat.Numeric("PDCCHConfigSIB1").ScalarInt32,
            mat.Numeric("CellBarred_idx").ScalarInt32 == 0,
            mat.Numeric("IntraFreqReselection_idx").ScalarInt32 == 0);
        // TS 38.211 §7.4.3.1: subcarrier 0 of the block is k_SSB 15-kHz subcarriers above CRB N_CRB^SSB (15-kHz units in FR1,
        // also for a 30 kHz block). An odd count at 30 kHz puts the block half a subcarrier above a 30 kHz subcarrier.
        int offset15 = (nCrbSsb * NrConstants.SubcarriersPerRb) + kSsb;
        int first = offset15 * 15 / scs;
        bool half = offset15 * 15 % scs != 0;
        return new SsbFrame(mib, mat.Numeric("NCellID").ScalarInt32, ssbCase, SsbBlockPattern.MaxBlockCount(ssbCase, carrierHz, pairedSpectrum: false),
            10 * scs / 15, first, mat.Numeric("TransmittedBlocks").ToBits(), mat.Numeric("Period").ScalarInt32, half);
    }

    /// <summary>(first symbol in the frame, block index, half frame) of every transmitted block.</summary>
    public List<(int Symbol, int Index, int HalfFrame)> Blocks()
    {
        var blocks = new List<(int, int, int)>();
        var firstSymbols = new int[LMax];
        SsbBlockPattern.FirstSymbols(Case, LMax, firstSymbols);
        int halfFrameSymbols = SlotCount / 2 * NrConstants.SymbolsPerSlotNormalCp;
        for (int halfFrame = 0; halfFrame < 2; halfFrame++)
        {
            // SFN 0: half frame h carries a burst when h is a multiple of the period in half frames.
            if (halfFrame % Math.Max(1, PeriodMs / 5) != 0)
            {
                continue;
            }

            for (int i = 0; i < LMax && i < Bitmap.Length; i++)
            {
                if (Bitmap[i] == 1)
                {
                    blocks.Add(((halfFrame * halfFrameSymbols) + firstSymbols[i], i, halfFrame));
                }
            }
        }

        return blocks;
    }
}
