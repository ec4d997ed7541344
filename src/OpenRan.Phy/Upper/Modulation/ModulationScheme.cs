namespace OpenRan.Phy.Upper.Modulation;

/// <summary>The modulation schemes of TS 38.211 §5.1.</summary>
public enum ModulationScheme
{
    /// <summary>π/2-BPSK (§5.1.2), one bit per symbol.</summary>
    Pi2Bpsk,

    /// <summary>BPSK (§5.1.2), one bit per symbol.</summary>
    Bpsk,

    /// <summary>QPSK (§5.1.3), two bits per symbol.</summary>
    Qpsk,

    /// <summary>16QAM (§5.1.4), four bits per symbol.</summary>
    Qam16,

    /// <summary>64QAM (§5.1.5), six bits per symbol.</summary>
    Qam64,

    /// <summary>256QAM (§5.1.6), eight bits per symbol.</summary>
    Qam256,

    /// <summary>1024QAM (§5.1.7), ten bits per symbol.</summary>
    Qam1024,
}
