using System;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// TS 38.104 (V17) Annex G.2.1.1, Tables G.2.1.1-2 to G.2.1.1-4: the reduced TDL profiles TDLA30, TDLB100 and TDLC300
/// with absolute delays in ns (the same tables appear in TS 38.101-4 Annex B.2.1 for FR1). Their taps fade as Rayleigh
/// processes with the classical Doppler spectrum (TS 38.104 Annex G.2.1).
/// </summary>
/// <remarks>
/// Numbers from the TS tables; cross-checked against OpenAirInterface <c>random_channel.c</c> (which cites these tables
/// and stores the delays divided by the delay spread), NVlabs/sionna <c>ts_38_101_4_v19_2_2/TDL-*.json</c> and
/// G. Cisek's <c>power_delay_profile.m</c>: all agree.
/// </remarks>
public static class Ts38104TableG_2_1_1
{
    /// <summary>Table G.2.1.1-2 TDLA30: delays in ns.</summary>
    private static readonly double[] s_delaysA30 = [0, 10, 15, 20, 25, 50, 65, 75, 105, 135, 150, 290];

    /// <summary>Table G.2.1.1-2 TDLA30: powers in dB.</summary>
    private static readonly double[] s_powersA30 = [-15.5, 0, -5.1, -5.1, -9.6, -8.2, -13.1, -11.5, -11.0, -16.2, -16.6, -26.2];

    /// <summary>Table G.2.1.1-3 TDLB100: delays in ns.</summary>
    private static readonly double[] s_delaysB100 = [0, 10, 20, 30, 35, 45, 55, 120, 170, 245, 330, 480];

    /// <summary>Table G.2.1.1-3 TDLB100: powers in dB.</summary>
    private static readonly double[] s_powersB100 = [0, -2.2, -0.6, -0.6, -0.3, -1.2, -5.9, -2.2, -0.8, -6.3, -7.5, -7.1];

    /// <summary>Table G.2.1.1-4 TDLC300: delays in ns.</summary>
    private static readonly double[] s_delaysC300 = [0, 65, 70, 190, 195, 200, 240, 325, 520, 1045, 1510, 2595];

    /// <summary>Table G.2.1.1-4 TDLC300: powers in dB.</summary>
    private static readonly double[] s_powersC300 = [-6.9, 0, -7.7, -2.5, -2.4, -9.9, -8.0, -6.6, -7.1, -13.0, -14.2, -16.0];

    /// <summary>The nominal RMS delay spread of <paramref name="profile"/> in ns (the number in its name).</summary>
    public static int NominalDelaySpreadNs(FixedTdlProfile profile) => profile switch
    {
        FixedTdlProfile.Tdla30 => 30,
        FixedTdlProfile.Tdlb100 => 100,
        FixedTdlProfile.Tdlc300 => 300,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "valid: Tdla30, Tdlb100, Tdlc300"),
    };

    /// <summary>The power delay profile of <paramref name="profile"/>.</summary>
    public static PowerDelayProfile Create(FixedTdlProfile profile)
    {
        (double[] delays, double[] powers, string name) = profile switch
        {
            FixedTdlProfile.Tdla30 => (s_delaysA30, s_powersA30, "TDLA30"),
            FixedTdlProfile.Tdlb100 => (s_delaysB100, s_powersB100, "TDLB100"),
            FixedTdlProfile.Tdlc300 => (s_delaysC300, s_powersC300, "TDLC300"),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "valid: Tdla30, Tdlb100, Tdlc300"),
        };
        var taps = new ChannelTap[delays.Length];
        for (int i = 0; i < taps.Length; i++)
        {
            taps[i] = new ChannelTap(delays[i] * 1e-9, powers[i], TapKind.Rayleigh);
        }

        return new PowerDelayProfile(name, taps);
    }
}
