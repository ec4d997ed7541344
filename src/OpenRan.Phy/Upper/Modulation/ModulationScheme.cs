using System;

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

/// <summary>Properties of <see cref="ModulationScheme"/>.</summary>
public static class ModulationSchemeExtensions
{
    /// <summary>The modulation order Q_m: bits per symbol.</summary>
    public static int BitsPerSymbol(this ModulationScheme scheme) => scheme switch
    {
        ModulationScheme.Pi2Bpsk or ModulationScheme.Bpsk => 1,
        ModulationScheme.Qpsk => 2,
        ModulationScheme.Qam16 => 4,
        ModulationScheme.Qam64 => 6,
        ModulationScheme.Qam256 => 8,
        ModulationScheme.Qam1024 => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown modulation scheme."),
    };

    /// <summary>The name the specifications write (π/2-BPSK, BPSK, QPSK, 16QAM, 64QAM, 256QAM, 1024QAM), for reports and plots.</summary>
    public static string DisplayName(this ModulationScheme scheme) => scheme switch
    {
        ModulationScheme.Pi2Bpsk => "π/2-BPSK",
        ModulationScheme.Bpsk => "BPSK",
        ModulationScheme.Qpsk => "QPSK",
        ModulationScheme.Qam16 => "16QAM",
        ModulationScheme.Qam64 => "64QAM",
        ModulationScheme.Qam256 => "256QAM",
        ModulationScheme.Qam1024 => "1024QAM",
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "unknown modulation scheme."),
    };

    /// <summary>The scheme with modulation order <paramref name="qm"/> (2 → QPSK, …; 1 → BPSK).</summary>
    public static ModulationScheme FromBitsPerSymbol(int qm) => qm switch
    {
        1 => ModulationScheme.Bpsk,
        2 => ModulationScheme.Qpsk,
        4 => ModulationScheme.Qam16,
        6 => ModulationScheme.Qam64,
        8 => ModulationScheme.Qam256,
        10 => ModulationScheme.Qam1024,
        _ => throw new ArgumentOutOfRangeException(nameof(qm), qm, $"Q_m = {qm} is not a modulation order; valid: 1, 2, 4, 6, 8, 10."),
    };
}
