using System;
using System.Collections.Generic;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// TS 38.104 Tables 8.2.1.2-3 (20 MHz, 15 kHz SCS) and 8.2.1.2-7 (100 MHz, 30 kHz SCS): PUSCH minimum requirements for
/// PUSCH mapping type A, transform precoding disabled, 1 and 2 layers, low correlation. The common test parameters
/// (TS 38.104 Table 8.2.1.1-1) are: HARQ with at most 4 transmissions and RV sequence 0, 2, 3, 1; DM-RS configuration
/// type 1, single symbol, additional position 1; two CDM groups without data (PUSCH to DM-RS EPRE −3 dB).
/// </summary>
/// <remarks>
/// Values (V16.4, unchanged in V17 as far as the sources show) from NVIDIA Aerial 5GModel <c>testPerformance_pusch.m</c>
/// (Apache-2.0), which tabulates these tables row by row; the 2-antenna 1-layer values agree with the issue text
/// (−2.1 dB, 10.0 dB, 12.4 dB).
/// </remarks>
public static class Ts38104Table8_2_1_2
{
    private static readonly PuschRequirement[] s_requirements =
    [
        // Table 8.2.1.2-3: 20 MHz channel bandwidth, 15 kHz SCS.
        new("8.2.1.2-3", "G-FR1-A3-10", "TDLB100-400", MimoCorrelationLevel.Low, 2, -2.1),
        new("8.2.1.2-3", "G-FR1-A4-10", "TDLC300-100", MimoCorrelationLevel.Low, 2, 10.0),
        new("8.2.1.2-3", "G-FR1-A5-10", "TDLA30-10", MimoCorrelationLevel.Low, 2, 12.4),
        new("8.2.1.2-3", "G-FR1-A3-10", "TDLB100-400", MimoCorrelationLevel.Low, 4, -5.5),
        new("8.2.1.2-3", "G-FR1-A4-10", "TDLC300-100", MimoCorrelationLevel.Low, 4, 6.2),
        new("8.2.1.2-3", "G-FR1-A5-10", "TDLA30-10", MimoCorrelationLevel.Low, 4, 8.6),
        new("8.2.1.2-3", "G-FR1-A3-10", "TDLB100-400", MimoCorrelationLevel.Low, 8, -8.5),
        new("8.2.1.2-3", "G-FR1-A4-10", "TDLC300-100", MimoCorrelationLevel.Low, 8, 3.0),
        new("8.2.1.2-3", "G-FR1-A5-10", "TDLA30-10", MimoCorrelationLevel.Low, 8, 5.5),
        new("8.2.1.2-3", "G-FR1-A3-24", "TDLB100-400", MimoCorrelationLevel.Low, 2, 2.1),
        new("8.2.1.2-3", "G-FR1-A4-24", "TDLC300-100", MimoCorrelationLevel.Low, 2, 18.3),
        new("8.2.1.2-3", "G-FR1-A3-24", "TDLB100-400", MimoCorrelationLevel.Low, 4, -1.8),
        new("8.2.1.2-3", "G-FR1-A4-24", "TDLC300-100", MimoCorrelationLevel.Low, 4, 11.1),
        new("8.2.1.2-3", "G-FR1-A3-24", "TDLB100-400", MimoCorrelationLevel.Low, 8, -5.3),
        new("8.2.1.2-3", "G-FR1-A4-24", "TDLC300-100", MimoCorrelationLevel.Low, 8, 6.9),

        // Table 8.2.1.2-7: 100 MHz channel bandwidth, 30 kHz SCS.
        new("8.2.1.2-7", "G-FR1-A3-14", "TDLB100-400", MimoCorrelationLevel.Low, 2, -2.8),
        new("8.2.1.2-7", "G-FR1-A4-14", "TDLC300-100", MimoCorrelationLevel.Low, 2, 10.2),
        new("8.2.1.2-7", "G-FR1-A5-14", "TDLA30-10", MimoCorrelationLevel.Low, 2, 13.0),
        new("8.2.1.2-7", "G-FR1-A3-14", "TDLB100-400", MimoCorrelationLevel.Low, 4, -5.8),
        new("8.2.1.2-7", "G-FR1-A4-14", "TDLC300-100", MimoCorrelationLevel.Low, 4, 6.5),
        new("8.2.1.2-7", "G-FR1-A5-14", "TDLA30-10", MimoCorrelationLevel.Low, 4, 9.0),
        new("8.2.1.2-7", "G-FR1-A3-14", "TDLB100-400", MimoCorrelationLevel.Low, 8, -8.7),
        new("8.2.1.2-7", "G-FR1-A4-14", "TDLC300-100", MimoCorrelationLevel.Low, 8, 3.2),
        new("8.2.1.2-7", "G-FR1-A5-14", "TDLA30-10", MimoCorrelationLevel.Low, 8, 5.8),
        new("8.2.1.2-7", "G-FR1-A3-28", "TDLB100-400", MimoCorrelationLevel.Low, 2, 1.4),
        new("8.2.1.2-7", "G-FR1-A4-28", "TDLC300-100", MimoCorrelationLevel.Low, 2, 19.2),
        new("8.2.1.2-7", "G-FR1-A3-28", "TDLB100-400", MimoCorrelationLevel.Low, 4, -2.2),
        new("8.2.1.2-7", "G-FR1-A4-28", "TDLC300-100", MimoCorrelationLevel.Low, 4, 11.6),
        new("8.2.1.2-7", "G-FR1-A3-28", "TDLB100-400", MimoCorrelationLevel.Low, 8, -5.2),
        new("8.2.1.2-7", "G-FR1-A4-28", "TDLC300-100", MimoCorrelationLevel.Low, 8, 7.1),
    ];

    /// <summary>Every requirement row.</summary>
    public static IReadOnlyList<PuschRequirement> All => s_requirements;

    /// <summary>The requirement matching an FRC, propagation condition (canonical name), correlation and receive antennas, or null.</summary>
    public static PuschRequirement? Find(string fixedReferenceChannel, string propagation, MimoCorrelationLevel correlation, int rxAntennas)
    {
        foreach (PuschRequirement r in s_requirements)
        {
            if (r.FixedReferenceChannel.Equals(fixedReferenceChannel, StringComparison.OrdinalIgnoreCase)
                && r.Propagation.Equals(propagation, StringComparison.OrdinalIgnoreCase)
                && r.Correlation == correlation
                && r.RxAntennas == rxAntennas)
            {
                return r;
            }
        }

        return null;
    }
}
