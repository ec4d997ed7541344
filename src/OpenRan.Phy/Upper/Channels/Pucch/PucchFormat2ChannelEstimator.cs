using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Channel estimation of PUCCH format 2 from its DM-RS on subcarriers 1, 4, 7, 10 of every PRB (TS 38.211 §6.4.1.3.2):
/// least-squares values z = y·conj(r_l(m)), the time alignment from the phase step between DM-RS six subcarriers apart
/// in the same PRB (σ = arg Σ z(m+2)·conj(z(m)) / 6 per subcarrier: the long lag keeps the estimate precise at low SNR and
/// small allocations, and resolves delays up to 1/(12·Δf)), then per receive antenna, hop and PRB the mean of the de-rotated z over
/// the hop's symbols (a gain flat over the PRB after the time alignment is removed), and the noise from the residuals of
/// those fits. The DTX statistics use the same blocks without de-rotation. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat2ChannelEstimator
{
    private const int DmrsPerPrb = PucchFormat2Modulator.DmrsSubcarriersPerPrb;

    private readonly ComplexF32[] _dmrs = new ComplexF32[16 * DmrsPerPrb];
    private readonly ComplexF32[] _z = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * 2 * 16 * DmrsPerPrb];

    /// <summary>Estimates the channel of the prepared occasion from the extracted REs into <paramref name="estimate"/>.</summary>
    public void Estimate(PucchSlotSequences sequences, PucchResourceElementExtractor received, PucchChannelEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(estimate);
        PucchLayout layout = sequences.Layout;
        int prbs = layout.PrbCount;
        int rxCount = received.RxAntennaCount;
        int symbols = layout.SymbolCount;
        int perSymbol = prbs * DmrsPerPrb;
        estimate.Reset(rxCount, prbs);

        // Least squares at the DM-RS and the phase step between DM-RS 6 subcarriers apart (m and m + 2 in one PRB).
        double dmrsEnergy = 0, stepRe = 0, stepIm = 0;
        int erased = 0;
        for (int l = 0; l < symbols; l++)
        {
            sequences.Format2Dmrs(l, _dmrs.AsSpan(0, perSymbol));
            for (int r = 0; r < rxCount; r++)
            {
                ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, layout.SubcarrierCount);
                Span<ComplexF32> z = _z.AsSpan(((r * symbols) + l) * perSymbol, perSymbol);
                for (int m = 0; m < perSymbol; m++)
                {
                    ComplexF32 value = y[(3 * m) + 1];
                    erased += value == default ? 1 : 0;
                    dmrsEnergy += (double)value.MagnitudeSquared;
                    z[m] = ComplexF32.MultiplyConjugate(value, _dmrs[m]);
                    if (m % DmrsPerPrb >= 2)
                    {
                        ComplexF32 p = ComplexF32.MultiplyConjugate(z[m], z[m - 2]);
                        stepRe += p.Re;
                        stepIm += p.Im;
                    }
                }
            }
        }

        estimate.PhaseSlopePerSubcarrier = Math.Atan2(stepIm, stepRe) / 6;
        ReadOnlySpan<ComplexF32> ramp = estimate.PhaseRamp;

        // Per (antenna, hop, PRB): the DTX statistic on the raw z, the gain and the residual on the de-rotated z.
        double captured = 0, residual = 0, signal = 0;
        int blocks = 0, freedom = 0;
        for (int r = 0; r < rxCount; r++)
        {
            for (int hop = 0; hop < layout.HopCount; hop++)
            {
                int first = hop == 0 ? 0 : layout.FirstHopSymbolCount;
                int last = hop == 0 ? layout.FirstHopSymbolCount : symbols;
                for (int prb = 0; prb < prbs; prb++)
                {
                    double rawRe = 0, rawIm = 0, fitRe = 0, fitIm = 0, energy = 0;
                    int count = 0;
                    for (int l = first; l < last; l++)
                    {
                        ReadOnlySpan<ComplexF32> z = _z.AsSpan((((r * symbols) + l) * perSymbol) + (prb * DmrsPerPrb), DmrsPerPrb);
                        for (int j = 0; j < DmrsPerPrb; j++)
                        {
                            // De-rotate by e^{−jσk} at subcarrier k = 3m + 1 of the allocation.
                            ComplexF32 derotated = ComplexF32.MultiplyConjugate(z[j], ramp[(3 * ((prb * DmrsPerPrb) + j)) + 1]);
                            rawRe += z[j].Re;
                            rawIm += z[j].Im;
                            fitRe += derotated.Re;
                            fitIm += derotated.Im;
                            energy += (double)z[j].MagnitudeSquared;
                            count++;
                        }
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
        int dmrsPerBlock = (symbols * perSymbol * rxCount) / Math.Max(blocks, 1);
        estimate.NoiseVariance = noise;
        estimate.CapturedEnergy = captured;
        estimate.DmrsEnergy = dmrsEnergy;
        estimate.Blocks = blocks;
        estimate.Dimensions = Math.Max((symbols * perSymbol * rxCount) - erased, blocks + 1);
        estimate.Rsrp = Math.Max((signal / blocks) - (noise / dmrsPerBlock), 0);
    }
}
