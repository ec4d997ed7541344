using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>
/// PUCCH transmission against MATLAB 5G Toolbox vectors (<c>py5gphy_matlab/pucch/formatN</c>, one case per file): per slot
/// the UCI must give <c>codeword_out</c> bit-exactly (formats 2–4: the coded bits before scrambling; format 0: the UCI bits),
/// <c>symbols_out</c> (format 0: the sequences, format 2: the QPSK symbols, formats 3/4: the transform-precoded symbols) and
/// the slot of <c>fd_slot_data</c> (DM-RS included) within 1e-5; then the receiver must recover the UCI from that grid, clean
/// and with seeded noise at <see cref="NoisySnrDb"/> per RE, on one and two receive antennas.
/// </summary>
/// <remarks>
/// The noisy SNR is stated per case: 10 dB for format 0; for formats 2–4 it follows the spectral efficiency η of the case,
/// η = (A + L)/(E_tot/Q_m) information bits per data RE (L the CRC length): SNR = max(3 dB, 10·log10(2^η − 1) + 8 dB), the
/// Shannon limit of one antenna plus 8 dB, so every case is decodable with a wide margin whatever its code rate (the vectors
/// reach η ≈ 1.9).
/// </remarks>
public abstract class PucchVectorCheck : IConformanceCheck
{
    /// <summary>Complex tolerance (magnitude-scaled).</summary>
    public const double Tolerance = 1e-5;

    private readonly PucchFormat _format;

    /// <summary>Creates the check of one format.</summary>
    private protected PucchVectorCheck(PucchFormat format) => _format = format;

    /// <inheritdoc />
    public abstract string Category { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public string RelativeFolder => $"py5gphy_matlab/pucch/format{(int)_format}";

    /// <summary>The SNR per RE of the noisy reception of <paramref name="configuration"/> carrying <paramref name="sizes"/>, in dB.</summary>
    public static double NoisySnrDb(PucchConfiguration configuration, PucchUciSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Format is PucchFormat.Format0 or PucchFormat.Format1)
        {
            return 10;
        }

        var layout = new PucchLayout(configuration);
        PucchUciCodingParameters p = PucchUciCodingParameters.Create(layout, sizes);
        double bits = sizes.Part1BitCount + PucchUciCodingParameters.CrcLength(sizes.Part1BitCount)
            + (sizes.Part2BitCount > 0 ? sizes.Part2BitCount + PucchUciCodingParameters.CrcLength(sizes.Part2BitCount) : 0);
        double efficiency = bits / (p.TotalRateMatchedLength / (double)p.BitsPerSymbol);
        return Math.Round(Math.Max(3, (10 * Math.Log10(Math.Pow(2, efficiency) - 1)) + 8), 1);
    }

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        PucchVector vector = PucchVector.Load(caseId, _format);
        MatFile mat = vector.Mat;
        Complex[] expectedGrid = mat.Numeric("fd_slot_data").ToComplexArray();
        MatNumericArray codewords = mat.Numeric("codeword_out");
        MatNumericArray symbols = mat.Numeric("symbols_out");
        int perSlot = NrConstants.SymbolsPerSlotNormalCp * vector.SubcarrierCount;
        var grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, vector.SubcarrierCount);
        var transmitter = new PucchTransmitter();
        double snrDb = NoisySnrDb(vector.Configuration, vector.Sizes);
        var receiverCheck = new PucchReceiveCheck(vector, snrDb, StableSeed(caseId));
        for (int slot = 0; slot < vector.SlotCount; slot++)
        {
            grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, vector.SubcarrierCount / NrConstants.SubcarriersPerRb);
            PucchSlotUci uci = PucchSlotUci.For(vector, slot);
            transmitter.Transmit(vector.Configuration, uci.Payload, slot, grid);
            string? diff = CompareSlot(vector, transmitter, uci, codewords, symbols, slot)
                ?? Compare.FirstDifference(grid.Port(0), expectedGrid.AsSpan(slot * perSlot, perSlot), Tolerance, $"slot {slot} fd_slot_data");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            string? receive = receiverCheck.Receive(grid, slot, uci);
            if (receive is not null)
            {
                return CaseResult.Fail(receive);
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{Describe(vector)}; {vector.SlotCount} slots; received clean and at {snrDb} dB with 1 and 2 Rx"));
    }

    /// <summary>A seed from the file name that does not change between runs (string.GetHashCode does).</summary>
    private static int StableSeed(string caseId)
    {
        int seed = 17;
        foreach (char ch in System.IO.Path.GetFileName(caseId))
        {
            seed = unchecked((seed * 31) + ch);
        }

        return seed;
    }

    private static string Describe(PucchVector vector)
    {
        PucchConfiguration c = vector.Configuration;
        PucchUciSizes s = vector.Sizes;
        return string.Create(CultureInfo.InvariantCulture, $"{s.TotalBitCount} UCI bits, PRB {c.StartPrb}+{c.PrbCount}{(c.SecondHopPrb is int h ? $"/{h}" : "")}, symbols {c.StartSymbol}+{c.SymbolCount}, {c.GroupHopping}");
    }

    private static string? CompareSlot(PucchVector vector, PucchTransmitter transmitter, PucchSlotUci uci, MatNumericArray codewords, MatNumericArray symbols, int slot)
    {
        if (vector.Configuration.Format == PucchFormat.Format0)
        {
            byte[] expectedBits = Array.ConvertAll(codewords.RowReal(slot), v => (byte)v);
            byte[] actualBits = [.. uci.HarqAck, .. uci.Sr];
            string? bits = Compare.FirstDifference<byte>(actualBits.AsSpan(0, expectedBits.Length), expectedBits, $"slot {slot} codeword_out");
            if (bits is not null)
            {
                return bits;
            }

            if (symbols.Columns == 0)
            {
                return transmitter.LastTransmitted ? $"slot {slot}: transmitted, but MATLAB sends nothing (negative SR without HARQ-ACK)" : null;
            }

            return Compare.FirstDifference(transmitter.LastSymbols, symbols.RowComplex(slot), Tolerance, $"slot {slot} symbols_out (m_cs {transmitter.LastCyclicShift})");
        }

        byte[] expected = Array.ConvertAll(codewords.RowReal(slot), v => (byte)v);
        return Compare.FirstDifference<byte>(transmitter.LastCodeword.ToArray(), expected, $"slot {slot} codeword_out")
            ?? Compare.FirstDifference(transmitter.LastSymbols, symbols.RowComplex(slot), Tolerance, $"slot {slot} symbols_out");
    }
}
