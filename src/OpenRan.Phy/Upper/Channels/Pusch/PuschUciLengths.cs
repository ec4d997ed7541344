using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.ChannelCoding.Uci;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// The rate-matched lengths of UCI on PUSCH (TS 38.212 §6.3.2.4): E_UCI = N_L·Q′·Q_m of the HARQ-ACK, of the resource
/// elements reserved for a HARQ-ACK of up to 2 bits, of CSI part 1 and CSI part 2, and G_UL-SCH, the coded bits left for
/// the UL-SCH (TS 38.212 §6.2.7).
/// </summary>
/// <remarks>
/// With UL-SCH (§6.3.2.4.1): Q′_ACK = min(⌈(O_ACK + L_ACK)·β^HARQ-ACK·Σ_l M_sc^UCI(l) / Σ_r K_r⌉, ⌈α·Σ_(l ≥ l0) M_sc^UCI(l)⌉);
/// Q′_CSI-1 = min(⌈(O_CSI-1 + L)·β^CSI-1·Σ M / Σ K_r⌉, ⌈α·Σ M⌉ − Q′_ACK); Q′_CSI-2 = min(⌈(O_CSI-2 + L)·β^CSI-2·Σ M / Σ K_r⌉,
/// ⌈α·Σ M⌉ − Q′_ACK − Q′_CSI-1), where K_r is the r-th UL-SCH code block size (K of TS 38.212 §5.2.2, filler bits
/// included), M_sc^UCI(l) the data resource elements of symbol l (0 on DM-RS symbols), l0 the first symbol after the
/// first DM-RS symbols, and Q′_ACK in the CSI terms the reserved count when O_ACK ≤ 2 (for CSI part 2: 0). Without
/// UL-SCH (§6.3.2.4.2) the first terms are ⌈(O + L)·β / (Q_m·R)⌉ and CSI part 1 without part 2, or CSI part 2, take
/// every remaining resource element. The reserved count uses O_ACK = 2 (§6.2.7 step 1). L is the CRC length of the part
/// (0 for A ≤ 11, 6 for 12..19, 11 above). α·x is computed exactly in hundredths.
/// </remarks>
/// <param name="HarqAck">G^ACK = N_L·Q′_ACK·Q_m (0 without HARQ-ACK).</param>
/// <param name="HarqAckReserved">G^ACK,rvd of the reserved resource elements (0 when O_ACK &gt; 2).</param>
/// <param name="CsiPart1">G^CSI-part1.</param>
/// <param name="CsiPart2">G^CSI-part2.</param>
/// <param name="Ulsch">G^UL-SCH (0 without UL-SCH).</param>
public readonly record struct PuschUciLengths(int HarqAck, int HarqAckReserved, int CsiPart1, int CsiPart2, int Ulsch)
{
    /// <summary>The lengths of <paramref name="uci"/> on <paramref name="layout"/>.</summary>
    /// <param name="uci">The UCI configuration (valid).</param>
    /// <param name="layout">The PUSCH layout.</param>
    /// <param name="layerCount">N_L.</param>
    /// <param name="bitsPerSymbol">Q_m.</param>
    /// <param name="codeRate">R, the target code rate of the MCS (used without UL-SCH).</param>
    /// <param name="codeBlockBits">Σ_r K_r of the UL-SCH (used with UL-SCH).</param>
    public static PuschUciLengths Compute(PuschUciConfiguration uci, SharedChannelLayout layout, int layerCount, int bitsPerSymbol, double codeRate, long codeBlockBits)
    {
        ArgumentNullException.ThrowIfNull(uci);
        ArgumentNullException.ThrowIfNull(layout);
        long all = 0, fromL0 = 0;
        int l0 = HarqAckStartSymbol(layout);
        for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
        {
            int m = UciResourceElementCount(layout, l);
            all += m;
            fromL0 += l >= l0 ? m : 0;
        }

        int percent = uci.ScalingPercent;
        long alphaAll = ((percent * all) + 99) / 100;
        long alphaFromL0 = ((percent * fromL0) + 99) / 100;
        bool ulsch = uci.UlschPresent;
        long Symbols(int bits, double beta)
        {
            double o = bits + UciCrcLength(bits);
            return ulsch
                ? (long)Math.Ceiling(o * beta * all / codeBlockBits)
                : (long)Math.Ceiling(o * beta / (bitsPerSymbol * codeRate));
        }

        int oAck = uci.HarqAckBitCount;
        long qAck = oAck == 0 ? 0 : Math.Min(Symbols(oAck, uci.BetaOffsetHarqAck), alphaFromL0);
        long qReserved = oAck <= 2 ? Math.Min(Symbols(2, uci.BetaOffsetHarqAck), alphaFromL0) : 0;
        long qAckForCsi1 = oAck > 2 ? qAck : qReserved;
        long qAckForCsi2 = oAck > 2 ? qAck : 0;
        long qCsi1 = 0, qCsi2 = 0;
        if (uci.CsiPart1BitCount > 0)
        {
            qCsi1 = ulsch
                ? Math.Min(Symbols(uci.CsiPart1BitCount, uci.BetaOffsetCsiPart1), alphaAll - qAckForCsi1)
                : uci.CsiPart2BitCount > 0 ? Math.Min(Symbols(uci.CsiPart1BitCount, uci.BetaOffsetCsiPart1), all - qAckForCsi1) : all - qAckForCsi1;
            qCsi1 = Math.Max(qCsi1, 0);
        }

        if (uci.CsiPart2BitCount > 0)
        {
            qCsi2 = ulsch
                ? Math.Min(Symbols(uci.CsiPart2BitCount, uci.BetaOffsetCsiPart2), alphaAll - qAckForCsi2 - qCsi1)
                : all - qAckForCsi2 - qCsi1;
            qCsi2 = Math.Max(qCsi2, 0);
        }

        int unit = layerCount * bitsPerSymbol;
        int g = layout.DataResourceElementCount * unit;
        long ulschBits = ulsch ? g - (unit * (qCsi1 + qCsi2 + (oAck > 2 ? qAck : 0))) : 0;
        return new PuschUciLengths((int)(unit * qAck), (int)(unit * qReserved), (int)(unit * qCsi1), (int)(unit * qCsi2), (int)Math.Max(ulschBits, 0));
    }

    /// <summary>L, the CRC length of a UCI part of <paramref name="bits"/> bits (TS 38.212 §6.3.2.2: 0, 6 or 11).</summary>
    public static int UciCrcLength(int bits) => bits <= 11 ? 0 : bits <= 19 ? 6 : 11;

    /// <summary>M_sc^UCI(l): the data resource elements of symbol <paramref name="symbol"/>, 0 on a DM-RS symbol (TS 38.212 §6.2.7).</summary>
    public static int UciResourceElementCount(SharedChannelLayout layout, int symbol)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (((layout.DmrsSymbolMask >> symbol) & 1) != 0)
        {
            return 0;
        }

        int count = 0;
        foreach (DataRun run in layout.DataRuns(symbol))
        {
            count += run.Length;
        }

        return count;
    }

    /// <summary>l^(1) = l0: the first symbol after the first run of consecutive DM-RS symbols (where HARQ-ACK starts).</summary>
    public static int HarqAckStartSymbol(SharedChannelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int l = layout.FirstDmrsSymbol;
        while (l < layout.StartSymbol + layout.SymbolCount && ((layout.DmrsSymbolMask >> l) & 1) != 0)
        {
            l++;
        }

        return l;
    }

    /// <summary>l_CSI^(1): the first symbol of the allocation that carries no DM-RS (where CSI starts).</summary>
    public static int CsiStartSymbol(SharedChannelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int l = layout.StartSymbol;
        while (l < layout.StartSymbol + layout.SymbolCount && ((layout.DmrsSymbolMask >> l) & 1) != 0)
        {
            l++;
        }

        return l;
    }

    /// <summary>Adds the problems of coding each UCI part in its length: at least A coded bits for a small block, and the polar limits (TS 38.212 §5.3.1, §5.4.1).</summary>
    internal void AddProblems(PuschUciConfiguration uci, List<string> problems)
    {
        AddPartProblems("HARQ-ACK", "Uci.HarqAckBitCount", uci.HarqAckBitCount, HarqAck, problems);
        AddPartProblems("CSI part 1", "Uci.CsiPart1BitCount", uci.CsiPart1BitCount, CsiPart1, problems);
        AddPartProblems("CSI part 2", "Uci.CsiPart2BitCount", uci.CsiPart2BitCount, CsiPart2, problems);
    }

    private static void AddPartProblems(string part, string field, int a, int e, List<string> problems)
    {
        if (a == 0)
        {
            return;
        }

        if (a <= 11)
        {
            if (e < a)
            {
                problems.Add($"{field} = {a}: the {part} gets E_UCI = {e} coded bits on this PUSCH, fewer than its {a} bits (TS 38.212 §6.3.2.4); valid: at most {e} bits, or more resource elements or a larger β_offset/α");
            }

            return;
        }

        if (e > 2 * PolarCode.MaxRateMatchedLength)
        {
            problems.Add($"{field} = {a}: the {part} gets E_UCI = {e} coded bits, above the polar limit of {2 * PolarCode.MaxRateMatchedLength} (2 code blocks × {PolarCode.MaxRateMatchedLength}, TS 38.212 §5.4.1); use a smaller allocation, β_offset or α");
            return;
        }

        var p = UciPolarParameters.Create(a, Math.Max(e, 1));
        int nPc = p.Kr is >= 18 and <= 25 ? 3 : 0;
        if (p.Er < p.Kr + nPc || p.Er > PolarCode.MaxRateMatchedLength)
        {
            int min = p.C * (p.Kr + nPc);
            problems.Add($"{field} = {a}: the {part} gets E_UCI = {e} coded bits on this PUSCH; polar coding needs {min}..{p.C * PolarCode.MaxRateMatchedLength} (C = {p.C} block(s) of K_r = {p.Kr}, TS 38.212 §5.3.1, §6.3.2.4); the UCI is too large for the resource");
        }
    }
}
