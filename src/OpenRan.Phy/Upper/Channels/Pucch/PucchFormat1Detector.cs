using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 1 coherent detection with DTX detection (TS 38.211 §6.3.2.4, §6.4.1.3.1): the received symbols are
/// de-spread with their known sequence and orthogonal cover, the channel of every hop and receive antenna is estimated
/// jointly from the DM-RS and the data under each hypothesis d(0) (the generalised likelihood ratio for a channel that is
/// flat over the hop), the most likely d(0) is decided and its energy share is tested against a DTX threshold set for the
/// required false-alarm probability.
/// </summary>
/// <remarks>
/// <para>Per symbol l, z_l(n) = y_l(n)·conj(w_i(m)·r_{u,v}^{(α_l)}(n)); per hop h and antenna r, A = Σ over DM-RS symbols and
/// subcarriers of z, B = Σ over data symbols. Under hypothesis d the least-squares channel is ĥ = (A + d*·B)/N_h and the
/// captured energy |A + d*·B|²/N_h; T_d = Σ_{h,r}|A + d*·B|²/N_h / Σ|y|² ~ Beta(H·R, N − H·R) with noise only.</para>
/// <para>Hypotheses: BPSK (one HARQ-ACK bit), QPSK (two), or the single d(0) of a positive SR alone (TS 38.213 §9.2.4).
/// Allocation-free; not thread-safe.</para>
/// </remarks>
public sealed class PucchFormat1Detector
{
    private const int Nsc = NrConstants.SubcarriersPerRb;
    private const float InvSqrt2 = 0.70710678118654752f;

    private readonly ComplexF32[] _reference = new ComplexF32[Nsc];
    private readonly ComplexF32[] _dmrsSum = new ComplexF32[2 * PucchResourceElementExtractor.MaxRxAntennas];
    private readonly ComplexF32[] _dataSum = new ComplexF32[2 * PucchResourceElementExtractor.MaxRxAntennas];
    private readonly PucchThresholdCache _thresholds = new();

    /// <summary>Detects the UCI of the prepared occasion; writes HARQ-ACK (or SR) bits into <paramref name="message"/> when detected.</summary>
    public PucchReceiveResult Detect(PucchSlotSequences sequences, PucchResourceElementExtractor received, PucchUciSizes sizes, double falseAlarmProbability, PucchUciMessage message)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(message);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        int rxCount = received.RxAntennaCount;
        int hops = layout.HopCount;
        _dmrsSum.AsSpan(0, hops * rxCount).Clear();
        _dataSum.AsSpan(0, hops * rxCount).Clear();
        double total = 0, slopeRe = 0, slopeIm = 0;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            sequences.LowPapr(l, c.InitialCyclicShift, 0, _reference);
            ComplexF32 w = PucchFormat1Modulator.CoverWeight(layout, l);
            bool dmrs = layout.IsDmrs(l);
            int hop = layout.Hop(l);
            for (int r = 0; r < rxCount; r++)
            {
                ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, Nsc);
                double re = 0, im = 0;
                ComplexF32 previous = default;
                for (int n = 0; n < Nsc; n++)
                {
                    // z = y·conj(w·r) = (y·conj(r))·conj(w).
                    ComplexF32 z = ComplexF32.MultiplyConjugate(ComplexF32.MultiplyConjugate(y[n], _reference[n]), w);
                    re += z.Re;
                    im += z.Im;
                    total += (double)y[n].MagnitudeSquared;
                    if (dmrs && n > 0)
                    {
                        ComplexF32 p = ComplexF32.MultiplyConjugate(z, previous);
                        slopeRe += p.Re;
                        slopeIm += p.Im;
                    }

                    previous = z;
                }

                int index = (hop * rxCount) + r;
                var sum = new ComplexF32((float)re, (float)im);
                if (dmrs)
                {
                    _dmrsSum[index] += sum;
                }
                else
                {
                    _dataSum[index] += sum;
                }
            }
        }

        // Hypotheses d(0): BPSK (1 bit), QPSK (2 bits), or the positive-SR symbol (b(0) = 0) alone.
        int harqBits = sizes.HarqAckBitCount;
        int hypotheses = harqBits == 0 ? 1 : 1 << harqBits;
        int best = 0;
        double bestEnergy = -1;
        for (int v = 0; v < hypotheses; v++)
        {
            ComplexF32 d = Symbol(harqBits, v);
            double energy = 0;
            for (int hop = 0; hop < hops; hop++)
            {
                int symbolsInHop = hop == 0 ? layout.FirstHopSymbolCount : layout.SymbolCount - layout.FirstHopSymbolCount;
                for (int r = 0; r < rxCount; r++)
                {
                    int index = (hop * rxCount) + r;
                    ComplexF32 s = _dmrsSum[index] + ComplexF32.MultiplyConjugate(_dataSum[index], d);
                    energy += (double)s.MagnitudeSquared / (symbolsInHop * Nsc);
                }
            }

            if (energy > bestEnergy)
            {
                bestEnergy = energy;
                best = v;
            }
        }

        int observations = hops * rxCount;
        int dimensions = Math.Max((layout.SymbolCount * Nsc * rxCount) - received.ErasureCount, observations + 1);
        double threshold = _thresholds.Get(falseAlarmProbability, hypotheses, observations, dimensions);
        double metric = total > 0 ? bestEnergy / total : 0;
        double noise = Math.Max(total - bestEnergy, 0) / (dimensions - observations);
        double signal = Math.Max((bestEnergy / observations) - noise, 0) / (layout.SymbolCount * Nsc / (double)hops);
        double timeAlignment = -Math.Atan2(slopeIm, slopeRe) / (2 * Math.PI * c.SubcarrierSpacingHz);
        var measurements = new PucchMeasurements(Db(signal / noise), Db(signal), Db(total / dimensions), noise, timeAlignment, metric, threshold);
        message.Reset(sizes);
        if (!(metric > threshold))
        {
            return new PucchReceiveResult(PucchDetectionStatus.Dtx, false, false, measurements);
        }

        if (harqBits == 0)
        {
            message.Sr[0] = 1;
        }

        for (int i = 0; i < harqBits; i++)
        {
            message.HarqAck[i] = (byte)((best >> i) & 1);
        }

        return new PucchReceiveResult(PucchDetectionStatus.Valid, true, false, measurements);
    }

    /// <summary>d(0) of hypothesis <paramref name="value"/> (bit i of value = b(i)); the positive-SR symbol for no HARQ-ACK bits.</summary>
    private static ComplexF32 Symbol(int bits, int value)
    {
        float re = (value & 1) == 0 ? InvSqrt2 : -InvSqrt2;
        float im = bits == 2 ? (((value >> 1) & 1) == 0 ? InvSqrt2 : -InvSqrt2) : re;
        return new ComplexF32(re, im);
    }

    private static double Db(double value) => 10 * Math.Log10(value);
}
