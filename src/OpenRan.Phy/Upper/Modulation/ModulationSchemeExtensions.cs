using System;

namespace OpenRan.Phy.Upper.Modulation;

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
