using System;

namespace OpenRan.Phy.Upper.SignalProcessors.CsiRs;

/// <summary>
/// The CDM cover sequences w_f(k′) and w_t(l′) of TS 38.211 Tables 7.4.1.5.3-2 (no CDM), 7.4.1.5.3-3 (fd-CDM2),
/// 7.4.1.5.3-4 (cdm4-FD2-TD2) and 7.4.1.5.3-5 (cdm8-FD2-TD4), indexed by the CDM index s (port p = 3000 + s + j·L).
/// Typed in from the specification (Release 17).
/// </summary>
public static class Ts38211Tables7_4_1_5_3_2To5
{
    // w_f: index s → [w_f(0), w_f(1)]. Every table alternates +1, −1 on the second subcarrier with s.
    private static readonly sbyte[] s_wf2 = [1, 1, 1, -1];

    // w_t of Table 7.4.1.5.3-4: s → [w_t(0), w_t(1)].
    private static readonly sbyte[] s_wt4 = [1, 1, 1, 1, 1, -1, 1, -1];

    // w_t of Table 7.4.1.5.3-5: s → [w_t(0) .. w_t(3)].
    private static readonly sbyte[] s_wt8 =
    [
        1, 1, 1, 1,
        1, 1, 1, 1,
        1, -1, 1, -1,
        1, -1, 1, -1,
        1, 1, -1, -1,
        1, 1, -1, -1,
        1, -1, -1, 1,
        1, -1, -1, 1,
    ];

    /// <summary>w_f(k′) for CDM index <paramref name="s"/> (0..L−1).</summary>
    public static int Wf(CsiRsCdmType type, int s, int kPrime)
    {
        CheckIndex(type, s);
        if (type == CsiRsCdmType.NoCdm)
        {
            return 1;
        }

        return s_wf2[((s & 1) * 2) + kPrime];
    }

    /// <summary>w_t(l′) for CDM index <paramref name="s"/> (0..L−1).</summary>
    public static int Wt(CsiRsCdmType type, int s, int lPrime)
    {
        CheckIndex(type, s);
        return type switch
        {
            CsiRsCdmType.Cdm4Fd2Td2 => s_wt4[(s * 2) + lPrime],
            CsiRsCdmType.Cdm8Fd2Td4 => s_wt8[(s * 4) + lPrime],
            _ => 1,
        };
    }

    private static void CheckIndex(CsiRsCdmType type, int s)
    {
        if ((uint)s >= (uint)type.GroupSize())
        {
            throw new ArgumentOutOfRangeException(nameof(s), s, $"CDM index s: valid 0..{type.GroupSize() - 1} for {type}.");
        }
    }
}
