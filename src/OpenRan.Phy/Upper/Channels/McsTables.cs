using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels;

/// <summary>Modulation order and target code rate determination from an MCS index (TS 38.214 §5.1.3.1, §6.1.4.1).</summary>
public static class McsTables
{
    /// <summary>Number of MCS indices (I_MCS = 0..31) in every table.</summary>
    public const int IndexCount = 32;

    /// <summary>
    /// The row I_MCS = <paramref name="mcsIndex"/> of <paramref name="table"/>. For the transform-precoding tables (TS 38.214
    /// Tables 6.1.4.1-1/-2) the rows marked q use q = 1 (π/2-BPSK) when <paramref name="tpPi2Bpsk"/> (higher-layer
    /// <c>tp-pi2BPSK</c>) is set, else q = 2, with R = (listed R) / q.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown table or <paramref name="mcsIndex"/> outside 0..31.</exception>
    public static McsEntry Lookup(McsTable table, int mcsIndex, bool tpPi2Bpsk = false)
    {
        ThrowHelper.ThrowIfOutside(mcsIndex, 0, IndexCount - 1);
        ReadOnlySpan<short> rows = table switch
        {
            McsTable.Qam64 => Ts38214Table5_1_3_1_1.Rows,
            McsTable.Qam256 => Ts38214Table5_1_3_1_2.Rows,
            McsTable.Qam64LowSe => Ts38214Table5_1_3_1_3.Rows,
            McsTable.Qam1024 => Ts38214Table5_1_3_1_4.Rows,
            McsTable.TransformPrecodingQam64 => Ts38214Table6_1_4_1_1.Rows,
            McsTable.TransformPrecodingQam64LowSe => Ts38214Table6_1_4_1_2.Rows,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "valid: Qam64, Qam256, Qam64LowSe, Qam1024, TransformPrecodingQam64, TransformPrecodingQam64LowSe."),
        };
        int qm = rows[2 * mcsIndex];
        double rateBy1024 = rows[(2 * mcsIndex) + 1] / 2.0;
        if (qm == 0)
        {
            int q = tpPi2Bpsk ? 1 : 2;
            qm = q;
            rateBy1024 /= q;
        }

        return new McsEntry(qm, rateBy1024);
    }
}
