using System;
using OpenRan.Engine.Configuration;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// A row of TS 38.213 Table 9.2.1-1 (<c>pucch-ResourceCommon</c> of TS 38.331 PUCCH-ConfigCommon): the PUCCH resource set a
/// UE uses for HARQ-ACK before it has a dedicated PUCCH configuration (the Msg4's, TS 38.213 §8.4): PUCCH format, first
/// symbol, number of symbols, PRB offset RB_BWP^offset and the set of initial cyclic shift indexes. Of its sixteen
/// resources the DCI picks r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI (TS 38.213 §9.2.1), always with intra-slot frequency
/// hopping (no useInterlacePUCCH-PUSCH) and, for format 1, orthogonal cover code index 0.
/// </summary>
/// <param name="Index">The row, 0..15.</param>
/// <param name="Format">PUCCH format 0 or 1.</param>
/// <param name="FirstSymbol">The first symbol in the slot.</param>
/// <param name="SymbolCount">The number of symbols.</param>
/// <param name="PrbOffset">RB_BWP^offset (row 15: ⌊N_BWP^size/4⌋).</param>
/// <param name="CyclicShiftCount">N_CS, the number of initial cyclic shift indexes.</param>
/// <param name="BwpSize">N_BWP^size of the initial uplink BWP.</param>
public sealed record PucchResourceCommon(int Index, int Format, int FirstSymbol, int SymbolCount, int PrbOffset, int CyclicShiftCount, int BwpSize)
{
    /// <summary>The number of resources of a row (r_PUCCH = 0..15).</summary>
    public const int ResourceCount = 16;

    /// <summary>The row <paramref name="index"/> of TS 38.213 Table 9.2.1-1 for an initial uplink BWP of <paramref name="bwpSize"/> PRBs.</summary>
    public static PucchResourceCommon Row(int index, int bwpSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        ArgumentOutOfRangeException.ThrowIfLessThan(bwpSize, 1);
        return index switch
        {
            0 => new(0, 0, 12, 2, 0, 2, bwpSize),
            1 => new(1, 0, 12, 2, 0, 3, bwpSize),
            2 => new(2, 0, 12, 2, 3, 3, bwpSize),
            3 => new(3, 1, 10, 4, 0, 2, bwpSize),
            4 => new(4, 1, 10, 4, 0, 4, bwpSize),
            5 => new(5, 1, 10, 4, 2, 4, bwpSize),
            6 => new(6, 1, 10, 4, 4, 4, bwpSize),
            7 => new(7, 1, 4, 10, 0, 2, bwpSize),
            8 => new(8, 1, 4, 10, 0, 4, bwpSize),
            9 => new(9, 1, 4, 10, 2, 4, bwpSize),
            10 => new(10, 1, 4, 10, 4, 4, bwpSize),
            11 => new(11, 1, 0, 14, 0, 2, bwpSize),
            12 => new(12, 1, 0, 14, 0, 4, bwpSize),
            13 => new(13, 1, 0, 14, 2, 4, bwpSize),
            14 => new(14, 1, 0, 14, 4, 4, bwpSize),
            _ => new(15, 1, 0, 14, bwpSize / 4, 4, bwpSize),
        };
    }

    /// <summary>r_PUCCH = ⌊2·n_CCE,0/N_CCE⌋ + 2·Δ_PRI (TS 38.213 §9.2.1), 0..15.</summary>
    /// <param name="firstCce">n_CCE,0, the first CCE of the PDCCH with the DCI.</param>
    /// <param name="cceCount">N_CCE, the CCEs of its CORESET.</param>
    /// <param name="pucchResourceIndicator">Δ_PRI, the DCI's PUCCH resource indicator (0..7).</param>
    public static int ResourceIndex(int firstCce, int cceCount, int pucchResourceIndicator) => (2 * firstCce / cceCount) + (2 * pucchResourceIndicator);

    /// <summary>
    /// The initial cyclic shift index of resource r_PUCCH: the element of the row's set at position r_PUCCH mod N_CS
    /// ((r_PUCCH − 8) mod N_CS from 8 on).
    /// </summary>
    public int InitialCyclicShift(int rPucch) => CyclicShiftSet(Relative(rPucch) % CyclicShiftCount);

    /// <summary>
    /// The lowest PRB of the first and of the second hop of resource r_PUCCH (TS 38.213 §9.2.1, N_RB = 1): for r_PUCCH &lt; 8,
    /// RB_offset + ⌊r/N_CS⌋ then N_size − RB_offset − 1 − ⌊r/N_CS⌋; from 8 on the two swapped with r − 8.
    /// </summary>
    public (int FirstHop, int SecondHop) Prbs(int rPucch)
    {
        int k = Relative(rPucch) / CyclicShiftCount;
        int low = PrbOffset + k;
        int high = BwpSize - PrbOffset - 1 - k;
        return rPucch < 8 ? (low, high) : (high, low);
    }

    /// <summary>The PUCCH configuration of resource r_PUCCH for the cell (group hopping neither, hopping ID N_ID^cell, OCC 0).</summary>
    public PucchConfiguration Configuration(CellSetup cell, int rPucch)
    {
        ArgumentNullException.ThrowIfNull(cell);
        (int first, int second) = Prbs(rPucch);
        return new PucchConfiguration
        {
            Format = (PucchFormat)Format,
            Numerology = cell.Numerology.Mu,
            NStartBwp = 0,
            NSizeBwp = BwpSize,
            NIdCell = cell.Pci,
            StartSymbol = FirstSymbol,
            SymbolCount = SymbolCount,
            StartPrb = first,
            SecondHopPrb = second,
            PrbCount = 1,
            GroupHopping = PucchGroupHopping.Neither,
            InitialCyclicShift = InitialCyclicShift(rPucch),
            TimeDomainOcc = 0,
        };
    }

    private static int Relative(int rPucch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rPucch);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rPucch, 15);
        return rPucch < 8 ? rPucch : rPucch - 8;
    }

    private int CyclicShiftSet(int position) => CyclicShiftCount switch
    {
        2 => Format == 0 ? 3 * position : 6 * position, // {0, 3} (format 0) or {0, 6} (format 1)
        3 => 4 * position, // {0, 4, 8}
        _ => 3 * position, // {0, 3, 6, 9}
    };
}
