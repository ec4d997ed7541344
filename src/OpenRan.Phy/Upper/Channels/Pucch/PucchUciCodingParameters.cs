using System;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// The rate-matching lengths of the UCI of one PUCCH occasion (TS 38.212 §6.3.1.4, Tables 6.3.1.4-1 and 6.3.1.4.1-1): E_tot,
/// and E_UCI of UCI part 1 and part 2. With one part E_UCI = E_tot; with two parts (formats 3/4 with CSI part 2)
/// E_UCI,1 = min(E_tot, ⌈(O_part1 + L)/R_UCI^max/Q_m⌉·Q_m) and E_UCI,2 = E_tot − E_UCI,1, where L is the CRC length of
/// part 1 (TS 38.212 §6.3.1.2.1: 0 for A ≤ 11, 6 for 12..19, 11 above).
/// </summary>
/// <param name="TotalRateMatchedLength">E_tot.</param>
/// <param name="Part1BitCount">A of UCI part 1.</param>
/// <param name="Part2BitCount">A of UCI part 2 (0 when absent).</param>
/// <param name="Part1RateMatchedLength">E_UCI of part 1.</param>
/// <param name="Part2RateMatchedLength">E_UCI of part 2 (0 when absent).</param>
/// <param name="BitsPerSymbol">Q_m: 2 (QPSK) or 1 (π/2-BPSK).</param>
public readonly record struct PucchUciCodingParameters(
    int TotalRateMatchedLength, int Part1BitCount, int Part2BitCount, int Part1RateMatchedLength, int Part2RateMatchedLength, int BitsPerSymbol)
{
    /// <summary>The CRC length L of a UCI part of <paramref name="a"/> bits (TS 38.212 §6.3.1.2.1).</summary>
    public static int CrcLength(int a) => a <= 11 ? 0 : a <= 19 ? 6 : 11;

    /// <summary>The parameters of <paramref name="sizes"/> on <paramref name="layout"/> (formats 2–4).</summary>
    /// <exception cref="ArgumentException">The layout is not format 2, 3 or 4.</exception>
    public static PucchUciCodingParameters Create(PucchLayout layout, PucchUciSizes sizes)
    {
        ArgumentNullException.ThrowIfNull(layout);
        PucchConfiguration c = layout.Configuration;
        if (c.Format is PucchFormat.Format0 or PucchFormat.Format1)
        {
            throw new ArgumentException($"format {(int)c.Format} carries no coded UCI (TS 38.212 §6.3.1 applies to formats 2, 3 and 4).", nameof(layout));
        }

        int eTot = layout.TotalRateMatchedLength;
        int qm = c.Format != PucchFormat.Format2 && c.Modulation == ModulationScheme.Pi2Bpsk ? 1 : 2;
        int a1 = sizes.Part1BitCount;
        int a2 = sizes.Part2BitCount;
        if (a2 == 0)
        {
            return new PucchUciCodingParameters(eTot, a1, 0, eTot, 0, qm);
        }

        double units = Math.Ceiling((a1 + CrcLength(a1)) / c.MaxCodeRate / qm);
        int e1 = (int)Math.Min(eTot, units * qm);
        return new PucchUciCodingParameters(eTot, a1, a2, e1, eTot - e1, qm);
    }
}
