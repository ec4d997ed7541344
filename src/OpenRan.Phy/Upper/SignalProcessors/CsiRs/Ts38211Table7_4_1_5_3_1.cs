using System;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// TS 38.211 Table 7.4.1.5.3-1, "CSI-RS locations within a slot" (Release 17, V17.x; unchanged since Release 15): for each row
/// the number of ports X, the densities, the CDM type, the (k̄, l̄) locations and CDM group indices j (k′ and l′ follow from
/// the CDM type), and the <c>frequencyDomainAllocation</c> bitmap form of §7.4.1.5.3. Typed in from the specification.
/// </summary>
public static class Ts38211Table7_4_1_5_3_1
{
    private static readonly CsiRsRow[] s_rows = Build();

    /// <summary>Rows 1..18 (index 0 is row 1).</summary>
    public static ReadOnlySpan<CsiRsRow> Rows => s_rows;

    /// <summary>Row <paramref name="row"/> (1..18).</summary>
    public static CsiRsRow Row(int row)
    {
        if (row is < 1 or > 18)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, "CSI-RS row number: valid 1..18 (TS 38.211 Table 7.4.1.5.3-1).");
        }

        return s_rows[row - 1];
    }

    private static CsiRsRow[] Build()
    {
        // Location helpers: L0(i, j) = (k_i, l0) with group j; L0p(i, j) = (k_i, l0 + 1); L1(i, j) = (k_i, l1); L1p = (k_i, l1 + 1).
        static CsiRsLocation L0(int i, int j, int kOffset = 0) => new(i, kOffset, false, 0, j);
        static CsiRsLocation L0p(int i, int j) => new(i, 0, false, 1, j);
        static CsiRsLocation L1(int i, int j) => new(i, 0, true, 0, j);
        static CsiRsLocation L1p(int i, int j) => new(i, 0, true, 1, j);

        const CsiRsCdmType No = CsiRsCdmType.NoCdm, Fd2 = CsiRsCdmType.FdCdm2, Cdm4 = CsiRsCdmType.Cdm4Fd2Td2, Cdm8 = CsiRsCdmType.Cdm8Fd2Td4;
        return
        [
            new(1, 1, No, false, 4, 1, 1, [L0(0, 0), L0(0, 0, 4), L0(0, 0, 8)]),
            new(2, 1, No, true, 12, 1, 1, [L0(0, 0)]),
            new(3, 2, Fd2, true, 6, 2, 1, [L0(0, 0)]),
            new(4, 4, Fd2, false, 3, 4, 1, [L0(0, 0), L0(0, 1, 2)]),
            new(5, 4, Fd2, false, 6, 2, 1, [L0(0, 0), L0p(0, 1)]),
            new(6, 8, Fd2, false, 6, 2, 4, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3)]),
            new(7, 8, Fd2, false, 6, 2, 2, [L0(0, 0), L0(1, 1), L0p(0, 2), L0p(1, 3)]),
            new(8, 8, Cdm4, false, 6, 2, 2, [L0(0, 0), L0(1, 1)]),
            new(9, 12, Fd2, false, 6, 2, 6, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3), L0(4, 4), L0(5, 5)]),
            new(10, 12, Cdm4, false, 6, 2, 3, [L0(0, 0), L0(1, 1), L0(2, 2)]),
            new(11, 16, Fd2, true, 6, 2, 4, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3), L0p(0, 4), L0p(1, 5), L0p(2, 6), L0p(3, 7)]),
            new(12, 16, Cdm4, true, 6, 2, 4, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3)]),
            new(13, 24, Fd2, true, 6, 2, 3,
                [L0(0, 0), L0(1, 1), L0(2, 2), L0p(0, 3), L0p(1, 4), L0p(2, 5), L1(0, 6), L1(1, 7), L1(2, 8), L1p(0, 9), L1p(1, 10), L1p(2, 11)]),
            new(14, 24, Cdm4, true, 6, 2, 3, [L0(0, 0), L0(1, 1), L0(2, 2), L1(0, 3), L1(1, 4), L1(2, 5)]),
            new(15, 24, Cdm8, true, 6, 2, 3, [L0(0, 0), L0(1, 1), L0(2, 2)]),
            new(16, 32, Fd2, true, 6, 2, 4,
                [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3), L0p(0, 4), L0p(1, 5), L0p(2, 6), L0p(3, 7),
                 L1(0, 8), L1(1, 9), L1(2, 10), L1(3, 11), L1p(0, 12), L1p(1, 13), L1p(2, 14), L1p(3, 15)]),
            new(17, 32, Cdm4, true, 6, 2, 4, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3), L1(0, 4), L1(1, 5), L1(2, 6), L1(3, 7)]),
            new(18, 32, Cdm8, true, 6, 2, 4, [L0(0, 0), L0(1, 1), L0(2, 2), L0(3, 3)]),
        ];
    }
}
