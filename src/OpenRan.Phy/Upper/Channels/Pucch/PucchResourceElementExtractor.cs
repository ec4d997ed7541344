using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// Gathers the REs of one PUCCH occasion from every receive port of a resource grid into a compact buffer, receive
/// antenna-major, then PUCCH symbol, then subcarrier ([r][l][k], 12·N_PRB subcarriers per symbol), and turns received
/// values that are not finite (NaN, ±∞) or larger in magnitude than <see cref="MaxMagnitude"/> into erasures: they become 0
/// and are counted, and flushes subnormal parts to 0 (<see cref="ComplexErasure"/>), so no sample value can make a receiver
/// throw or report garbage (an overflowing energy would pass any DTX test). Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchResourceElementExtractor
{
    /// <summary>Largest REs per receive antenna: 16 PRBs × 14 symbols.</summary>
    public const int MaxPerAntenna = 16 * NrConstants.SubcarriersPerRb * NrConstants.SymbolsPerSlotNormalCp;

    /// <summary>The largest valid |Re| and |Im| of a received RE (<see cref="ComplexErasure.DefaultMaxMagnitude"/>, 1e10); larger values are erasures.</summary>
    public const float MaxMagnitude = ComplexErasure.DefaultMaxMagnitude;

    /// <summary>The receive antennas the buffers hold at most.</summary>
    public const int MaxRxAntennas = 8;

    private readonly ComplexF32[] _buffer = new ComplexF32[MaxRxAntennas * MaxPerAntenna];

    /// <summary>The REs of the last extraction.</summary>
    public ReadOnlySpan<ComplexF32> ResourceElements => _buffer.AsSpan(0, RxAntennaCount * PerAntenna);

    /// <summary>Receive antennas of the last extraction.</summary>
    public int RxAntennaCount { get; private set; }

    /// <summary>REs per antenna of the last extraction (N_symb^PUCCH · 12·N_PRB).</summary>
    public int PerAntenna { get; private set; }

    /// <summary>Σ|y|² over every extracted RE of the last extraction (double precision).</summary>
    public double Energy { get; private set; }

    /// <summary>Erased (non-finite or absurd) REs of the last extraction, all antennas.</summary>
    public int ErasureCount { get; private set; }

    /// <summary>The REs of PUCCH symbol l at antenna r.</summary>
    public ReadOnlySpan<ComplexF32> Symbol(int r, int l, int subcarriers) => _buffer.AsSpan((r * PerAntenna) + (l * subcarriers), subcarriers);

    /// <summary>Extracts the REs of <paramref name="layout"/> from every port of <paramref name="grid"/> (one port per receive antenna).</summary>
    public void Extract(ResourceGrid grid, PucchLayout layout)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(layout);
        ThrowHelper.ThrowIfOutside(grid.PortCount, 1, MaxRxAntennas);
        PucchGridCheck.ThrowIfOutside(layout, grid, 0);
        int k = layout.SubcarrierCount;
        RxAntennaCount = grid.PortCount;
        PerAntenna = layout.SymbolCount * k;
        int erasures = 0;
        double energy = 0;
        PucchConfiguration c = layout.Configuration;
        for (int r = 0; r < RxAntennaCount; r++)
        {
            for (int l = 0; l < layout.SymbolCount; l++)
            {
                ReadOnlySpan<ComplexF32> source = grid.Symbol(r, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), k);
                Span<ComplexF32> destination = _buffer.AsSpan((r * PerAntenna) + (l * k), k);
                source.CopyTo(destination);
                erasures += ComplexErasure.Erase(destination, MaxMagnitude);
                foreach (ComplexF32 v in destination)
                {
                    energy += ((double)v.Re * v.Re) + ((double)v.Im * v.Im);
                }
            }
        }

        ErasureCount = erasures;
        Energy = energy;
    }
}
