using System;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// The SNR definition of every OpenRan link simulation: the average signal energy per resource element (RE) at one
/// receive antenna divided by the noise energy per RE at that antenna, SNR = E_RE / N_RE, measured on the resource grid
/// after OFDM demodulation. With the channels normalised to unit average power gain, E_RE is the average transmitted RE
/// energy of the allocation (data and DM-RS REs averaged over the slot).
/// </summary>
/// <remarks>
/// <para>
/// This is the per-RE, per-receive-antenna SNR used by the 3GPP link-level evaluations (and by MATLAB's 5G Toolbox link
/// examples). For the TS 38.104 §8.2.1 PUSCH tests it coincides with the slot-level S/N of the test: with DM-RS on
/// every other subcarrier ("CDM groups without data" = 2) boosted by 3 dB, a DM-RS symbol carries the same energy as a
/// data symbol, so the per-RE SNR equals the ratio of signal to noise energy in the allocated bandwidth over the slot.
/// </para>
/// <para>
/// The noise is added in the time domain at the FFT sample rate: a white sequence of variance σ² per sample becomes, after
/// an OFDM demodulator whose FFT scales white noise by the factor G (G = N_FFT for an unnormalised FFT, 1 for a unitary
/// one), N_RE = G·σ². Hence σ² = E_RE / (G · 10^(SNR_dB / 10)).
/// </para>
/// </remarks>
public static class SnrDefinition
{
    /// <summary>
    /// The time-domain noise variance σ² per complex sample that gives <paramref name="snrDb"/> per RE.
    /// </summary>
    /// <param name="snrDb">SNR per RE per receive antenna in dB (−100 … 100).</param>
    /// <param name="resourceElementEnergy">Average signal energy per RE on the grid, E_RE (&gt; 0).</param>
    /// <param name="fftNoiseGain">G: the factor by which the receiver's FFT scales a white noise variance (&gt; 0).</param>
    public static double NoiseVariancePerSample(double snrDb, double resourceElementEnergy, double fftNoiseGain)
    {
        if (!(snrDb >= -100 && snrDb <= 100))
        {
            ThrowHelper.ThrowOutOfRange(nameof(snrDb), snrDb, "−100 … 100 dB");
        }

        if (!(resourceElementEnergy > 0) || double.IsInfinity(resourceElementEnergy))
        {
            ThrowHelper.ThrowOutOfRange(nameof(resourceElementEnergy), resourceElementEnergy, "a finite energy > 0");
        }

        if (!(fftNoiseGain > 0) || double.IsInfinity(fftNoiseGain))
        {
            ThrowHelper.ThrowOutOfRange(nameof(fftNoiseGain), fftNoiseGain, "a finite gain > 0");
        }

        return resourceElementEnergy / (fftNoiseGain * Math.Pow(10, snrDb / 10));
    }

    /// <summary>Es/N0 in dB from Eb/N0 in dB for <paramref name="bitsPerSymbol"/> coded bits per symbol at code rate <paramref name="codeRate"/>: Es/N0 = Eb/N0 + 10·log10(Q_m · R).</summary>
    public static double EsN0DbFromEbN0Db(double ebN0Db, int bitsPerSymbol, double codeRate)
    {
        ThrowHelper.ThrowIfOutside(bitsPerSymbol, 1, 10);
        if (!(codeRate > 0 && codeRate <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(codeRate), codeRate, "0 < R ≤ 1");
        }

        return ebN0Db + (10 * Math.Log10(bitsPerSymbol * codeRate));
    }
}
