using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH formats 3 and 4 demodulation (TS 38.211 §6.3.2.6): DM-RS channel estimation (<see cref="PucchFormat34ChannelEstimator"/>),
/// per UCI symbol MMSE combining over the receive antennas (<see cref="PucchEqualizer"/>), the inverse transform precoding
/// (an M_sc-point unitary IDFT), normalisation by the mean MMSE gain ḡ (the symbols then carry noise of variance (1 − ḡ)/ḡ),
/// format 4 de-spreading with w_n(k) (averaging the N_SF blocks divides that variance by N_SF), and max-log π/2-BPSK or QPSK
/// soft demapping, giving E_tot LLRs (scrambled; L = ln P(0)/P(1)). Composed from parts handed to the constructor.
/// Allocation-free after the first use of each DFT size; not thread-safe.
/// </summary>
public sealed class PucchFormat34Demodulator
{
    private const int Nsc = NrConstants.SubcarriersPerRb;
    private const int MaxSubcarriers = 16 * Nsc;

    private readonly PucchFormat34ChannelEstimator _estimator;
    private readonly TransformPrecoder _precoder;
    private readonly ComplexF32[] _y = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * MaxSubcarriers];
    private readonly ComplexF32[] _h = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * MaxSubcarriers];
    private readonly ComplexF32[] _equalized = new ComplexF32[MaxSubcarriers];
    private readonly float[] _gains = new float[MaxSubcarriers];
    private readonly ComplexF32[] _time = new ComplexF32[MaxSubcarriers];
    private readonly ComplexF32[] _symbols = new ComplexF32[MaxSubcarriers];
    private readonly float[] _noise = new float[MaxSubcarriers];

    /// <summary>Creates the demodulator from its parts (null: a default instance).</summary>
    public PucchFormat34Demodulator(PucchFormat34ChannelEstimator? estimator = null, TransformPrecoder? precoder = null)
    {
        _estimator = estimator ?? new PucchFormat34ChannelEstimator();
        _precoder = precoder ?? new TransformPrecoder();
    }

    /// <summary>The channel estimate of the last occasion.</summary>
    public PucchChannelEstimate Estimate { get; } = new();

    /// <summary>Estimates the channel and writes the E_tot LLRs of the prepared occasion.</summary>
    public void Demodulate(PucchSlotSequences sequences, PucchResourceElementExtractor received, Span<float> llrs)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, layout.TotalRateMatchedLength, nameof(llrs));
        _estimator.Estimate(sequences, received, Estimate);
        int rxCount = received.RxAntennaCount;
        int msc = layout.SubcarrierCount;
        int qm = c.Modulation.BitsPerSymbol();
        int perSymbol = c.Format == PucchFormat.Format3 ? msc : msc / c.SpreadingFactor;
        float noise = (float)Estimate.NoiseVariance;
        int uci = 0;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            if (layout.IsDmrs(l))
            {
                continue;
            }

            int hop = layout.Hop(l);
            for (int r = 0; r < rxCount; r++)
            {
                Estimate.Channel(r, hop, _h.AsSpan(r * msc, msc));
                received.Symbol(r, l, msc).CopyTo(_y.AsSpan(r * msc, msc));
            }

            Span<ComplexF32> equalized = _equalized.AsSpan(0, msc);
            Span<float> gains = _gains.AsSpan(0, msc);
            PucchEqualizer.CombineMmse(_y, _h, rxCount, msc, noise, equalized, gains);
            float meanGain = 0;
            foreach (float g in gains)
            {
                meanGain += g;
            }

            meanGain /= msc;
            Span<ComplexF32> time = _time.AsSpan(0, msc);
            _precoder.Deprecode(equalized, layout.PrbCount, time);
            Span<ComplexF32> symbols = _symbols.AsSpan(0, perSymbol);
            Span<float> variances = _noise.AsSpan(0, perSymbol);
            bool usable = meanGain > 0 && float.IsFinite(meanGain);
            float scale = usable ? 1 / meanGain : 0;
            float variance = usable ? (1 - meanGain) / meanGain : float.PositiveInfinity;
            if (c.Format == PucchFormat.Format3)
            {
                ComplexKernels.Scale(time, scale, symbols);
            }
            else
            {
                // De-spreading (TS 38.211 §6.3.2.6.3 undone): d(j) = (1/N_SF)·Σ_b conj(w_n(b·M/N_SF + j))·y(b·M/N_SF + j).
                for (int j = 0; j < perSymbol; j++)
                {
                    ComplexF32 sum = default;
                    for (int b = 0; b < c.SpreadingFactor; b++)
                    {
                        int k = (b * perSymbol) + j;
                        sum += ComplexF32.MultiplyConjugate(time[k], Ts38211Table6_3_2_6_3.Weight(c.SpreadingFactor, c.OccIndex, k));
                    }

                    symbols[j] = sum * (scale / c.SpreadingFactor);
                }

                variance /= c.SpreadingFactor;
            }

            variances.Fill(Math.Max(variance, 1e-6f));
            DemodulationMapperGeneric.DemodulateToFloat(symbols, variances, c.Modulation, llrs.Slice(uci * perSymbol * qm, perSymbol * qm), uci * perSymbol);
            uci++;
        }
    }
}
