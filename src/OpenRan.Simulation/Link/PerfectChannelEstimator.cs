using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Link;

/// <summary>
/// Perfect channel knowledge as an <see cref="IChannelEstimator"/>: the true frequency response of the propagation channel
/// at the centre of every allocated OFDM symbol (<see cref="MultipathFadingChannel.FrequencyResponse"/>: the filters the
/// channel applied, latency included) and the true noise variance per resource element (N_FFT·σ²), instead of an
/// estimate from the DM-RS. CFO and phase noise are not part of that knowledge. The simulator tells it where the slot
/// starts (<see cref="BeginSlot"/>) before the receiver runs; the DM-RS and the received grid are not read.
/// </summary>
/// <remarks>Layer v is assumed sent on transmit antenna v (no precoding). Buffers are sized at construction; estimating allocates nothing.</remarks>
public sealed class PerfectChannelEstimator : IChannelEstimator
{
    /// <summary>The estimator's name.</summary>
    public const string EstimatorName = "perfect";

    private readonly LinkChannel _channel;
    private readonly OfdmTiming _timing;
    private readonly double _fftNoiseGain;
    private readonly int _txAntennas;
    private readonly ChannelFrequencyResponsePlan _plan;
    private readonly ComplexF32[] _response;
    private int _slot;
    private long _slotStartSample;

    /// <summary>Plans the responses of the allocated subcarriers.</summary>
    /// <param name="channel">The link's channel (its fading state and noise level are read at every slot).</param>
    /// <param name="timing">The OFDM timing (symbol positions and FFT size).</param>
    /// <param name="subcarrierFrequenciesHz">The baseband frequency of every allocated subcarrier in allocation order.</param>
    /// <param name="txAntennas">Transmit antennas of the channel.</param>
    /// <param name="rxAntennas">Receive antennas of the channel.</param>
    /// <param name="fftNoiseGain">The factor by which the receiver FFT scales a white noise variance (N_FFT for an unscaled FFT).</param>
    public PerfectChannelEstimator(LinkChannel channel, OfdmTiming timing, ReadOnlySpan<double> subcarrierFrequenciesHz, int txAntennas, int rxAntennas, double fftNoiseGain)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(timing);
        _channel = channel;
        _timing = timing;
        _fftNoiseGain = fftNoiseGain;
        _txAntennas = txAntennas;
        _plan = channel.Fading.CreateFrequencyResponsePlan(subcarrierFrequenciesHz, timingReferenceSamples: 0);
        _response = new ComplexF32[rxAntennas * txAntennas * subcarrierFrequenciesHz.Length];
    }

    /// <inheritdoc />
    public string Name => EstimatorName;

    /// <summary>Sets the slot the next <see cref="Estimate"/> describes.</summary>
    /// <param name="slotInFrame">n_s,f^μ.</param>
    /// <param name="slotStartSample">The channel's output sample index of the slot's first sample.</param>
    public void BeginSlot(int slotInFrame, long slotStartSample)
    {
        _slot = slotInFrame;
        _slotStartSample = slotStartSample;
    }

    /// <inheritdoc />
    public void Estimate(ResourceGrid received, DmrsPattern pattern, DmrsPilots pilots, ChannelEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(estimate);
        int rxPorts = received.PortCount;
        int layers = pattern.LayerCount;
        int k = _plan.FrequencyCount;
        if (k != pattern.SubcarrierCount)
        {
            ThrowHelper.ThrowArgument(nameof(pattern), $"the pattern has {pattern.SubcarrierCount} subcarriers; this estimator was planned for {k}.");
        }

        estimate.Reset(rxPorts, layers, k);
        int firstSymbol = _timing.FirstSymbolOfSlot(_slot);
        int slotOffset = _timing.SlotOffsetInSubframe(_slot);
        for (int l = pattern.FirstSymbol; l < pattern.FirstSymbol + pattern.SymbolCount; l++)
        {
            // Centre of the FFT window of symbol l, as an index of the channel's output stream.
            long centre = _slotStartSample + (_timing.UsefulPartOffset(firstSymbol + l) - slotOffset) + (_timing.FftSize / 2);
            _channel.Fading.FrequencyResponse(_plan, centre, _response);
            for (int r = 0; r < rxPorts; r++)
            {
                for (int v = 0; v < layers; v++)
                {
                    // Layer v is sent on transmit antenna v.
                    _response.AsSpan(((r * _txAntennas) + v) * k, k).CopyTo(estimate.Row(r, v, l));
                }
            }

            estimate.MapSymbol(l, l);
        }

        float noisePerRe = (float)(_channel.NoiseVariance * _fftNoiseGain);
        for (int r = 0; r < rxPorts; r++)
        {
            estimate.SetNoise(r, noisePerRe);
        }

        estimate.NoiseVariance = noisePerRe;
        estimate.ChannelPower = 1f;
    }
}
