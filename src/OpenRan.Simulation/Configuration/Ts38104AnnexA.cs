using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// TS 38.104 Annex A.3–A.5 (V17): the PUSCH fixed reference channels available as presets. Only FRCs whose parameters
/// could be confirmed from public sources are listed (those used by the §8.2.1 requirements of Tables 8.2.1.2-3 and
/// 8.2.1.2-7, plus G-FR1-A3-8 and G-FR1-A4-11): the sources are the NVIDIA Aerial 5GModel FRC configurations
/// (<c>nr_matlab</c>, Apache-2.0: MCS index into the 256QAM table, PRBs, layers, DM-RS symbols 2 and 11) and
/// srsRAN-matlab's <c>srsPUSCHReferenceChannel</c> (BSD-2-Clause: G-FR1-A3-8, 25 PRBs at 15 kHz, R = 193/1024,
/// DM-RS type A position 2, one additional position, two CDM groups without data, DM-RS power +3 dB).
/// Payload (TBS) follows from TS 38.214 §6.1.4.2 for the allocation.
/// </summary>
public static class Ts38104AnnexA
{
    private static readonly FixedReferenceChannel[] s_channels =
    [
        // A.3: QPSK, R = 193/1024 (MCS 1 of TS 38.214 Table 5.1.3.1-2).
        new("G-FR1-A3-8", 15, 25, 5, ModulationScheme.Qpsk, 193, 1, 1),
        new("G-FR1-A3-10", 15, 106, 20, ModulationScheme.Qpsk, 193, 1, 1),
        new("G-FR1-A3-14", 30, 273, 100, ModulationScheme.Qpsk, 193, 1, 1),
        new("G-FR1-A3-24", 15, 106, 20, ModulationScheme.Qpsk, 193, 1, 2),
        new("G-FR1-A3-28", 30, 273, 100, ModulationScheme.Qpsk, 193, 1, 2),

        // A.4: 16QAM, R = 658/1024 (MCS 10).
        new("G-FR1-A4-10", 15, 106, 20, ModulationScheme.Qam16, 658, 10, 1),
        new("G-FR1-A4-11", 30, 24, 10, ModulationScheme.Qam16, 658, 10, 1),
        new("G-FR1-A4-14", 30, 273, 100, ModulationScheme.Qam16, 658, 10, 1),
        new("G-FR1-A4-24", 15, 106, 20, ModulationScheme.Qam16, 658, 10, 2),
        new("G-FR1-A4-28", 30, 273, 100, ModulationScheme.Qam16, 658, 10, 2),

        // A.5: 64QAM, R = 567/1024 (MCS 13).
        new("G-FR1-A5-10", 15, 106, 20, ModulationScheme.Qam64, 567, 13, 1),
        new("G-FR1-A5-14", 30, 273, 100, ModulationScheme.Qam64, 567, 13, 1),
    ];

    /// <summary>Every preset FRC.</summary>
    public static IReadOnlyList<FixedReferenceChannel> All => s_channels;

    /// <summary>The FRC named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="FormatException">Unknown name; the message lists the known ones.</exception>
    public static FixedReferenceChannel Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (FixedReferenceChannel frc in s_channels)
        {
            if (frc.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return frc;
            }
        }

        throw new FormatException($"'{name}' is not a known fixed reference channel; known: {string.Join(", ", Array.ConvertAll(s_channels, c => c.Name))}.");
    }
}
