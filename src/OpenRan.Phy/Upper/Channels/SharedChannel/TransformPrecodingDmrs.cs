namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// DM-RS sequence parameters of a PUSCH with transform precoding (TS 38.211 §6.4.1.1.1.2): the low-PAPR sequence group
/// and number come from n_ID^RS and the hopping mode.
/// </summary>
public sealed record TransformPrecodingDmrs
{
    /// <summary>n_ID^RS (<c>nPUSCH-Identity</c>, else N_ID^cell), 0..1007.</summary>
    public int NIdRs { get; init; }

    /// <summary>Group hopping (<c>groupHopping</c> enabled): f_gh from the Gold sequence with c_init = ⌊n_ID^RS/30⌋.</summary>
    public bool GroupHopping { get; init; }

    /// <summary>Sequence hopping (<c>sequenceHopping</c> enabled): v = c(N_symb^slot·n_s,f + l) with c_init = n_ID^RS, for M_ZC ≥ 72.</summary>
    public bool SequenceHopping { get; init; }
}
