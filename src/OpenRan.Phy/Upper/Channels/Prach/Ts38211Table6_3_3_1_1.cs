using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// TS 38.211 Table 6.3.3.1-1 (Release 17): PRACH preamble formats for L_RA = 839 and Δf_RA ∈ {1.25, 5} kHz.
/// Source of the numbers: the specification table (N_u and N_CP^RA in units of κ; all four formats support restricted
/// sets type A and B).
/// </summary>
public static class Ts38211Table6_3_3_1_1
{
    /// <summary>The row of long format <paramref name="format"/> (0–3).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">A short format.</exception>
    public static PrachFormatParameters Get(PrachPreambleFormat format)
    {
        switch (format)
        {
            case PrachPreambleFormat.Format0: return new(format, 839, 1250, 24576, 3168, true);
            case PrachPreambleFormat.Format1: return new(format, 839, 1250, 2 * 24576, 21024, true);
            case PrachPreambleFormat.Format2: return new(format, 839, 1250, 4 * 24576, 4688, true);
            case PrachPreambleFormat.Format3: return new(format, 839, 5000, 4 * 6144, 3168, true);
            default:
                ThrowHelper.ThrowOutOfRange(nameof(format), format, "formats 0, 1, 2, 3 (Table 6.3.3.1-1); A1…C2 are in Table 6.3.3.1-2");
                return default;
        }
    }
}
