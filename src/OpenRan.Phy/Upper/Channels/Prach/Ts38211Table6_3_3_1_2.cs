using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-2 (Release 17): preamble formats for L_RA = 139 and Δf_RA = 15·2^μ kHz, μ ∈ {0, 1, 2, 3}.
/// Source of the numbers: the specification table (N_u and N_CP^RA in units of κ·2^−μ; restricted sets are not
/// supported). The L_RA = 571 and 1151 columns of Release 16 (shared spectrum) are not included.
/// </summary>
public static class Ts38211Table6_3_3_1_2
{
    /// <summary>The row of short format <paramref name="format"/> at μ = <paramref name="mu"/> (Δf_RA = 15·2^μ kHz).</summary>
    /// <param name="format">A1, A2, A3, B1, B2, B3, B4, C0 or C2.</param>
    /// <param name="mu">0..3.</param>
    public static PrachFormatParameters Get(PrachPreambleFormat format, int mu)
    {
        ThrowHelper.ThrowIfOutside(mu, 0, 3);
        (int repetitions, int cp) = format switch
        {
            PrachPreambleFormat.A1 => (2, 288),
            PrachPreambleFormat.A2 => (4, 576),
            PrachPreambleFormat.A3 => (6, 864),
            PrachPreambleFormat.B1 => (2, 216),
            PrachPreambleFormat.B2 => (4, 360),
            PrachPreambleFormat.B3 => (6, 504),
            PrachPreambleFormat.B4 => (12, 936),
            PrachPreambleFormat.C0 => (1, 1240),
            PrachPreambleFormat.C2 => (4, 2048),
            _ => (0, 0),
        };
        if (repetitions == 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(format), format, "formats A1, A2, A3, B1, B2, B3, B4, C0, C2 (Table 6.3.3.1-2); 0…3 are in Table 6.3.3.1-1");
        }

        // N_u = repetitions·2048κ·2^−μ and N_CP = cp·κ·2^−μ; every entry is a multiple of 8, so μ ≤ 3 keeps whole κ units.
        return new PrachFormatParameters(format, 139, 15_000 << mu, (repetitions * 2048) >> mu, cp >> mu, false);
    }
}
