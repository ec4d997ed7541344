using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// The UCI a PUSCH carries (TS 38.212 §6.2.7, §6.3.2; TS 38.213 §9.3): the bit counts O_ACK, O_CSI-1 and O_CSI-2, the β_offset
/// indices of TS 38.213 Tables 9.3-1 and 9.3-2, the <c>scaling</c> α of <c>UCI-OnPUSCH</c> (TS 38.331), and whether the PUSCH
/// carries UL-SCH data as well. Immutable; see <see cref="Validate"/>.
/// </summary>
/// <remarks>
/// A HARQ-ACK of 0, 1 or 2 bits reserves the resource elements of a 2-bit HARQ-ACK (TS 38.212 §6.2.7 step 1); UL-SCH
/// and CSI part 2 are mapped over them and the HARQ-ACK, when present, punctures them (step 5). Frequency hopping and
/// CG-UCI are not modelled. The UCI bits themselves are per-slot arguments of the processors.
/// </remarks>
public sealed record PuschUciConfiguration
{
    /// <summary>Largest UCI part A (TS 38.212 §5.2.1).</summary>
    public const int MaxPartBitCount = 1706;

    /// <summary>O_ACK, HARQ-ACK bits, 0..1706.</summary>
    public int HarqAckBitCount { get; init; }

    /// <summary>O_CSI-1, CSI part 1 bits, 0..1706.</summary>
    public int CsiPart1BitCount { get; init; }

    /// <summary>O_CSI-2, CSI part 2 bits, 0..1706 (only with CSI part 1).</summary>
    public int CsiPart2BitCount { get; init; }

    /// <summary>I_offset^HARQ-ACK, 0..15 (TS 38.213 Table 9.3-1). Used for the reserved resource elements even without HARQ-ACK.</summary>
    public int BetaOffsetHarqAckIndex { get; init; }

    /// <summary>I_offset^CSI-1, 0..18 (TS 38.213 Table 9.3-2).</summary>
    public int BetaOffsetCsiPart1Index { get; init; }

    /// <summary>I_offset^CSI-2, 0..18 (TS 38.213 Table 9.3-2).</summary>
    public int BetaOffsetCsiPart2Index { get; init; }

    /// <summary>α, the <c>scaling</c> of UCI-OnPUSCH: 0.5, 0.65, 0.8 or 1 (TS 38.212 §6.3.2.4). Default 1.</summary>
    public double Scaling { get; init; } = 1.0;

    /// <summary>Whether the PUSCH carries an UL-SCH transport block with the UCI (false: UCI only, TS 38.212 §6.3.2.4.2).</summary>
    public bool UlschPresent { get; init; } = true;

    /// <summary>β_offset^HARQ-ACK of <see cref="BetaOffsetHarqAckIndex"/>.</summary>
    public double BetaOffsetHarqAck => Ts38213Table9_3_1.BetaOffset(BetaOffsetHarqAckIndex);

    /// <summary>β_offset^CSI-1 of <see cref="BetaOffsetCsiPart1Index"/>.</summary>
    public double BetaOffsetCsiPart1 => Ts38213Table9_3_2.BetaOffset(BetaOffsetCsiPart1Index);

    /// <summary>β_offset^CSI-2 of <see cref="BetaOffsetCsiPart2Index"/>.</summary>
    public double BetaOffsetCsiPart2 => Ts38213Table9_3_2.BetaOffset(BetaOffsetCsiPart2Index);

    /// <summary>α as a number of hundredths (50, 65, 80 or 100), so ⌈α·x⌉ is computed exactly.</summary>
    internal int ScalingPercent => (int)System.Math.Round(Scaling * 100);

    /// <summary>Whether any UCI bit is carried.</summary>
    public bool HasUci => HarqAckBitCount + CsiPart1BitCount + CsiPart2BitCount > 0;

    /// <summary>The problems of this configuration, each naming the field, its value and the valid range; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        Range(problems, "Uci.HarqAckBitCount", HarqAckBitCount, 0, MaxPartBitCount);
        Range(problems, "Uci.CsiPart1BitCount", CsiPart1BitCount, 0, MaxPartBitCount);
        Range(problems, "Uci.CsiPart2BitCount", CsiPart2BitCount, 0, MaxPartBitCount);
        Range(problems, "Uci.BetaOffsetHarqAckIndex", BetaOffsetHarqAckIndex, 0, Ts38213Table9_3_1.MaxIndex, " (TS 38.213 Table 9.3-1; 16..31 are reserved)");
        Range(problems, "Uci.BetaOffsetCsiPart1Index", BetaOffsetCsiPart1Index, 0, Ts38213Table9_3_2.MaxIndex, " (TS 38.213 Table 9.3-2; 19..31 are reserved)");
        Range(problems, "Uci.BetaOffsetCsiPart2Index", BetaOffsetCsiPart2Index, 0, Ts38213Table9_3_2.MaxIndex, " (TS 38.213 Table 9.3-2; 19..31 are reserved)");
        if (Scaling is not (0.5 or 0.65 or 0.8 or 1.0))
        {
            problems.Add($"Uci.Scaling = {Scaling}; valid: 0.5, 0.65, 0.8, 1 (α of UCI-OnPUSCH scaling, TS 38.331)");
        }

        if (CsiPart2BitCount > 0 && CsiPart1BitCount == 0)
        {
            problems.Add($"Uci.CsiPart2BitCount = {CsiPart2BitCount} needs CSI part 1 (Uci.CsiPart1BitCount ≥ 1; TS 38.212 §6.3.2.1.2)");
        }

        if (!UlschPresent && !HasUci)
        {
            problems.Add("Uci.UlschPresent = false needs UCI (HarqAckBitCount, CsiPart1BitCount or CsiPart2BitCount ≥ 1)");
        }

        return problems;
    }

    private static void Range(List<string> problems, string name, int value, int min, int max, string note = "")
    {
        if (value < min || value > max)
        {
            problems.Add($"{name} = {value}; valid: {min}..{max}{note}");
        }
    }
}
