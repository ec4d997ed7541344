using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 0 detection (TS 38.211 §6.3.2.3, TS 38.213 §9.2.3, §9.2.5.1): a correlator against every cyclic shift the
/// UCI can select, energy combined non-coherently over symbols and receive antennas, the strongest hypothesis tested against
/// a DTX threshold set for the required false-alarm (DTX-to-ACK) probability.
/// </summary>
/// <remarks>
/// <para>Per symbol l and antenna r, z(n) = y(n)·conj(r̄_{u,v}(n)·e^{jα₀n}) with α₀ the hopped shift for m_cs = 0; the
/// correlation with shift m_cs is c = Σ_n z(n)·e^{−j2π·m_cs·n/12} (a 12-point DFT bin, the shifts being orthogonal). The metric
/// of hypothesis m is T_m = Σ_{r,l}|c|²/12 / Σ|y|², the share of the received energy in that shift; with noise only
/// T_m ~ Beta(L·R, 11·L·R) (<see cref="PucchDetectionThreshold"/>), so the threshold holds the false-alarm probability at any
/// noise level. Allocation-free; not thread-safe.</para>
/// </remarks>
public sealed class PucchFormat0Detector
{
    private const int Nsc = NrConstants.SubcarriersPerRb;

    private readonly ComplexF32[] _reference = new ComplexF32[Nsc];
    private readonly ComplexF32[] _z = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * 2 * Nsc];
    private readonly int[] _candidateShift = new int[8];
    private readonly int[] _candidateHarq = new int[8];
    private readonly bool[] _candidateSr = new bool[8];
    private readonly PucchThresholdCache _thresholds = new();

    /// <summary>
    /// Detects the UCI of the prepared occasion from the extracted REs; writes HARQ-ACK and SR bits into
    /// <paramref name="message"/> when detected.
    /// </summary>
    public PucchReceiveResult Detect(PucchSlotSequences sequences, PucchResourceElementExtractor received, PucchUciSizes sizes, double falseAlarmProbability, PucchUciMessage message)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(message);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        int rxCount = received.RxAntennaCount;
        int symbols = layout.SymbolCount;
        int candidates = Candidates(sizes);
        ReadOnlySpan<ComplexF32> roots = PucchLowPaprTable.RootsOfUnity;

        // z = y·conj(reference with m_cs = 0), per (r, l).
        double total = 0;
        for (int l = 0; l < symbols; l++)
        {
            sequences.LowPapr(l, c.InitialCyclicShift, 0, _reference);
            for (int r = 0; r < rxCount; r++)
            {
                ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, Nsc);
                Span<ComplexF32> z = _z.AsSpan(((r * symbols) + l) * Nsc, Nsc);
                for (int n = 0; n < Nsc; n++)
                {
                    z[n] = ComplexF32.MultiplyConjugate(y[n], _reference[n]);
                    total += (double)y[n].MagnitudeSquared;
                }
            }
        }

        int best = -1;
        double bestEnergy = -1;
        for (int h = 0; h < candidates; h++)
        {
            double energy = ShiftEnergy(_candidateShift[h], rxCount * symbols, roots);
            if (energy > bestEnergy)
            {
                bestEnergy = energy;
                best = h;
            }
        }

        if (best < 0)
        {
            // Unreachable with screened input (energies are finite); kept so that no value can index outside the hypotheses.
            best = 0;
            bestEnergy = 0;
        }

        int observations = rxCount * symbols;
        int dimensions = Math.Max((Nsc * observations) - received.ErasureCount, observations + 1);
        double threshold = _thresholds.Get(falseAlarmProbability, candidates, observations, dimensions);
        double metric = total > 0 ? bestEnergy / total : 0;
        PucchMeasurements measurements = Measure(total, bestEnergy, observations, dimensions, _candidateShift[best], metric, threshold, c.SubcarrierSpacingHz, roots);
        message.Reset(sizes);
        if (!(metric > threshold))
        {
            return new PucchReceiveResult(PucchDetectionStatus.Dtx, false, false, measurements);
        }

        for (int i = 0; i < sizes.HarqAckBitCount; i++)
        {
            message.HarqAck[i] = (byte)((_candidateHarq[best] >> i) & 1);
        }

        if (sizes.SrBitCount > 0)
        {
            message.Sr[0] = (byte)(_candidateSr[best] ? 1 : 0);
        }

        return new PucchReceiveResult(PucchDetectionStatus.Valid, true, false, measurements);
    }

    /// <summary>Lists the hypotheses (m_cs, HARQ-ACK value, SR) of the UCI sizes; returns their count.</summary>
    private int Candidates(PucchUciSizes sizes)
    {
        int count = 0;
        int values = 1 << sizes.HarqAckBitCount;
        for (int sr = 0; sr <= sizes.SrBitCount; sr++)
        {
            if (sizes.HarqAckBitCount == 0 && sr == 0)
            {
                continue; // A negative SR alone is not transmitted.
            }

            for (int v = 0; v < (sizes.HarqAckBitCount == 0 ? 1 : values); v++)
            {
                _candidateShift[count] = Ts38213Table9_2_3.CyclicShift(sizes.HarqAckBitCount, v, sr == 1);
                _candidateHarq[count] = v;
                _candidateSr[count] = sr == 1;
                count++;
            }
        }

        return count;
    }

    /// <summary>Σ_{r,l} |Σ_n z(n)·e^{−j2π·m·n/12}|² / 12.</summary>
    private double ShiftEnergy(int shift, int blocks, ReadOnlySpan<ComplexF32> roots)
    {
        double energy = 0;
        for (int b = 0; b < blocks; b++)
        {
            ReadOnlySpan<ComplexF32> z = _z.AsSpan(b * Nsc, Nsc);
            double re = 0, im = 0;
            int phase = 0;
            for (int n = 0; n < Nsc; n++)
            {
                // z(n)·conj(e^{j2π·m·n/12}).
                ComplexF32 w = roots[phase];
                re += (z[n].Re * w.Re) + (z[n].Im * w.Im);
                im += (z[n].Im * w.Re) - (z[n].Re * w.Im);
                phase = (phase + shift) % Nsc;
            }

            energy += ((re * re) + (im * im)) / Nsc;
        }

        return energy;
    }

    private PucchMeasurements Measure(double total, double energy, int observations, int dimensions, int shift, double metric, double threshold, double scsHz, ReadOnlySpan<ComplexF32> roots)
    {
        // E|c|²/12 = 12|h|² + σ² per observation; the other 11 shifts hold noise only (for a flat channel).
        double noise = Math.Max(total - energy, 0) / Math.Max(dimensions - observations, 1);
        double signal = Math.Max((energy / observations) - noise, 0) / Nsc;
        double epre = total / dimensions;

        // Time alignment: the phase slope of z(n)·e^{−j2π·m·n/12} across subcarriers.
        double sumRe = 0, sumIm = 0;
        for (int b = 0; b < observations; b++)
        {
            ReadOnlySpan<ComplexF32> z = _z.AsSpan(b * Nsc, Nsc);
            ComplexF32 previous = default;
            int phase = 0;
            for (int n = 0; n < Nsc; n++)
            {
                ComplexF32 current = ComplexF32.MultiplyConjugate(z[n], roots[phase]);
                if (n > 0)
                {
                    ComplexF32 p = ComplexF32.MultiplyConjugate(current, previous);
                    sumRe += p.Re;
                    sumIm += p.Im;
                }

                previous = current;
                phase = (phase + shift) % Nsc;
            }
        }

        double timeAlignment = -Math.Atan2(sumIm, sumRe) / (2 * Math.PI * scsHz);
        return new PucchMeasurements(Db(signal / noise), Db(signal), Db(epre), noise, timeAlignment, metric, threshold);
    }

    private static double Db(double value) => 10 * Math.Log10(value);
}
