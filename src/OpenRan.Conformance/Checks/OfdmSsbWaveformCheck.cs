using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// OFDM demodulation and modulation of MATLAB SS/PBCH-block waveforms (10 ms, no stored grid; README §4 <c>ssb/waveform</c>).
/// The frame is demodulated with phase compensation at the file's carrier frequency, then: (1) all energy lies on the 240
/// subcarriers of the SSB, which start at (12·NCRBSSB + KSSB)·15 kHz/Δf (TS 38.211 §7.4.3.1, TS 38.213 §4.1: N_CRB^SSB and
/// k_SSB in 15 kHz units in FR1); (2) every symbol with 127 occupied subcarriers has them at SSB subcarriers 56..182 (the
/// PSS, TS 38.211 Table 7.4.3.1-1) and they are real ±β (the BPSK m-sequence of §7.4.2.2), which fails for a wrong FFT
/// window, cyclic prefix or phase; (3) modulating the demodulated grid reproduces the waveform within 1e-5 relative error.
/// </summary>
public sealed class OfdmSsbWaveformCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "ofdm-ssb";

    /// <inheritdoc />
    public string Description => "OFDM demodulate SSB waveforms: energy on the SSB subcarriers, real BPSK PSS; re-modulation matches (TS 38.211 §5.3.1, §7.4.3.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/ssb/waveform";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        var probe = Formats.MatFile.Load(caseId);
        double carrierHz = probe.Numeric("carrier_freq_in_mhz").ScalarDouble * 1e6;
        var vector = OfdmVectorCase.Load(caseId, carrierHz);
        int scsKhz = vector.Timing.Numerology.SubcarrierSpacingKhz;
        int offset15 = (12 * probe.Numeric("NCRBSSB").ScalarInt32) + probe.Numeric("KSSB").ScalarInt32;

        // An odd number of 15 kHz subcarriers at 30 kHz: the block sits half a subcarrier above subcarrier ⌊offset⌋ and is
        // demodulated with the half-subcarrier shift, which brings it onto the grid.
        bool half = offset15 * 15 % scsKhz != 0;
        int ssbStart = offset15 * 15 / scsKhz;
        int k = vector.Configuration.SubcarrierCount;
        if (ssbStart + 240 > k)
        {
            return CaseResult.Fail($"SSB subcarriers {ssbStart}..{ssbStart + 239} exceed the {k}-subcarrier grid");
        }

        int slots = vector.SlotCount;
        ComplexF32[] frame = vector.Demodulate(0, slots, half);

        // (1) Energy outside the SSB.
        double total = 0, outside = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            double e = frame[i].MagnitudeSquared;
            total += e;
            int sc = i % k;
            if (sc < ssbStart || sc >= ssbStart + 240)
            {
                outside += e;
            }
        }

        if (!(total > 0) || outside > 1e-10 * total)
        {
            return CaseResult.Fail(FormattableString.Invariant($"energy outside SSB subcarriers {ssbStart}..{ssbStart + 239}: {outside / total:G3} of total ({vector.Describe()})"));
        }

        // (2) PSS symbols: 127 occupied subcarriers at SSB offset 56..182, real ±β.
        int pssSymbols = 0;
        for (int symbol = 0; symbol < frame.Length / k; symbol++)
        {
            ReadOnlySpan<ComplexF32> row = frame.AsSpan(symbol * k, k);
            double peak = 0;
            foreach (ComplexF32 v in row)
            {
                peak = Math.Max(peak, v.Magnitude);
            }

            int occupied = 0;
            foreach (ComplexF32 v in row)
            {
                occupied += v.Magnitude > 1e-3 * peak ? 1 : 0;
            }

            if (occupied != 127)
            {
                continue;
            }

            pssSymbols++;
            ReadOnlySpan<ComplexF32> pss = row.Slice(ssbStart + 56, 127);
            float beta = MathF.Abs(pss[0].Re);
            for (int n = 0; n < pss.Length; n++)
            {
                if (MathF.Abs(pss[n].Im) > 1e-5f * beta || MathF.Abs(MathF.Abs(pss[n].Re) - beta) > 1e-5f * beta)
                {
                    return CaseResult.Fail($"symbol {symbol}: PSS subcarrier {n} = {pss[n]} is not ±{beta} (real BPSK expected; {vector.Describe()})");
                }
            }
        }

        if (pssSymbols == 0)
        {
            return CaseResult.Fail($"no symbol carries a PSS (127 subcarriers at SSB offset 56..182) ({vector.Describe()})");
        }

        // (3) Re-modulating the demodulated frame reproduces the waveform.
        ResourceGrid grid = vector.GridFromRows([frame]);
        Complex[] expected = vector.Waveform.RowComplex(0);
        string? remodulated = Compare.FirstRelativeDifference(vector.Modulate(grid, 0, slots, half), expected, OfdmGridWaveformCheck.Tolerance, "re-modulated waveform");
        return remodulated is null
            ? CaseResult.Pass($"{pssSymbols} PSS symbols, SSB at subcarrier {ssbStart}{(half ? " + ½" : string.Empty)}; {vector.Describe()}")
            : CaseResult.Fail($"{remodulated} ({vector.Describe()})");
    }
}
