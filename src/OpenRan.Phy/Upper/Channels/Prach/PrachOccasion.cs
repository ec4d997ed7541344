namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// One PRACH occasion in time (TS 38.211 §5.3.2, §6.3.3.2; TS 38.213 §8.1): where it is in the frame and its preamble
/// timing, in units of κ·T_c (1/30.72 MHz) relative to the start of its subframe. All msg1-FDM frequency occasions share
/// it; the frequency index n_RA is chosen by the caller.
/// </summary>
/// <param name="Sfn">The system frame number n_SFN (0..1023).</param>
/// <param name="Subframe">The subframe 0..9 in which the preamble starts.</param>
/// <param name="TableUnit">The unit of the configuration table: the subframe (FR1) or the 60 kHz slot 0..39 (FR2).</param>
/// <param name="PrachSlot">n_slot^RA, 0 or 1 (0 for the long formats).</param>
/// <param name="TimeIndex">n_t^RA, the occasion within the PRACH slot (0 for the long formats).</param>
/// <param name="Format">The preamble format of this occasion (the B format for the last occasion of a combined A/B row).</param>
/// <param name="StartSymbol">l = l_0 + n_t^RA·N_dur^RA + 14·n_slot^RA, in symbols of Δf_RA (μ = 0 for the long formats).</param>
/// <param name="StartKappa">t_start^RA from the start of the subframe, in κ·T_c.</param>
/// <param name="CyclicPrefixKappa">N_CP,l^RA = N_CP^RA + n·16κ, in κ·T_c.</param>
/// <param name="UsefulLengthKappa">N_u, in κ·T_c.</param>
public readonly record struct PrachOccasion(
    int Sfn,
    int Subframe,
    int TableUnit,
    int PrachSlot,
    int TimeIndex,
    PrachPreambleFormat Format,
    int StartSymbol,
    int StartKappa,
    int CyclicPrefixKappa,
    int UsefulLengthKappa)
{
    /// <summary>N_CP,l^RA + N_u in κ·T_c.</summary>
    public int DurationKappa => CyclicPrefixKappa + UsefulLengthKappa;
}
