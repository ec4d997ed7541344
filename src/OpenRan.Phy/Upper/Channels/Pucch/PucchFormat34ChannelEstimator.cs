using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Channel estimation of PUCCH formats 3 and 4 from their DM-RS symbols (TS 38.211 §6.4.1.3.3): least-squares values
/// z = y·conj(r_{u,v}^{(α_l)}(k)) over the 12·N_PRB subcarriers of every DM-RS symbol, the time alignment from the phase step
/// between subcarriers six apart in the same PRB (σ = arg Σ z(k+6)·conj(z(k)) / 6: precise at low SNR and for one PRB, and
/// unambiguous for delays up to 1/(12·Δf)), then per receive antenna, hop and PRB the mean of the
/// de-rotated z over the hop's DM-RS symbols, and the noise from the residuals of those fits. The DTX statistics use the
/// same blocks without de-rotation. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat34ChannelEstimator
{
    private const int Nsc = NrConstants.SubcarriersPerRb;

    private readonly ComplexF32[] _reference = new ComplexF32[16 * Nsc];
    private readonly ComplexF32[] _z = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * 4 * 16 * Nsc];

    /// <summary>Estimates the channel of the prepared occasion from the extracted REs into <paramref name="estimate"/>.</summary>
    public void Estimate(PucchSlotSequences sequences, PucchResourceElementExtractor received, PucchChannelEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(estimate);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        int prbs = layout.PrbCount;
        int msc = layout.SubcarrierCount;
        int rxCount = received.RxAntennaCount;
        int dmrsCount = System.Numerics.BitOperations.PopCount(layout.DmrsSymbolMask);
        int m0 = PucchFormat34Modulator.DmrsInitialCyclicShift(c);
        estimate.Reset(rxCount, prbs);

        double dmrsEnergy = 0, stepRe = 0, stepIm = 0;
        int erased = 0;
        int d = 0;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            if (!layout.IsDmrs(l))
            {
                continue;
            }

            sequences.LowPapr(l, m0, 0, _reference.AsSpan(0, msc));
            for (int r = 0; r < rxCount; r++)
            {
                ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, msc);
                Span<ComplexF32> z = _z.AsSpan(((r * dmrsCount) + d) * msc, msc);
                for (int k = 0; k < msc; k++)
                {
                    erased += y[k] == default ? 1 : 0;
                    dmrsEnergy += (double)y[k].MagnitudeSquared;
                    z[k] = ComplexF32.MultiplyConjugate(y[k], _reference[k]);
                    if (k % Nsc >= 6)
                    {
                        ComplexF32 p = ComplexF32.MultiplyConjugate(z[k], z[k - 6]);
                        stepRe += p.Re;
                        stepIm += p.Im;
                    }
                }
            }

            d++;
        }

        estimate.PhaseSlopePerSubcarrier = Math.Atan2(stepIm, stepRe) / 6;
        ReadOnlySpan<ComplexF32> ramp = estimate.PhaseRamp;
        double captured = 0, residual = 0, signal = 0;
        int blocks = 0, freedom = 0;
        for (int r = 0; r < rxCount; r++)
        {
            for (int hop = 0; hop < layout.HopCount; hop++)
            {
                for (int prb = 0; prb < prbs; prb++)
                {
                    double rawRe = 0, rawIm = 0, fitRe = 0, fitIm = 0, energy = 0;
                    int count = 0;
                    d = 0;
                    for (int l = 0; l < layout.SymbolCount; l++)
                    {
                        if (!layout.IsDmrs(l))
                        {
                            continue;
                        }

                        if (layout.Hop(l) == hop)
                        {
                            ReadOnlySpan<ComplexF32> z = _z.AsSpan((((r * dmrsCount) + d) * msc) + (prb * Nsc), Nsc);
                            for (int k = 0; k < Nsc; k++)
                            {
                                ComplexF32 derotated = ComplexF32.MultiplyConjugate(z[k], ramp[(prb * Nsc) + k]);
                                rawRe += z[k].Re;
                                rawIm += z[k].Im;
                                fitRe += derotated.Re;
                                fitIm += derotated.Im;
                                energy += (double)z[k].MagnitudeSquared;
                                count++;
                            }
                        }

                        d++;
                    }

                    if (count == 0)
                    {
                        continue;
                    }

                    captured += ((rawRe * rawRe) + (rawIm * rawIm)) / count;
                    double fitted = ((fitRe * fitRe) + (fitIm * fitIm)) / count;
                    residual += Math.Max(energy - fitted, 0);
                    signal += fitted / count;
                    freedom += count - 1;
                    blocks++;
                    estimate.Gain(r, hop, prb) = new ComplexF32((float)(fitRe / count), (float)(fitIm / count));
                }
            }
        }

        // A floor 70 dB below the signal keeps clean (noiseless) inputs finite for the demappers.
        double noise = Math.Max(residual / Math.Max(freedom, 1), Math.Max(1e-7 * signal / Math.Max(blocks, 1), 1e-30));
        int perBlock = (dmrsCount * msc * rxCount) / Math.Max(blocks, 1);
        estimate.NoiseVariance = noise;
        estimate.CapturedEnergy = captured;
        estimate.DmrsEnergy = dmrsEnergy;
        estimate.Blocks = blocks;
        estimate.Dimensions = Math.Max((dmrsCount * msc * rxCount) - erased, blocks + 1);
        estimate.Rsrp = Math.Max((signal / Math.Max(blocks, 1)) - (noise / Math.Max(perBlock, 1)), 0);
    }
}
