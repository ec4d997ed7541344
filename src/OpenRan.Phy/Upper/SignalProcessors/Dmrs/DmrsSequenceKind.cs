namespace OpenRan.Phy.Upper.SignalProcessors.Dmrs;

/// <summary>Which sequence a shared channel's DM-RS carries (a configuration value, not a channel type).</summary>
public enum DmrsSequenceKind
{
    /// <summary>
    /// The QPSK pseudo-random sequence r(n) of TS 38.211 §7.4.1.1.1 (PDSCH) and §6.4.1.1.1.1 (PUSCH without transform
    /// precoding), from the Gold sequence of §5.2.1.
    /// </summary>
    PseudoRandom,

    /// <summary>The low-PAPR sequence of type 1 (TS 38.211 §5.2.2, §6.4.1.1.1.2): PUSCH with transform precoding.</summary>
    LowPaprType1,

    /// <summary>The low-PAPR sequence of type 2 (TS 38.211 §5.2.3, §6.4.1.1.1.2): PUSCH with transform precoding and π/2-BPSK (<c>tp-pi2BPSK</c>).</summary>
    LowPaprType2,
}
