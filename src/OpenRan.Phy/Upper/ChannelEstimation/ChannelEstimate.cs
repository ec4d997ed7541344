using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// The channel estimated from DM-RS for one slot: coefficients H[r, v] per receive port r, layer v, OFDM symbol and
/// allocated subcarrier (allocation coordinates), plus the noise variance, SNR, timing offset and frequency offset
/// measured on the DM-RS. Storage is sized at construction; an <see cref="IChannelEstimator"/> refills it every slot
/// through <see cref="Reset"/>, <see cref="Row"/>, <see cref="MapSymbol"/> and <see cref="SetNoise"/> (the DM-RS
/// estimator, or an estimator with perfect channel knowledge in a link simulator).
/// </summary>
public sealed class ChannelEstimate
{
    private readonly ComplexF32[] _coefficients;
    private readonly int[] _rowOfSymbol = new int[NrConstants.SymbolsPerSlotNormalCp];
    private readonly float[] _noisePerRxPort;

    /// <summary>Allocates storage for up to the given dimensions.</summary>
    /// <param name="maxRxPorts">Receive ports, 1..8.</param>
    /// <param name="maxLayers">Layers, 1..4.</param>
    /// <param name="maxSubcarriers">Allocated subcarriers, 12..3300.</param>
    public ChannelEstimate(int maxRxPorts = 4, int maxLayers = 4, int maxSubcarriers = NrConstants.MaxPrb * NrConstants.SubcarriersPerRb)
    {
        ThrowHelper.ThrowIfOutside(maxRxPorts, 1, 8);
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        ThrowHelper.ThrowIfOutside(maxSubcarriers, NrConstants.SubcarriersPerRb, NrConstants.MaxPrb * NrConstants.SubcarriersPerRb);
        MaxRxPorts = maxRxPorts;
        MaxLayers = maxLayers;
        MaxSubcarriers = maxSubcarriers;
        _coefficients = new ComplexF32[maxRxPorts * maxLayers * NrConstants.SymbolsPerSlotNormalCp * maxSubcarriers];
        _noisePerRxPort = new float[maxRxPorts];
    }

    /// <summary>Largest receive-port count.</summary>
    public int MaxRxPorts { get; }

    /// <summary>Largest layer count.</summary>
    public int MaxLayers { get; }

    /// <summary>Largest allocation width in subcarriers.</summary>
    public int MaxSubcarriers { get; }

    /// <summary>Receive ports of the current estimate.</summary>
    public int RxPortCount { get; private set; }

    /// <summary>Layers of the current estimate.</summary>
    public int LayerCount { get; private set; }

    /// <summary>Allocated subcarriers of the current estimate (the row length).</summary>
    public int SubcarrierCount { get; private set; }

    /// <summary>Noise variance σ² per resource element (complex, E|n|²), averaged over receive ports.</summary>
    public float NoiseVariance { get; set; }

    /// <summary>Noise variance per receive port.</summary>
    public ReadOnlySpan<float> NoiseVariancePerRxPort => _noisePerRxPort.AsSpan(0, RxPortCount);

    /// <summary>Mean channel power per (receive port, layer) link over the estimate, E|H|².</summary>
    public float ChannelPower { get; set; }

    /// <summary>Signal-to-noise ratio per receive port and layer, 10·log10(E|H|²/σ²), in dB.</summary>
    public double SnrDb => 10 * Math.Log10(Math.Max(ChannelPower, 1e-30) / Math.Max(NoiseVariance, 1e-30));

    /// <summary>Timing offset τ estimated from the phase slope across frequency, in seconds (positive: the signal arrives late).</summary>
    public double TimingOffsetSeconds { get; set; }

    /// <summary>Carrier frequency offset estimated from the phase change between DM-RS symbols, in Hz (0 with one DM-RS position).</summary>
    public double CarrierFrequencyOffsetHz { get; set; }

    /// <summary>Whether the carrier frequency offset could be measured (two or more DM-RS positions).</summary>
    public bool HasCarrierFrequencyOffset { get; set; }

    /// <summary>The coefficients H[rxPort, layer] of OFDM symbol <paramref name="symbol"/> over the allocated subcarriers.</summary>
    public ReadOnlySpan<ComplexF32> Coefficients(int rxPort, int layer, int symbol)
    {
        if ((uint)rxPort >= (uint)RxPortCount || (uint)layer >= (uint)LayerCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(rxPort), (rxPort, layer), $"ports 0..{RxPortCount - 1}, layers 0..{LayerCount - 1}");
        }

        int row = _rowOfSymbol[symbol];
        if (row < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(symbol), symbol, "an allocated symbol of the estimated slot");
        }

        return _coefficients.AsSpan(RowOffset(rxPort, layer, row), SubcarrierCount);
    }

    /// <summary>
    /// The coefficients of symbol <paramref name="symbol"/> for every link, in place: link (r, v) starts at
    /// r·<paramref name="rxStride"/> + v·<paramref name="layerStride"/> of the returned span and holds
    /// <see cref="SubcarrierCount"/> values (the layout <see cref="Equalization.ChannelEqualizer"/> reads).
    /// </summary>
    public ReadOnlySpan<ComplexF32> SymbolBlock(int symbol, out int rxStride, out int layerStride)
    {
        int row = (uint)symbol < (uint)_rowOfSymbol.Length ? _rowOfSymbol[symbol] : -1;
        if (row < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(symbol), symbol, "an allocated symbol of the estimated slot");
        }

        layerStride = NrConstants.SymbolsPerSlotNormalCp * MaxSubcarriers;
        rxStride = MaxLayers * layerStride;
        return _coefficients.AsSpan(RowOffset(0, 0, row));
    }

    /// <summary>Starts a new estimate: dimensions set, no symbol mapped to a row yet.</summary>
    public void Reset(int rxPorts, int layers, int subcarriers)
    {
        if (rxPorts > MaxRxPorts || layers > MaxLayers || subcarriers > MaxSubcarriers)
        {
            ThrowHelper.ThrowArgument(nameof(rxPorts), $"estimate of {rxPorts} receive ports × {layers} layers × {subcarriers} subcarriers exceeds the storage ({MaxRxPorts} × {MaxLayers} × {MaxSubcarriers}).");
        }

        RxPortCount = rxPorts;
        LayerCount = layers;
        SubcarrierCount = subcarriers;
        Array.Fill(_rowOfSymbol, -1);
        HasCarrierFrequencyOffset = false;
        CarrierFrequencyOffsetHz = 0;
        TimingOffsetSeconds = 0;
    }

    /// <summary>Row <paramref name="row"/> (0..13) of link (rxPort, layer) for writing.</summary>
    public Span<ComplexF32> Row(int rxPort, int layer, int row) => _coefficients.AsSpan(RowOffset(rxPort, layer, row), SubcarrierCount);

    /// <summary>Makes symbol <paramref name="symbol"/> read row <paramref name="row"/>.</summary>
    public void MapSymbol(int symbol, int row) => _rowOfSymbol[symbol] = row;

    /// <summary>Sets the noise variance of one receive port.</summary>
    public void SetNoise(int rxPort, float value) => _noisePerRxPort[rxPort] = value;

    private int RowOffset(int rxPort, int layer, int row) =>
        ((((rxPort * MaxLayers) + layer) * NrConstants.SymbolsPerSlotNormalCp) + row) * MaxSubcarriers;
}
