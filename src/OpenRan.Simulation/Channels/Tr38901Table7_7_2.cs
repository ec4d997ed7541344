using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// TR 38.901 (V17.0.0) Tables 7.7.2-1 to 7.7.2-5: the TDL-A…E power delay profiles with delays normalised to an RMS delay
/// spread of one; <see cref="Create"/> applies the delay scaling of TR 38.901 §7.7.3, τ_n,scaled = τ_n,model · DS_desired.
/// </summary>
/// <remarks>
/// Numbers copied from the TR tables (also tabulated identically in NVlabs/sionna
/// <c>sionna/channel/tr38901/models/TDL-*.json</c> and in G. Cisek's <c>power_delay_profile.m</c>; the three agree).
/// Taps are kept in table order. In TDL-D and TDL-E the first tap is Ricean: the table lists its line-of-sight part and its
/// Rayleigh part as two entries at delay 0 (K = −0.2 − (−13.5) = 13.3 dB for TDL-D, −0.03 − (−22.03) = 22 dB for TDL-E).
/// </remarks>
public static class Tr38901Table7_7_2
{
    /// <summary>Table 7.7.2-1, TDL-A: normalised delays.</summary>
    private static readonly double[] s_delaysA =
    [
        0.0000, 0.3819, 0.4025, 0.5868, 0.4610, 0.5375, 0.6708, 0.5750, 0.7618, 1.5375, 1.8978, 2.2242,
        2.1718, 2.4942, 2.5119, 3.0582, 4.0810, 4.4579, 4.5695, 4.7966, 5.0066, 5.3043, 9.6586,
    ];

    /// <summary>Table 7.7.2-1, TDL-A: powers in dB.</summary>
    private static readonly double[] s_powersA =
    [
        -13.4, 0, -2.2, -4, -6, -8.2, -9.9, -10.5, -7.5, -15.9, -6.6, -16.7,
        -12.4, -15.2, -10.8, -11.3, -12.7, -16.2, -18.3, -18.9, -16.6, -19.9, -29.7,
    ];

    /// <summary>Table 7.7.2-2, TDL-B: normalised delays.</summary>
    private static readonly double[] s_delaysB =
    [
        0.0000, 0.1072, 0.2155, 0.2095, 0.2870, 0.2986, 0.3752, 0.5055, 0.3681, 0.3697, 0.5700, 0.5283,
        1.1021, 1.2756, 1.5474, 1.7842, 2.0169, 2.8294, 3.0219, 3.6187, 4.1067, 4.2790, 4.7834,
    ];

    /// <summary>Table 7.7.2-2, TDL-B: powers in dB.</summary>
    private static readonly double[] s_powersB =
    [
        0, -2.2, -4, -3.2, -9.8, -1.2, -3.4, -5.2, -7.6, -3, -8.9, -9,
        -4.8, -5.7, -7.5, -1.9, -7.6, -12.2, -9.8, -11.4, -14.9, -9.2, -11.3,
    ];

    /// <summary>Table 7.7.2-3, TDL-C: normalised delays.</summary>
    private static readonly double[] s_delaysC =
    [
        0.0000, 0.2099, 0.2219, 0.2329, 0.2176, 0.6366, 0.6448, 0.6560, 0.6584, 0.7935, 0.8213, 0.9336,
        1.2285, 1.3083, 2.1704, 2.7105, 4.2589, 4.6003, 5.4902, 5.6077, 6.3065, 6.6374, 7.0427, 8.6523,
    ];

    /// <summary>Table 7.7.2-3, TDL-C: powers in dB.</summary>
    private static readonly double[] s_powersC =
    [
        -4.4, -1.2, -3.5, -5.2, -2.5, 0, -2.2, -3.9, -7.4, -7.1, -10.7, -11.1,
        -5.1, -6.8, -8.7, -13.2, -13.9, -13.9, -15.8, -17.1, -16, -15.7, -21.6, -22.8,
    ];

    /// <summary>Table 7.7.2-4, TDL-D: normalised delays (entry 0 is the LOS part of tap 1, entry 1 its Rayleigh part).</summary>
    private static readonly double[] s_delaysD =
    [
        0.0, 0.0, 0.035, 0.612, 1.363, 1.405, 1.804, 2.596, 1.775, 4.042, 7.937, 9.424, 9.708, 12.525,
    ];

    /// <summary>Table 7.7.2-4, TDL-D: powers in dB.</summary>
    private static readonly double[] s_powersD =
    [
        -0.2, -13.5, -18.8, -21, -22.8, -17.9, -20.1, -21.9, -22.9, -27.8, -23.6, -24.8, -30.0, -27.7,
    ];

    /// <summary>Table 7.7.2-5, TDL-E: normalised delays (entry 0 is the LOS part of tap 1, entry 1 its Rayleigh part).</summary>
    private static readonly double[] s_delaysE =
    [
        0.0, 0.0, 0.5133, 0.5440, 0.5630, 0.5440, 0.7112, 1.9092, 1.9293, 1.9589, 2.6426, 3.7136, 5.4524, 12.0034, 20.6519,
    ];

    /// <summary>Table 7.7.2-5, TDL-E: powers in dB.</summary>
    private static readonly double[] s_powersE =
    [
        -0.03, -22.03, -15.8, -18.1, -19.8, -22.9, -22.4, -18.6, -20.8, -22.6, -22.3, -25.6, -20.2, -29.8, -29.2,
    ];

    /// <summary>Number of table entries of <paramref name="model"/> (the Ricean first tap of D/E counts twice).</summary>
    public static int EntryCount(TdlModel model) => Table(model).Delays.Length;

    /// <summary>
    /// The profile of <paramref name="model"/> with its delays scaled to the RMS delay spread
    /// <paramref name="delaySpreadSeconds"/> (TR 38.901 §7.7.3).
    /// </summary>
    /// <param name="model">TDL-A…E.</param>
    /// <param name="delaySpreadSeconds">Desired RMS delay spread DS in seconds, 0 &lt; DS ≤ 10 µs (TR 38.901 Table 7.7.3-1 lists 10 ns … 1000 ns).</param>
    public static PowerDelayProfile Create(TdlModel model, double delaySpreadSeconds)
    {
        if (!(delaySpreadSeconds > 0 && delaySpreadSeconds <= 10e-6))
        {
            ThrowHelper.ThrowOutOfRange(nameof(delaySpreadSeconds), delaySpreadSeconds, "0 < DS ≤ 10e-6 s");
        }

        (double[] delays, double[] powers, bool los) = Table(model);
        var taps = new ChannelTap[delays.Length];
        for (int i = 0; i < taps.Length; i++)
        {
            TapKind kind = los && i == 0 ? TapKind.LineOfSight : TapKind.Rayleigh;
            taps[i] = new ChannelTap(delays[i] * delaySpreadSeconds, powers[i], kind);
        }

        return new PowerDelayProfile(FormattableString.Invariant($"TDL-{model} (DS = {delaySpreadSeconds * 1e9:G6} ns)"), taps);
    }

    private static (double[] Delays, double[] Powers, bool LineOfSight) Table(TdlModel model) => model switch
    {
        TdlModel.A => (s_delaysA, s_powersA, false),
        TdlModel.B => (s_delaysB, s_powersB, false),
        TdlModel.C => (s_delaysC, s_powersC, false),
        TdlModel.D => (s_delaysD, s_powersD, true),
        TdlModel.E => (s_delaysE, s_powersE, true),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "valid: A, B, C, D, E"),
    };
}
