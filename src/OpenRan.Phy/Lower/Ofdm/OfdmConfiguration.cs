using System;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// Everything an <see cref="OfdmModulator"/> or <see cref="OfdmDemodulator"/> is configured with once: numerology, cyclic
/// prefix and FFT size (in <see cref="Timing"/>), grid size, carrier frequency for phase compensation, frequency shift,
/// FFT window position and scaling.
/// </summary>
public sealed record OfdmConfiguration
{
    /// <summary>Numerology, cyclic prefix and FFT size / sample rate.</summary>
    public required OfdmTiming Timing { get; init; }

    /// <summary>The grid size in resource blocks, N_grid^size (K = 12·N_grid^size subcarriers), 1..275.</summary>
    public required int NSizeGrid { get; init; }

    /// <summary>
    /// f0 in Hz: the RF frequency that baseband DC (FFT bin 0) is up-converted to, for the per-symbol phase compensation
    /// e^(−j2π·f0·(t_start,l + N_CP,l·T_c)) of TS 38.211 §5.4 (t relative to the start of the subframe). 0 switches the
    /// compensation off (MATLAB's default when no CarrierFrequency is given).
    /// </summary>
    public double CarrierFrequencyHz { get; init; }

    /// <summary>
    /// Frequency shift in subcarriers: grid subcarrier k goes to FFT bin k − K/2 + shift (0 = the grid is centred on DC, as in
    /// TS 38.211 §5.3.1 with k0 = 0). Use it for an SSB or a carrier whose centre is off the baseband centre by a whole
    /// number of subcarriers. The grid must stay within the FFT: K/2 + |shift| ≤ N/2.
    /// </summary>
    public int FrequencyShiftSubcarriers { get; init; }

    /// <summary>
    /// Adds half a subcarrier (Δf/2) to the shift: grid subcarrier k sits at (k − K/2 + shift + ½)·Δf. This places an SS/PBCH
    /// block whose offset from its common resource block is an odd number of 15 kHz subcarriers while it uses 30 kHz (FR1,
    /// k_SSB odd; TS 38.211 §7.4.3.1). The signal is that of §5.3.1 with the non-integer subcarrier index: the useful part
    /// carries e^(jπn/N) and the cyclic prefix is the continuation of the tone to negative times (the negated tail).
    /// </summary>
    public bool HalfSubcarrierShift { get; init; }

    /// <summary>
    /// Demodulator only: the FFT window starts this many samples before the end of the cyclic prefix (0 = the ideal
    /// position; up to the shortest N_CP). The resulting linear phase e^(−j2π·k·offset/N) is corrected per subcarrier.
    /// </summary>
    public int FftWindowOffsetSamples { get; init; }

    /// <summary>The amplitude convention; default <see cref="OfdmScaling.InverseFftSize"/> (MATLAB).</summary>
    public OfdmScaling Scaling { get; init; } = OfdmScaling.InverseFftSize;

    /// <summary>The FFT implementation name for <see cref="OpenRan.Dsp.Fft.FftFactory"/> (<c>auto</c>, <c>avx2</c>, <c>generic</c>).</summary>
    public string FftImplementation { get; init; } = "auto";

    /// <summary>Number of subcarriers K = 12·N_grid^size.</summary>
    public int SubcarrierCount => NSizeGrid * NrConstants.SubcarriersPerRb;

    /// <summary>Checks every field against its valid range (throws naming the field and the range).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Timing);
        ThrowHelper.ThrowIfOutside(NSizeGrid, 1, NrConstants.MaxPrb, nameof(NSizeGrid));
        int n = Timing.FftSize;
        int halfK = SubcarrierCount / 2;
        int maxShift = (n / 2) - halfK - (HalfSubcarrierShift ? 1 : 0);
        if (maxShift < 0)
        {
            ThrowHelper.ThrowArgument(nameof(NSizeGrid), $"{SubcarrierCount} subcarriers do not fit an FFT of {n} points.");
        }

        ThrowHelper.ThrowIfOutside(FrequencyShiftSubcarriers, -maxShift, maxShift, nameof(FrequencyShiftSubcarriers));
        int minCp = int.MaxValue;
        for (int l = 0; l < Timing.SymbolsPerSubframe; l++)
        {
            minCp = Math.Min(minCp, Timing.CyclicPrefixLength(l));
        }

        ThrowHelper.ThrowIfOutside(FftWindowOffsetSamples, 0, minCp, nameof(FftWindowOffsetSamples));
        if (!double.IsFinite(CarrierFrequencyHz) || CarrierFrequencyHz < 0 || CarrierFrequencyHz > 100e9)
        {
            ThrowHelper.ThrowOutOfRange(nameof(CarrierFrequencyHz), CarrierFrequencyHz.ToString(CultureInfo.InvariantCulture), "0..100e9 Hz (0 = no phase compensation)");
        }

        if (!Enum.IsDefined(Scaling))
        {
            ThrowHelper.ThrowOutOfRange(nameof(Scaling), Scaling, "InverseFftSize, Unitary, None");
        }
    }
}
