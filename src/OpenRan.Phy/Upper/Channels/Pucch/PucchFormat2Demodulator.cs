using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 2 demodulation (TS 38.211 §6.3.2.5): DM-RS channel estimation (<see cref="PucchFormat2ChannelEstimator"/>),
/// maximum-ratio combining over the receive antennas (<see cref="PucchEqualizer"/>) and max-log QPSK soft demapping of the
/// data REs in mapping order, giving E_tot LLRs (scrambled; L = ln P(0)/P(1)). Composed from parts handed to the constructor.
/// Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat2Demodulator
{
    private const int Nsc = NrConstants.SubcarriersPerRb;
    private const int MaxData = 16 * PucchFormat2Modulator.DataSubcarriersPerPrb;

    private readonly PucchFormat2ChannelEstimator _estimator;
    private readonly ComplexF32[] _channel = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * 16 * Nsc];
    private readonly ComplexF32[] _y = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * MaxData];
    private readonly ComplexF32[] _h = new ComplexF32[PucchResourceElementExtractor.MaxRxAntennas * MaxData];
    private readonly ComplexF32[] _symbols = new ComplexF32[MaxData];
    private readonly float[] _noise = new float[MaxData];

    /// <summary>Creates the demodulator with <paramref name="estimator"/> (default: a new one).</summary>
    public PucchFormat2Demodulator(PucchFormat2ChannelEstimator? estimator = null) => _estimator = estimator ?? new PucchFormat2ChannelEstimator();

    /// <summary>The channel estimate of the last occasion.</summary>
    public PucchChannelEstimate Estimate { get; } = new();

    /// <summary>Estimates the channel and writes the E_tot LLRs of the prepared occasion.</summary>
    public void Demodulate(PucchSlotSequences sequences, PucchResourceElementExtractor received, Span<float> llrs)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(received);
        PucchLayout layout = sequences.Layout;
        ThrowHelper.ThrowIfLengthDiffers(llrs.Length, layout.TotalRateMatchedLength, nameof(llrs));
        _estimator.Estimate(sequences, received, Estimate);
        int rxCount = received.RxAntennaCount;
        int msc = layout.SubcarrierCount;
        int data = layout.PrbCount * PucchFormat2Modulator.DataSubcarriersPerPrb;
        float noise = (float)Estimate.NoiseVariance;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            int hop = layout.Hop(l);
            for (int r = 0; r < rxCount; r++)
            {
                Span<ComplexF32> channel = _channel.AsSpan(r * msc, msc);
                Estimate.Channel(r, hop, channel);
                ReadOnlySpan<ComplexF32> y = received.Symbol(r, l, msc);
                int i = 0;
                for (int k = 0; k < msc; k++)
                {
                    if (!PucchFormat2Modulator.IsDmrsSubcarrier(k % Nsc))
                    {
                        _y[(r * data) + i] = y[k];
                        _h[(r * data) + i] = channel[k];
                        i++;
                    }
                }
            }

            Span<ComplexF32> symbols = _symbols.AsSpan(0, data);
            Span<float> variances = _noise.AsSpan(0, data);
            PucchEqualizer.CombineMaximumRatio(_y, _h, rxCount, data, noise, symbols, variances);
            DemodulationMapperGeneric.DemodulateToFloat(symbols, variances, ModulationScheme.Qpsk, llrs.Slice(l * data * 2, data * 2));
        }
    }
}
