using System;
using OpenRan.Phy.Common;

namespace OpenRan.Simulation.Measurement;

/// <summary>
/// The EVM window length W of TS 38.141-1 / TS 38.104 Annex B.5.2 (FR1, normal CP): a share of the cyclic prefix length
/// in samples at the recording's FFT size — 40 % for channels up to 20 MHz, 50 % from 25 to 50 MHz, 60 % above.
/// </summary>
/// <remarks>
/// The tables list FFT size, N_CP and W per channel bandwidth and subcarrier spacing; W is their ratio column applied to
/// the analyser's FFT (W scales with the sample rate). The ratios here were taken from memory of those tables and not
/// checked against the specification text (not available while writing); they are one place to correct.
/// </remarks>
public static class EvmWindow
{
    /// <summary>W / N_CP for a channel of <paramref name="bandwidthMhz"/> MHz.</summary>
    public static double Ratio(int bandwidthMhz) => bandwidthMhz <= 20 ? 0.4 : bandwidthMhz <= 50 ? 0.5 : 0.6;

    /// <summary>W in samples for <paramref name="timing"/> (its shortest, normal cyclic prefix) and the channel bandwidth.</summary>
    public static int Length(OfdmTiming timing, int bandwidthMhz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        int cp = timing.CyclicPrefixLength(1);
        return Math.Max(1, (int)Math.Round(Ratio(bandwidthMhz) * cp));
    }

    /// <summary>
    /// The two FFT window positions Δc̃ − W/2 and Δc̃ + W/2 around the centre Δc̃ of the cyclic prefix, as samples before
    /// the end of the cyclic prefix (the demodulator's <c>FftWindowOffsetSamples</c>): the early and the late window.
    /// </summary>
    public static (int Early, int Late) Offsets(OfdmTiming timing, int bandwidthMhz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        int cp = timing.CyclicPrefixLength(1);
        int w = Length(timing, bandwidthMhz);
        int centre = cp / 2;
        return (Math.Min(cp, centre + (w / 2)), Math.Max(0, centre - (w - (w / 2))));
    }
}
