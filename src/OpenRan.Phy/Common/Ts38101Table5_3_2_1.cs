using System;
using System.Collections.Generic;

namespace OpenRan.Phy.Common;

/// <summary>
/// Maximum transmission bandwidth configuration N_RB per channel bandwidth and subcarrier spacing: TS 38.101-1
/// Table 5.3.2-1 (FR1) and TS 38.101-2 Table 5.3.2-1 (FR2-1), Release 17. Numbers from the specification tables; the
/// FR1 15 kHz 40 MHz entry (216) is confirmed by the MATLAB vectors <c>ofdm/dl_lowphy</c> (72576 = 2 slots·14·2592).
/// </summary>
public static class Ts38101Table5_3_2_1
{
    // FR1, TS 38.101-1 Table 5.3.2-1: channel bandwidth (MHz) → N_RB at 15, 30, 60 kHz (0 = N/A).
    private static readonly (int BandwidthMhz, int Scs15, int Scs30, int Scs60)[] s_fr1 =
    [
        (5, 25, 11, 0),
        (10, 52, 24, 11),
        (15, 79, 38, 18),
        (20, 106, 51, 24),
        (25, 133, 65, 31),
        (30, 160, 78, 38),
        (35, 188, 92, 44),
        (40, 216, 106, 51),
        (45, 242, 119, 58),
        (50, 270, 133, 65),
        (60, 0, 162, 79),
        (70, 0, 189, 93),
        (80, 0, 217, 107),
        (90, 0, 245, 121),
        (100, 0, 273, 135),
    ];

    // FR2-1, TS 38.101-2 Table 5.3.2-1: channel bandwidth (MHz) → N_RB at 60, 120 kHz (0 = N/A).
    private static readonly (int BandwidthMhz, int Scs60, int Scs120)[] s_fr2 =
    [
        (50, 66, 32),
        (100, 132, 66),
        (200, 264, 132),
        (400, 0, 264),
    ];

    /// <summary>The channel bandwidths (MHz) the table lists for <paramref name="range"/>.</summary>
    public static IReadOnlyList<int> ChannelBandwidthsMhz(FrequencyRange range) =>
        range == FrequencyRange.Fr1 ? Array.ConvertAll(s_fr1, r => r.BandwidthMhz) : Array.ConvertAll(s_fr2, r => r.BandwidthMhz);

    /// <summary>N_RB for a channel bandwidth and subcarrier spacing, or null where the table says N/A or has no entry.</summary>
    public static int? TryGetMaxRbCount(FrequencyRange range, int channelBandwidthMhz, int subcarrierSpacingKhz)
    {
        if (range == FrequencyRange.Fr1)
        {
            foreach ((int bw, int s15, int s30, int s60) in s_fr1)
            {
                if (bw == channelBandwidthMhz)
                {
                    int n = subcarrierSpacingKhz switch { 15 => s15, 30 => s30, 60 => s60, _ => 0 };
                    return n == 0 ? null : n;
                }
            }
        }
        else
        {
            foreach ((int bw, int s60, int s120) in s_fr2)
            {
                if (bw == channelBandwidthMhz)
                {
                    int n = subcarrierSpacingKhz switch { 60 => s60, 120 => s120, _ => 0 };
                    return n == 0 ? null : n;
                }
            }
        }

        return null;
    }

    /// <summary>N_RB for a channel bandwidth and subcarrier spacing.</summary>
    /// <exception cref="ArgumentException">The combination is N/A or not in the table; the message lists what is valid.</exception>
    public static int GetMaxRbCount(FrequencyRange range, int channelBandwidthMhz, int subcarrierSpacingKhz)
    {
        int? n = TryGetMaxRbCount(range, channelBandwidthMhz, subcarrierSpacingKhz);
        if (n is null)
        {
            string spec = range == FrequencyRange.Fr1 ? "TS 38.101-1" : "TS 38.101-2";
            throw new ArgumentException(
                $"{range}: no N_RB for {channelBandwidthMhz} MHz at {subcarrierSpacingKhz} kHz in {spec} Table 5.3.2-1; bandwidths {string.Join(", ", ChannelBandwidthsMhz(range))} MHz, SCS {(range == FrequencyRange.Fr1 ? "15/30/60" : "60/120")} kHz (some combinations are N/A).",
                nameof(channelBandwidthMhz));
        }

        return n.Value;
    }
}
