using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Resource elements a PDSCH or PUSCH is rate-matched around (TS 38.211 §7.3.1.5, §6.3.1.6; TS 38.214 §5.1.4): SS/PBCH
/// blocks, CORESETs, CSI-RS, <c>RateMatchPattern</c>s. A pattern is a set of OFDM symbols times a set of subcarriers,
/// the subcarriers given either per common resource block with a 12-bit mask within each block, or as a contiguous
/// range of subcarriers counted from subcarrier 0 of common resource block 0 (for blocks not aligned to resource
/// blocks, such as an SS/PBCH block with k_SSB ≠ 0).
/// </summary>
public sealed record ReservedResource
{
    private readonly int[] _commonResourceBlocks = [];

    /// <summary>Bit l set: OFDM symbol l of the slot is covered (bits 0..13).</summary>
    public int SymbolMask { get; init; }

    /// <summary>Common resource blocks covered (per-block form); empty in the range form.</summary>
    public IReadOnlyList<int> CommonResourceBlocks
    {
        get => _commonResourceBlocks;
        init => _commonResourceBlocks = [.. value];
    }

    /// <summary>Bit k set: subcarrier k (0..11) of each listed block is covered; 0xFFF for whole blocks.</summary>
    public int SubcarrierMask { get; init; } = 0xFFF;

    /// <summary>First subcarrier of the range form, counted from subcarrier 0 of common resource block 0; −1 in the per-block form.</summary>
    public int FirstSubcarrier { get; init; } = -1;

    /// <summary>Number of subcarriers of the range form.</summary>
    public int SubcarrierCount { get; init; }

    /// <summary>Whole common resource blocks on the given symbols (a rate-matching pattern, a CORESET).</summary>
    public static ReservedResource Blocks(IEnumerable<int> commonResourceBlocks, int symbolMask, int subcarrierMask = 0xFFF) =>
        new() { CommonResourceBlocks = [.. commonResourceBlocks], SymbolMask = symbolMask, SubcarrierMask = subcarrierMask };

    /// <summary>A contiguous subcarrier range on the given symbols (an SS/PBCH block: 240 subcarriers × 4 symbols).</summary>
    public static ReservedResource Range(int firstSubcarrier, int subcarrierCount, int symbolMask) =>
        new() { FirstSubcarrier = firstSubcarrier, SubcarrierCount = subcarrierCount, SymbolMask = symbolMask };

    /// <summary>Whether resource element (symbol l, subcarrier k counted from CRB 0) is covered.</summary>
    public bool Covers(int symbol, int k)
    {
        if (((SymbolMask >> symbol) & 1) == 0)
        {
            return false;
        }

        if (FirstSubcarrier >= 0)
        {
            return k >= FirstSubcarrier && k < FirstSubcarrier + SubcarrierCount;
        }

        return ((SubcarrierMask >> (k % 12)) & 1) != 0 && Array.IndexOf(_commonResourceBlocks, k / 12) >= 0;
    }

    /// <summary>The problems of this pattern; empty when valid.</summary>
    public IReadOnlyList<string> Validate(string name)
    {
        var problems = new List<string>();
        if (SymbolMask is <= 0 or >= 1 << 14)
        {
            problems.Add($"{name}.SymbolMask = 0x{SymbolMask:X}; valid: a non-empty subset of symbols 0..13 (0x1..0x3FFF)");
        }

        if (FirstSubcarrier >= 0)
        {
            if (SubcarrierCount <= 0 || FirstSubcarrier + SubcarrierCount > 275 * 12 * 8)
            {
                problems.Add($"{name}.SubcarrierCount = {SubcarrierCount}; valid: ≥ 1 within the carrier");
            }
        }
        else
        {
            if (_commonResourceBlocks.Length == 0 || _commonResourceBlocks.Any(c => c is < 0 or > 2474))
            {
                problems.Add($"{name}.CommonResourceBlocks must be a non-empty list of blocks 0..2474");
            }

            if (SubcarrierMask is <= 0 or > 0xFFF)
            {
                problems.Add($"{name}.SubcarrierMask = 0x{SubcarrierMask:X}; valid: 0x1..0xFFF");
            }
        }

        return problems;
    }

    /// <summary>Value equality including the block list.</summary>
    public bool Equals(ReservedResource? other) =>
        other is not null && SymbolMask == other.SymbolMask && SubcarrierMask == other.SubcarrierMask && FirstSubcarrier == other.FirstSubcarrier
        && SubcarrierCount == other.SubcarrierCount && _commonResourceBlocks.SequenceEqual(other._commonResourceBlocks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SymbolMask, SubcarrierMask, FirstSubcarrier, SubcarrierCount, _commonResourceBlocks.Length);
}
