using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.2-1 (Release 17): supported combinations of Δf_RA and Δf (the PUSCH subcarrier spacing) with
/// N_RB^RA (the PRACH allocation in resource blocks of Δf) and k̄. Source of the numbers: the specification table (the
/// L_RA = 139 rows all have k̄ = 2; the L_RA = 571/1151 rows of Release 16 and the 480/960 kHz rows of Release 17 are not
/// included).
/// </summary>
public static class Ts38211Table6_3_3_2_1
{
    private static readonly (int LRa, int DeltaFRaHz, int DeltaFKhz, int NRbRa, int KBar)[] s_rows =
    [
        (839, 1250, 15, 6, 7),
        (839, 1250, 30, 3, 1),
        (839, 1250, 60, 2, 133),
        (839, 5000, 15, 24, 12),
        (839, 5000, 30, 12, 10),
        (839, 5000, 60, 6, 7),
        (139, 15000, 15, 12, 2),
        (139, 15000, 30, 6, 2),
        (139, 15000, 60, 3, 2),
        (139, 30000, 15, 24, 2),
        (139, 30000, 30, 12, 2),
        (139, 30000, 60, 6, 2),
        (139, 60000, 60, 12, 2),
        (139, 60000, 120, 6, 2),
        (139, 120000, 60, 24, 2),
        (139, 120000, 120, 12, 2),
    ];

    /// <summary>Whether the combination exists.</summary>
    public static bool TryGet(int sequenceLength, double prachSubcarrierSpacingHz, int puschSubcarrierSpacingKhz, out int nRbRa, out int kBar)
    {
        foreach (var row in s_rows)
        {
            if (row.LRa == sequenceLength && row.DeltaFRaHz == prachSubcarrierSpacingHz && row.DeltaFKhz == puschSubcarrierSpacingKhz)
            {
                nRbRa = row.NRbRa;
                kBar = row.KBar;
                return true;
            }
        }

        nRbRa = 0;
        kBar = 0;
        return false;
    }

    /// <summary>N_RB^RA and k̄ for the combination; throws naming the PUSCH subcarrier spacing and the allowed ones.</summary>
    public static (int NRbRa, int KBar) Get(int sequenceLength, double prachSubcarrierSpacingHz, int puschSubcarrierSpacingKhz)
    {
        if (!TryGet(sequenceLength, prachSubcarrierSpacingHz, puschSubcarrierSpacingKhz, out int n, out int k))
        {
            string allowed = string.Join(", ", System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(s_rows, r => r.LRa == sequenceLength && r.DeltaFRaHz == prachSubcarrierSpacingHz),
                r => r.DeltaFKhz.ToString(CultureInfo.InvariantCulture)));
            ThrowHelper.ThrowOutOfRange(
                nameof(puschSubcarrierSpacingKhz),
                puschSubcarrierSpacingKhz,
                string.Create(CultureInfo.InvariantCulture, $"{(allowed.Length == 0 ? "none" : allowed + " kHz")} for L_RA {sequenceLength} at Δf_RA {prachSubcarrierSpacingHz / 1e3:G4} kHz (TS 38.211 Table 6.3.3.2-1)"));
        }

        return (n, k);
    }
}
