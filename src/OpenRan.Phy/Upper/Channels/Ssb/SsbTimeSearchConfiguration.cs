using System;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Ssb;

/// <summary>
/// What an <see cref="SsbTimeSearch"/> is configured with once: the sample rate of the captured baseband, the SS/PBCH block's
/// subcarrier spacing, where the block's centre lies relative to the baseband centre, and its RF frequency for the
/// per-symbol phase compensation of TS 38.211 §5.4.
/// </summary>
public sealed record SsbTimeSearchConfiguration
{
    /// <summary>The subcarrier spacings an SS/PBCH block can use, in kHz (TS 38.213 §4.1, cases A-E).</summary>
    public static ReadOnlySpan<int> SsbSubcarrierSpacingsKhz => [15, 30, 120, 240];

    /// <summary>
    /// The sample rate f_s of the baseband samples in Hz. f_s/Δf must be a whole multiple of 128, at least 256 and at most
    /// 65536, so that the FFT size N = f_s/Δf holds the block's 240 subcarriers and N_CP = 144·N/2048 is a whole number of
    /// samples (TS 38.211 §5.3.1).
    /// </summary>
    public required double SampleRateHz { get; init; }

    /// <summary>Δf of the SS/PBCH block in kHz: 15 or 30 (FR1), 120 or 240 (FR2) (TS 38.213 §4.1).</summary>
    public required int SubcarrierSpacingKhz { get; init; }

    /// <summary>
    /// The centre of the SS/PBCH block (its subcarrier 120, TS 38.211 §7.4.3.1) minus the baseband centre (DC), in Hz.
    /// The whole block must lie inside the sampled band: |offset| + 120·Δf ≤ f_s/2.
    /// </summary>
    public double SsbFrequencyOffsetHz { get; init; }

    /// <summary>
    /// The RF frequency of the block's centre, f_SSB, in Hz, used to undo the up-conversion phase of TS 38.211 §5.4 between
    /// the four symbols of the block (each resource element's phase is referenced to the start of its symbol's useful part,
    /// so after mixing the block to DC symbol l carries e^(−j2π·f_SSB·t_l)); 0 leaves the symbols uncompensated.
    /// </summary>
    public double SsbCenterFrequencyHz { get; init; }

    /// <summary>
    /// The smallest normalised PSS correlation (0..1, see <see cref="SsbTimeSearchResult.PssMetric"/>) reported as a
    /// detection. Default 0.25: white noise alone peaks near 0.08 over a 10 ms search (the metric of a random window is
    /// about 2/N_d), a block at 0 dB SNR per resource element reaches about 0.3, the srsRAN n78 capture 0.93. False-alarm
    /// target: for noise alone the metric at one position is about Gamma(2, 1)/N_d (two half-symbol correlations, each an
    /// exponential share of the window energy), so P(metric &gt; t) ≈ (1 + N_d·t)·e^(−N_d·t): 7e-20 for t = 0.25 and
    /// N_d = 192, below 1e-14 over the 172 800 decimated positions and hypotheses of a 10 ms search at 46.08 Msps.
    /// </summary>
    public float DetectionThreshold { get; init; } = 0.25f;

    /// <summary>The FFT implementation name for <see cref="OpenRan.Dsp.Fft.FftFactory"/> (<c>auto</c>, <c>avx2</c>, <c>generic</c>).</summary>
    public string FftImplementation { get; init; } = "auto";

    /// <summary>The FFT size N = f_s/Δf (valid after <see cref="Validate"/>).</summary>
    public int FftSize => (int)Math.Round(SampleRateHz / (SubcarrierSpacingKhz * 1e3));

    /// <summary>
    /// The cyclic prefix of every symbol of the block in samples, 144·N/2048. No SS/PBCH block symbol is the first symbol of
    /// a half subframe (l = 0 or 7·2^μ of a subframe, TS 38.211 §5.3.1), which alone carries the 16κ·T_c longer prefix:
    /// the candidate first symbols of TS 38.213 §4.1 are {2, 8} + 14n (cases A, C), {4, 8, 16, 20} + 28n (B, D) and
    /// {8, 12, 16, 20, 32, 36, 40, 44} + 56n (E), and none of their four-symbol spans contains a multiple of 7·2^μ.
    /// </summary>
    public int CyclicPrefixSamples => 144 * FftSize / 2048;

    /// <summary>Checks every field against its valid range (throws naming the field and the range).</summary>
    public void Validate()
    {
        if (SsbSubcarrierSpacingsKhz.IndexOf(SubcarrierSpacingKhz) < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(SubcarrierSpacingKhz), SubcarrierSpacingKhz, "15, 30, 120 or 240 kHz (TS 38.213 §4.1)");
        }

        double scsHz = SubcarrierSpacingKhz * 1e3;
        double n = SampleRateHz / scsHz;
        double rounded = Math.Round(n);
        if (!double.IsFinite(SampleRateHz) || Math.Abs(n - rounded) > 1e-9 * n || rounded % 128 != 0 || rounded < 256 || rounded > 65536)
        {
            ThrowHelper.ThrowOutOfRange(
                nameof(SampleRateHz),
                SampleRateHz.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"N·Δf with N a multiple of 128 in 256..65536 and Δf = {SubcarrierSpacingKhz} kHz, i.e. multiples of {128 * scsHz / 1e6:G9} MHz from {256 * scsHz / 1e6:G9} to {65536 * scsHz / 1e6:G9} MHz"));
        }

        double maxOffsetHz = (SampleRateHz / 2) - ((SsbResourceMap.SubcarrierCount / 2) * scsHz);
        if (!(Math.Abs(SsbFrequencyOffsetHz) <= maxOffsetHz))
        {
            ThrowHelper.ThrowOutOfRange(
                nameof(SsbFrequencyOffsetHz),
                SsbFrequencyOffsetHz.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"±{maxOffsetHz:G9} Hz (f_s/2 − 120·Δf, so that the block's 240 subcarriers lie inside the sampled band)"));
        }

        if (!double.IsFinite(SsbCenterFrequencyHz) || SsbCenterFrequencyHz < 0 || SsbCenterFrequencyHz > 100e9)
        {
            ThrowHelper.ThrowOutOfRange(nameof(SsbCenterFrequencyHz), SsbCenterFrequencyHz.ToString(CultureInfo.InvariantCulture), "0..100e9 Hz (0 = no phase compensation)");
        }

        if (!(DetectionThreshold is >= 0f and <= 1f))
        {
            ThrowHelper.ThrowOutOfRange(nameof(DetectionThreshold), DetectionThreshold.ToString(CultureInfo.InvariantCulture), "0..1");
        }

        ArgumentNullException.ThrowIfNull(FftImplementation);
    }
}
