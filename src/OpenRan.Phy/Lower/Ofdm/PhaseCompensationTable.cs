using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>
/// The up-conversion phase compensation of TS 38.211 §5.4, one factor per OFDM symbol of a subframe:
/// φ_l = e^(−j2π·f0·(t_start,l + N_CP,l·T_c)), t measured from the start of the subframe (the modulator multiplies symbol l
/// by φ_l; the demodulator by conj(φ_l)). Computed in double precision, once per configuration (srsRAN
/// <c>phase_compensation_lut</c>).
/// </summary>
public sealed class PhaseCompensationTable
{
    private readonly ComplexF32[] _factors;

    /// <summary>Builds the table for <paramref name="timing"/> and carrier frequency <paramref name="carrierFrequencyHz"/> (0 gives all ones).</summary>
    public PhaseCompensationTable(OfdmTiming timing, double carrierFrequencyHz)
    {
        ArgumentNullException.ThrowIfNull(timing);
        _factors = new ComplexF32[timing.SymbolsPerSubframe];
        for (int l = 0; l < _factors.Length; l++)
        {
            // f0·t in cycles, with t = (samples before the useful part) / f_s; only the fractional part matters.
            double cycles = carrierFrequencyHz * timing.UsefulPartOffset(l) / timing.SampleRateHz;
            double fraction = cycles - Math.Floor(cycles);
            _factors[l] = ComplexF32.FromPolar(1.0, -2.0 * Math.PI * fraction);
        }
    }

    /// <summary>φ_l for symbol <paramref name="symbolInSubframe"/> of the subframe.</summary>
    public ComplexF32 this[int symbolInSubframe] => _factors[symbolInSubframe];
}
