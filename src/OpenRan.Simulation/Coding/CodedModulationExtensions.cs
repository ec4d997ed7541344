using System;

namespace OpenRan.Simulation.Coding;

/// <summary>Properties of <see cref="CodedModulation"/>.</summary>
public static class CodedModulationExtensions
{
    /// <summary>Bits per symbol (1 or 2).</summary>
    public static int BitsPerSymbol(this CodedModulation modulation) => modulation switch
    {
        CodedModulation.Bpsk => 1,
        CodedModulation.Qpsk => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(modulation), modulation, "valid: Bpsk, Qpsk."),
    };

    /// <summary>The amplitude a of each bit's real dimension (1 for BPSK, 1/√2 for QPSK).</summary>
    public static double Amplitude(this CodedModulation modulation) => modulation == CodedModulation.Qpsk ? Math.Sqrt(0.5) : 1.0;
}
