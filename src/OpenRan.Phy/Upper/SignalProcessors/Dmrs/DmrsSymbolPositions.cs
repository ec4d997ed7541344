using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>
/// DM-RS symbol positions l̄ within the allocation (TS 38.211 Tables 7.4.1.1.2-3/-4 for PDSCH and
/// 6.4.1.1.3-3/-4 for PUSCH without intra-slot frequency hopping).
/// </summary>
public static class DmrsSymbolPositions
{
    /// <summary>
    /// Returns the mask of DM-RS symbols (bit l = OFDM symbol l of the slot), both symbols of a double-symbol DM-RS
    /// included, or throws when the tables have no entry for the configuration.
    /// </summary>
    /// <param name="downlink">true for PDSCH (Tables 7.4.1.1.2-3/-4), false for PUSCH (Tables 6.4.1.1.3-3/-4).</param>
    /// <param name="mapping">Mapping type A or B.</param>
    /// <param name="typeAPosition"><c>dmrs-TypeA-Position</c>: 2 or 3 (type A only).</param>
    /// <param name="startSymbol">First symbol S of the allocation.</param>
    /// <param name="symbolCount">Number of symbols L of the allocation.</param>
    /// <param name="additionalPosition"><c>dmrs-AdditionalPosition</c>: 0..3 (0..1 for double-symbol DM-RS).</param>
    /// <param name="dmrsLength">1 (single-symbol) or 2 (double-symbol).</param>
    /// <remarks>
    /// l̄ counts from l_ref: the slot start (type A) or the allocation start (type B); l0 = typeAPosition (type A) or
    /// 0 (type B). The duration l_d is from the slot start to the allocation end (type A) or the allocation length
    /// (type B). For type A, l1 = 11 in the "l0, l1" entries (the 12 variant of <c>lte-CRS-ToMatchAround</c> is not
    /// modelled).
    /// </remarks>
    public static ushort Mask(bool downlink, SchMappingType mapping, int typeAPosition, int startSymbol, int symbolCount, int additionalPosition, int dmrsLength)
    {
        ReadOnlySpan<int> positions = Positions(downlink, mapping, typeAPosition, startSymbol, symbolCount, additionalPosition, dmrsLength, stackalloc int[4], out int count);
        int reference = mapping == SchMappingType.A ? 0 : startSymbol;
        int mask = 0;
        for (int i = 0; i < count; i++)
        {
            int l = reference + positions[i];
            mask |= 1 << l;
            if (dmrsLength == 2)
            {
                mask |= 1 << (l + 1);
            }
        }

        return (ushort)mask;
    }

    /// <summary>
    /// Writes the l̄ values (relative to l_ref) of the configuration into <paramref name="buffer"/> and returns them;
    /// see <see cref="Mask"/> for the parameters.
    /// </summary>
    public static ReadOnlySpan<int> Positions(bool downlink, SchMappingType mapping, int typeAPosition, int startSymbol, int symbolCount, int additionalPosition, int dmrsLength, Span<int> buffer, out int count)
    {
        ThrowHelper.ThrowIfOutside(dmrsLength, 1, 2);
        ThrowHelper.ThrowIfOutside(additionalPosition, 0, dmrsLength == 1 ? 3 : 1);
        ThrowHelper.ThrowIfOutside(startSymbol, 0, 13);
        ThrowHelper.ThrowIfOutside(symbolCount, 1, 14 - startSymbol);
        if (mapping == SchMappingType.A)
        {
            ThrowHelper.ThrowIfOutside(typeAPosition, 2, 3);
        }

        int ld = mapping == SchMappingType.A ? startSymbol + symbolCount : symbolCount;
        int l0 = mapping == SchMappingType.A ? typeAPosition : 0;
        ReadOnlySpan<int> extra = dmrsLength == 1
            ? (downlink ? SingleDownlink(mapping, ld, additionalPosition) : SingleUplink(mapping, ld, additionalPosition))
            : (downlink ? DoubleDownlink(mapping, ld, additionalPosition) : DoubleUplink(mapping, ld, additionalPosition));
        if (extra.Length == 1 && extra[0] < 0)
        {
            throw new ArgumentException(
                $"no DM-RS position for mapping type {mapping}, duration l_d = {ld}, dmrs-AdditionalPosition = {additionalPosition}, {(dmrsLength == 1 ? "single" : "double")}-symbol DM-RS ({(downlink ? "TS 38.211 Table 7.4.1.1.2-" + (dmrsLength == 1 ? "3" : "4") : "TS 38.211 Table 6.4.1.1.3-" + (dmrsLength == 1 ? "3" : "4"))}).",
                nameof(symbolCount));
        }

        buffer[0] = l0;
        count = 1;
        foreach (int l in extra)
        {
            if (l > 0)
            {
                buffer[count++] = l;
            }
        }

        return buffer[..count];
    }

    // The tables below list the positions after l0 (0 = none); a single −1 marks "no entry" in the specification.
    private static ReadOnlySpan<int> SingleDownlink(SchMappingType mapping, int ld, int pos)
    {
        if (mapping == SchMappingType.A)
        {
            // Table 7.4.1.1.2-3, PDSCH mapping type A, l_d = 3..14.
            return SingleTypeA(ld, pos, minimumDuration: 3);
        }

        // Table 7.4.1.1.2-3, PDSCH mapping type B, l_d = 2..13.
        return (ld, pos) switch
        {
            (< 2, _) => [-1],
            (_, 0) or (<= 4, _) => [0],
            (<= 7, _) => [4],
            (8, 1) => [6],
            (8, _) => [3, 6],
            (9 or 10, 1) => [7],
            (9 or 10, _) => [4, 7],
            (11, 1) => [8],
            (11, 2) => [4, 8],
            (11, _) => [3, 6, 9],
            (_, 1) => [9],
            (_, 2) => [5, 9],
            _ => [3, 6, 9],
        };
    }

    private static ReadOnlySpan<int> SingleUplink(SchMappingType mapping, int ld, int pos)
    {
        if (mapping == SchMappingType.A)
        {
            // Table 6.4.1.1.3-3, PUSCH mapping type A, l_d = 4..14.
            return SingleTypeA(ld, pos, minimumDuration: 4);
        }

        // Table 6.4.1.1.3-3, PUSCH mapping type B, l_d = 1..14.
        return (ld, pos) switch
        {
            (_, 0) or (<= 4, _) => [0],
            (<= 7, _) => [4],
            (8 or 9, 1) => [6],
            (8 or 9, _) => [3, 6],
            (10 or 11, 1) => [8],
            (10 or 11, 2) => [4, 8],
            (10 or 11, _) => [3, 6, 9],
            (_, 1) => [10],
            (_, 2) => [5, 10],
            _ => [3, 6, 9],
        };
    }

    /// <summary>Mapping type A, single-symbol: Tables 7.4.1.1.2-3 and 6.4.1.1.3-3 agree from their first duration on.</summary>
    private static ReadOnlySpan<int> SingleTypeA(int ld, int pos, int minimumDuration) => (ld, pos) switch
    {
        _ when ld < minimumDuration => [-1],
        (_, 0) or (<= 7, _) => [0],
        (8 or 9, _) => [7],
        (10 or 11 or 12, 1) => [9],
        (10 or 11, _) or (12, 2) => [6, 9],
        (12, _) => [5, 8, 11],
        (_, 1) => [11],
        (_, 2) => [7, 11],
        _ => [5, 8, 11],
    };

    private static ReadOnlySpan<int> DoubleDownlink(SchMappingType mapping, int ld, int pos)
    {
        if (mapping == SchMappingType.A)
        {
            return DoubleTypeA(ld, pos);
        }

        // Table 7.4.1.1.2-4, PDSCH mapping type B, l_d = 5..13.
        return DoubleTypeB(ld, pos, last: 8);
    }

    private static ReadOnlySpan<int> DoubleUplink(SchMappingType mapping, int ld, int pos)
    {
        if (mapping == SchMappingType.A)
        {
            return DoubleTypeA(ld, pos);
        }

        // Table 6.4.1.1.3-4, PUSCH mapping type B, l_d = 5..14.
        return DoubleTypeB(ld, pos, last: 9);
    }

    /// <summary>Mapping type A, double-symbol (Tables 7.4.1.1.2-4 and 6.4.1.1.3-4 agree), l_d = 4..14.</summary>
    private static ReadOnlySpan<int> DoubleTypeA(int ld, int pos) => (ld, pos) switch
    {
        (< 4, _) => [-1],
        (_, 0) or (<= 9, _) => [0],
        (<= 12, _) => [8],
        _ => [10],
    };

    /// <summary>Mapping type B, double-symbol: l0, then 5 (l_d 8–9), 7 (l_d 10–11), then <paramref name="last"/>.</summary>
    private static ReadOnlySpan<int> DoubleTypeB(int ld, int pos, int last) => (ld, pos) switch
    {
        (< 5, _) => [-1],
        (_, 0) or (<= 7, _) => [0],
        (<= 9, _) => [5],
        (<= 11, _) => [7],
        _ => last == 8 ? [8] : [9],
    };
}
