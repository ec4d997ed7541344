using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Common;

/// <summary>
/// A resource grid (TS 38.211 §4.4.4): ports × OFDM symbols × subcarriers of complex resource elements, backed by one
/// buffer allocated at construction for the largest configuration and re-dimensioned per use without allocating.
/// </summary>
/// <remarks>
/// Layout: port-major, then symbol, then subcarrier (subcarrier fastest), so one symbol of one port is a contiguous
/// span of <see cref="SubcarrierCount"/> elements and one port is a contiguous span of symbols × subcarriers. Subcarrier
/// k = 0 is subcarrier 0 of common resource block <see cref="NStartGrid"/> (the lowest subcarrier of the grid), which
/// is the flattening of MATLAB's <c>fd_slot_data</c> (<c>symbol·K + k</c>) and of TS 38.211 §5.3.1's index k.
/// </remarks>
public sealed class ResourceGrid
{
    private readonly ComplexF32[] _buffer;

    /// <summary>Allocates a grid able to hold up to the given dimensions; it starts dimensioned at that maximum.</summary>
    /// <param name="maxPortCount">Largest number of antenna ports (or layers), ≥ 1.</param>
    /// <param name="maxSymbolCount">Largest number of OFDM symbols, ≥ 1 (14 for a slot with normal CP).</param>
    /// <param name="maxSubcarrierCount">Largest number of subcarriers, 1..<see cref="NrConstants.MaxPrb"/>·12.</param>
    public ResourceGrid(int maxPortCount, int maxSymbolCount, int maxSubcarrierCount)
    {
        ThrowHelper.ThrowIfOutside(maxPortCount, 1, 32);
        ThrowHelper.ThrowIfOutside(maxSymbolCount, 1, 14 * 16 * 10);
        ThrowHelper.ThrowIfOutside(maxSubcarrierCount, 1, NrConstants.MaxPrb * NrConstants.SubcarriersPerRb);
        MaxPortCount = maxPortCount;
        MaxSymbolCount = maxSymbolCount;
        MaxSubcarrierCount = maxSubcarrierCount;
        _buffer = new ComplexF32[checked(maxPortCount * maxSymbolCount * maxSubcarrierCount)];
        PortCount = maxPortCount;
        SymbolCount = maxSymbolCount;
        SubcarrierCount = maxSubcarrierCount;
    }

    /// <summary>Largest port count this grid can hold.</summary>
    public int MaxPortCount { get; }

    /// <summary>Largest symbol count this grid can hold.</summary>
    public int MaxSymbolCount { get; }

    /// <summary>Largest subcarrier count this grid can hold.</summary>
    public int MaxSubcarrierCount { get; }

    /// <summary>Number of ports in use.</summary>
    public int PortCount { get; private set; }

    /// <summary>Number of OFDM symbols in use.</summary>
    public int SymbolCount { get; private set; }

    /// <summary>Number of subcarriers in use, N_grid^size · 12.</summary>
    public int SubcarrierCount { get; private set; }

    /// <summary>The grid size in resource blocks, N_grid^size (TS 38.211 §4.4.2); subcarriers / 12.</summary>
    public int NSizeGrid => SubcarrierCount / NrConstants.SubcarriersPerRb;

    /// <summary>The common resource block where the grid starts, N_grid^start (TS 38.211 §4.4.2).</summary>
    public int NStartGrid { get; private set; }

    /// <summary>
    /// Re-dimensions the grid without allocating and clears the used part.
    /// </summary>
    /// <param name="portCount">Ports, 1..<see cref="MaxPortCount"/>.</param>
    /// <param name="symbolCount">OFDM symbols, 1..<see cref="MaxSymbolCount"/>.</param>
    /// <param name="nSizeGrid">Grid size in resource blocks; 12·nSizeGrid ≤ <see cref="MaxSubcarrierCount"/>.</param>
    /// <param name="nStartGrid">First common resource block of the grid, 0..2199 (TS 38.211 §4.4.2 N_grid^start).</param>
    public void Configure(int portCount, int symbolCount, int nSizeGrid, int nStartGrid = 0)
    {
        ThrowHelper.ThrowIfOutside(portCount, 1, MaxPortCount);
        ThrowHelper.ThrowIfOutside(symbolCount, 1, MaxSymbolCount);
        ThrowHelper.ThrowIfOutside(nSizeGrid, 1, MaxSubcarrierCount / NrConstants.SubcarriersPerRb);
        ThrowHelper.ThrowIfOutside(nStartGrid, 0, 2199);
        PortCount = portCount;
        SymbolCount = symbolCount;
        SubcarrierCount = nSizeGrid * NrConstants.SubcarriersPerRb;
        NStartGrid = nStartGrid;
        Clear();
    }

    /// <summary>Sets every used resource element to zero.</summary>
    public void Clear() => _buffer.AsSpan(0, PortCount * SymbolCount * SubcarrierCount).Clear();

    /// <summary>The subcarriers of one OFDM symbol of one port.</summary>
    public Span<ComplexF32> Symbol(int port, int symbol)
    {
        if ((uint)port >= (uint)PortCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(port), port, $"0..{PortCount - 1}");
        }

        if ((uint)symbol >= (uint)SymbolCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(symbol), symbol, $"0..{SymbolCount - 1}");
        }

        return _buffer.AsSpan(((port * SymbolCount) + symbol) * SubcarrierCount, SubcarrierCount);
    }

    /// <summary>All symbols of one port, symbol-major (<c>symbol·K + k</c>).</summary>
    public Span<ComplexF32> Port(int port)
    {
        if ((uint)port >= (uint)PortCount)
        {
            ThrowHelper.ThrowOutOfRange(nameof(port), port, $"0..{PortCount - 1}");
        }

        return _buffer.AsSpan(port * SymbolCount * SubcarrierCount, SymbolCount * SubcarrierCount);
    }

    /// <summary>Resource element (port, symbol l, subcarrier k).</summary>
    public ref ComplexF32 this[int port, int symbol, int k]
    {
        get
        {
            if ((uint)k >= (uint)SubcarrierCount)
            {
                ThrowHelper.ThrowOutOfRange(nameof(k), k, $"0..{SubcarrierCount - 1}");
            }

            return ref Symbol(port, symbol)[k];
        }
    }
}
