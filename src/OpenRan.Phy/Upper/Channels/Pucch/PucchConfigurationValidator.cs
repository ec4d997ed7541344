using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.Uci;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Checks a <see cref="PucchConfiguration"/> (and the UCI it is to carry) once, at configuration time: every problem names the
/// field, its value and the valid range (TS 38.211 §6.3.2, TS 38.213 §9.2, TS 38.331 PUCCH-Resource).
/// </summary>
public static class PucchConfigurationValidator
{
    /// <summary>The values of <c>maxCodeRate</c> (TS 38.213 Table 9.2.5.2-1).</summary>
    private static readonly double[] s_maxCodeRates = [0.08, 0.15, 0.25, 0.35, 0.45, 0.60, 0.80];

    /// <summary>The problems of <paramref name="configuration"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(PucchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        PucchConfiguration c = configuration;
        Range(problems, "Numerology", c.Numerology, 0, NrConstants.MaxNumerology);
        Range(problems, "NSizeBwp", c.NSizeBwp, 1, NrConstants.MaxPrb);
        Range(problems, "NStartBwp", c.NStartBwp, 0, 2473);
        Range(problems, "NIdCell", c.NIdCell, 0, NrConstants.MaxCellId);
        Range(problems, "StartSymbol", c.StartSymbol, 0, NrConstants.SymbolsPerSlotNormalCp - 1);
        if (c.HoppingId is int hoppingId)
        {
            Range(problems, "HoppingId", hoppingId, 0, 1023);
        }

        if (!Enum.IsDefined(c.GroupHopping))
        {
            problems.Add($"GroupHopping = {c.GroupHopping} is not neither, enable or disable");
        }

        switch (c.Format)
        {
            case PucchFormat.Format0:
            case PucchFormat.Format2:
                Range(problems, "SymbolCount", c.SymbolCount, 1, 2, $"format {(int)c.Format}");
                break;
            case PucchFormat.Format1:
            case PucchFormat.Format3:
            case PucchFormat.Format4:
                Range(problems, "SymbolCount", c.SymbolCount, 4, 14, $"format {(int)c.Format}");
                break;
            default:
                problems.Add($"Format = {c.Format} is not a PUCCH format; valid: 0..4");
                return problems;
        }

        if (c.StartSymbol + c.SymbolCount > NrConstants.SymbolsPerSlotNormalCp)
        {
            problems.Add($"StartSymbol + SymbolCount = {c.StartSymbol} + {c.SymbolCount} exceeds the {NrConstants.SymbolsPerSlotNormalCp} symbols of the slot");
        }

        switch (c.Format)
        {
            case PucchFormat.Format2:
                Range(problems, "PrbCount", c.PrbCount, 1, 16, "format 2");
                break;
            case PucchFormat.Format3:
                if (c.PrbCount < 1 || c.PrbCount > 16 || !TransformPrecoder.IsValidPrbCount(c.PrbCount))
                {
                    problems.Add($"PrbCount = {c.PrbCount} is out of range; valid for format 3: 1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16 (2^a·3^b·5^c ≤ 16, TS 38.211 §6.3.2.6.4)");
                }

                break;
            default:
                Range(problems, "PrbCount", c.PrbCount, 1, 1, $"format {(int)c.Format}");
                break;
        }

        if (c.NSizeBwp >= 1)
        {
            Range(problems, "StartPrb", c.StartPrb, 0, Math.Max(0, c.NSizeBwp - c.PrbCount), $"{c.PrbCount} PRB(s) in a BWP of {c.NSizeBwp}");
            if (c.SecondHopPrb is int second)
            {
                Range(problems, "SecondHopPrb", second, 0, Math.Max(0, c.NSizeBwp - c.PrbCount), $"{c.PrbCount} PRB(s) in a BWP of {c.NSizeBwp}");
            }
        }

        switch (c.Format)
        {
            case PucchFormat.Format0:
                Range(problems, "InitialCyclicShift", c.InitialCyclicShift, 0, 11);
                break;
            case PucchFormat.Format1:
                Range(problems, "InitialCyclicShift", c.InitialCyclicShift, 0, 11);
                if (c.SymbolCount is >= 4 and <= 14)
                {
                    int maxOcc = MaxTimeDomainOcc(c.SymbolCount, c.IntraSlotFrequencyHopping);
                    Range(problems, "TimeDomainOcc", c.TimeDomainOcc, 0, maxOcc, $"{c.SymbolCount} symbols{(c.IntraSlotFrequencyHopping ? " with hopping" : "")} (TS 38.211 Table 6.3.2.4.1-2)");
                }

                break;
            case PucchFormat.Format2:
                ScramblingIdentities(problems, c);
                if (c.NId0 is int nId0)
                {
                    Range(problems, "NId0", nId0, 0, 65535);
                }

                MaxCodeRate(problems, c);
                break;
            case PucchFormat.Format3:
            case PucchFormat.Format4:
                ScramblingIdentities(problems, c);
                MaxCodeRate(problems, c);
                if (c.Modulation is not (ModulationScheme.Qpsk or ModulationScheme.Pi2Bpsk))
                {
                    problems.Add($"Modulation = {c.Modulation} is out of range; valid for format {(int)c.Format}: Qpsk or Pi2Bpsk");
                }

                if (c.Format == PucchFormat.Format4)
                {
                    if (c.SpreadingFactor is not (2 or 4))
                    {
                        problems.Add($"SpreadingFactor = {c.SpreadingFactor} is out of range; valid: 2 or 4 (occ-Length)");
                    }
                    else
                    {
                        Range(problems, "OccIndex", c.OccIndex, 0, c.SpreadingFactor - 1, $"spreading factor {c.SpreadingFactor}");
                    }
                }

                break;
        }

        return problems;
    }

    /// <summary>The problems of <paramref name="configuration"/> carrying UCI of <paramref name="sizes"/>: the configuration's own, the UCI bit counts the format allows, and whether the coded UCI fits the resource.</summary>
    public static IReadOnlyList<string> Validate(PucchConfiguration configuration, PucchUciSizes sizes)
    {
        var problems = new List<string>(Validate(configuration));
        if (problems.Count > 0)
        {
            return problems;
        }

        PucchConfiguration c = configuration;
        switch (c.Format)
        {
            case PucchFormat.Format0:
            case PucchFormat.Format1:
                Range(problems, "HarqAckBitCount", sizes.HarqAckBitCount, 0, 2, $"format {(int)c.Format}");
                Range(problems, "SrBitCount", sizes.SrBitCount, 0, 1, $"format {(int)c.Format}");
                if (sizes.CsiPart1BitCount != 0 || sizes.CsiPart2BitCount != 0)
                {
                    problems.Add($"CsiPart1BitCount/CsiPart2BitCount = {sizes.CsiPart1BitCount}/{sizes.CsiPart2BitCount}; format {(int)c.Format} carries no CSI (valid: 0)");
                }

                if (sizes.HarqAckBitCount == 0 && sizes.SrBitCount == 0)
                {
                    problems.Add($"HarqAckBitCount + SrBitCount = 0; format {(int)c.Format} carries 1..2 HARQ-ACK bits and/or an SR");
                }

                if (c.Format == PucchFormat.Format1 && sizes.HarqAckBitCount > 0 && sizes.SrBitCount > 0)
                {
                    problems.Add("SrBitCount = 1 with HARQ-ACK on format 1: the SR is conveyed by the choice of resource (TS 38.213 §9.2.5.1), use SrBitCount = 0 on each resource");
                }

                break;
            default:
                Range(problems, "HarqAckBitCount", sizes.HarqAckBitCount, 0, 1706);
                Range(problems, "SrBitCount", sizes.SrBitCount, 0, 4);
                Range(problems, "CsiPart1BitCount", sizes.CsiPart1BitCount, 0, 1706);
                if (c.Format == PucchFormat.Format2)
                {
                    Range(problems, "CsiPart2BitCount", sizes.CsiPart2BitCount, 0, 0, "format 2 (CSI part 2 is carried on formats 3 and 4)");
                }
                else
                {
                    Range(problems, "CsiPart2BitCount", sizes.CsiPart2BitCount, 0, 1706);
                }

                if (sizes.Part1BitCount < 3 || sizes.Part1BitCount > 1706)
                {
                    problems.Add($"UCI part 1 (HARQ-ACK + SR + CSI part 1) = {sizes.Part1BitCount} bits is out of range; valid for format {(int)c.Format}: 3..1706 (formats 2–4 carry more than 2 bits, TS 38.213 §9.2.1; A ≤ 1706, TS 38.212 §5.2.1)");
                }

                if (problems.Count == 0)
                {
                    AddCodingProblems(problems, new PucchLayout(c), sizes);
                }

                break;
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="configuration"/>.</summary>
    public static void ThrowIfInvalid(PucchConfiguration configuration) => Throw(Validate(configuration));

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <paramref name="configuration"/> carrying <paramref name="sizes"/>.</summary>
    public static void ThrowIfInvalid(PucchConfiguration configuration, PucchUciSizes sizes) => Throw(Validate(configuration, sizes));

    /// <summary>The largest time-domain OCC index of a format 1 resource: min of every spreading factor (data and DM-RS, both hops) − 1.</summary>
    internal static int MaxTimeDomainOcc(int symbolCount, bool hopping)
    {
        int min = int.MaxValue;
        for (int hop = 0; hop < (hopping ? 2 : 1); hop++)
        {
            min = Math.Min(min, Ts38211Table6_3_2_4_1_1.SpreadingFactor(symbolCount, hopping, hop));
            min = Math.Min(min, Ts38211Table6_4_1_3_1_1_1.SpreadingFactor(symbolCount, hopping, hop));
        }

        return min - 1;
    }

    private static void AddCodingProblems(List<string> problems, PucchLayout layout, PucchUciSizes sizes)
    {
        PucchUciCodingParameters p;
        try
        {
            p = PucchUciCodingParameters.Create(layout, sizes);
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
            return;
        }

        string resource = string.Create(CultureInfo.InvariantCulture, $"format {(int)layout.Configuration.Format}, {layout.PrbCount} PRB(s), {layout.UciSymbolCount} UCI symbol(s): E_tot = {layout.TotalRateMatchedLength}");
        Fits(problems, "UCI part 1", sizes.Part1BitCount, p.Part1RateMatchedLength, resource);
        if (sizes.Part2BitCount > 0)
        {
            Fits(problems, "UCI part 2 (CSI part 2)", sizes.Part2BitCount, p.Part2RateMatchedLength, resource);
        }
    }

    private static void Fits(List<string> problems, string what, int a, int e, string resource)
    {
        if (a <= 11)
        {
            if (e < a)
            {
                problems.Add($"{what} = {a} bits does not fit the resource: E_UCI = {e} < A ({resource}); use more PRBs or symbols");
            }

            return;
        }

        if (e < 1)
        {
            problems.Add($"{what} = {a} bits gets no rate-matched bits (E_UCI = 0, {resource}); use more PRBs or symbols or a lower maxCodeRate");
            return;
        }

        try
        {
            var parameters = UciPolarParameters.Create(a, e);
            _ = PolarCode.ForUci(parameters.Kr, parameters.Er);
        }
        catch (ArgumentException)
        {
            int crc = a <= 19 ? 6 : 11;
            problems.Add($"{what} = {a} bits (+ CRC{crc}) is too large for the resource: E_UCI = {e} rate-matched bits ({resource}); the polar code needs E_UCI ≥ K (TS 38.212 §5.3.1, §6.3.1.4.1); use more PRBs or symbols");
        }
    }

    private static void ScramblingIdentities(List<string> problems, PucchConfiguration c)
    {
        Range(problems, "NRnti", c.NRnti, 0, 65535);
        if (c.NId is int nId)
        {
            Range(problems, "NId", nId, 0, 1023);
        }
    }

    private static void MaxCodeRate(List<string> problems, PucchConfiguration c)
    {
        foreach (double rate in s_maxCodeRates)
        {
            if (Math.Abs(rate - c.MaxCodeRate) < 1e-9)
            {
                return;
            }
        }

        problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxCodeRate = {c.MaxCodeRate} is out of range; valid: 0.08, 0.15, 0.25, 0.35, 0.45, 0.60, 0.80 (TS 38.213 Table 9.2.5.2-1)"));
    }

    private static void Range(List<string> problems, string field, int value, int min, int max, string? context = null)
    {
        if (value < min || value > max)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{field} = {value} is out of range; valid: {min}..{max}{(context is null ? "" : $" for {context}")}"));
        }
    }

    private static void Throw(IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid PUCCH configuration: {string.Join("; ", problems)}.");
        }
    }
}
