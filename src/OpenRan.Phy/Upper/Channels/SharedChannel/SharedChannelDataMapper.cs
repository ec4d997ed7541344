using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Mimo;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Maps layer symbols onto the data resource elements of a layout and gathers them back (TS 38.211 §7.3.1.5,
/// §6.3.1.6: increasing subcarrier first, then increasing symbol, skipping DM-RS, PT-RS and reserved elements).
/// </summary>
public static class SharedChannelDataMapper
{
    /// <summary>Largest number of data resource elements per layer in a slot (275 PRB × 12 × 14).</summary>
    public const int MaxResourceElementsPerLayer = NrConstants.MaxPrb * NrConstants.SubcarriersPerRb * NrConstants.SymbolsPerSlotNormalCp;

    /// <summary>
    /// The largest G of <paramref name="maxLayers"/> layers: every resource element of 275 PRBs × 14 symbols carrying
    /// 1024-QAM (10 bits) on each layer; the size of the codeword and LLR buffers of the chain processors.
    /// </summary>
    public static int MaxCodewordLength(int maxLayers) => maxLayers * MaxResourceElementsPerLayer * 10;

    /// <summary>Writes layers[v·M + i] (M = <see cref="SharedChannelLayout.DataResourceElementCount"/>) to the data elements of grid port v.</summary>
    /// <param name="layout">The layout.</param>
    /// <param name="layers">Layer-major symbols, M per layer.</param>
    /// <param name="layerCount">υ.</param>
    /// <param name="grid">The layer grid (port v = layer v).</param>
    public static void Map(SharedChannelLayout layout, ReadOnlySpan<ComplexF32> layers, int layerCount, ResourceGrid grid)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(grid);
        int m = layout.DataResourceElementCount;
        ThrowHelper.ThrowIfLengthDiffers(layers.Length, m * layerCount, nameof(layers));
        for (int v = 0; v < layerCount; v++)
        {
            ReadOnlySpan<ComplexF32> layer = layers.Slice(v * m, m);
            int i = 0;
            for (int l = 0; l < layout.SymbolsPerSlot; l++)
            {
                Span<ComplexF32> row = grid.Symbol(v, l);
                foreach (DataRun run in layout.DataRuns(l))
                {
                    layer.Slice(i, run.Length).CopyTo(row.Slice(run.GridStart, run.Length));
                    i += run.Length;
                }
            }
        }
    }

    /// <summary>
    /// Gathers the data elements of one symbol from a buffer in allocation coordinates into a layer stream:
    /// destination[i..] = source[run.AllocationStart ..] for each run of symbol <paramref name="symbol"/>; returns the count.
    /// </summary>
    public static int GatherSymbol<T>(SharedChannelLayout layout, int symbol, ReadOnlySpan<T> source, Span<T> destination)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int i = 0;
        foreach (DataRun run in layout.DataRuns(symbol))
        {
            source.Slice(run.AllocationStart, run.Length).CopyTo(destination.Slice(i, run.Length));
            i += run.Length;
        }

        return i;
    }

    /// <summary>
    /// Copies the allocated subcarriers of one grid symbol into allocation coordinates: destination[12b + k] =
    /// row[first subcarrier of block b + k].
    /// </summary>
    public static void ExtractAllocation(SharedChannelLayout layout, ReadOnlySpan<ComplexF32> row, Span<ComplexF32> destination)
    {
        ArgumentNullException.ThrowIfNull(layout);
        foreach ((int first, int count) in layout.Clusters)
        {
            int width = count * NrConstants.SubcarriersPerRb;
            row.Slice(layout.GridSubcarrierOfBlock(first), width).CopyTo(destination.Slice(first * NrConstants.SubcarriersPerRb, width));
        }
    }

    /// <summary>Precodes the allocated resource elements of every symbol from the layer grid onto the antenna-port grid: z_p = Σ_v W[p, v]·y_v.</summary>
    /// <param name="layout">The layout (allocated blocks and symbols).</param>
    /// <param name="precoding">W, ports × layers.</param>
    /// <param name="layerGrid">Input, one port per layer.</param>
    /// <param name="portGrid">Output, one port per antenna port; elements outside the allocation are left untouched.</param>
    public static void Precode(SharedChannelLayout layout, PrecodingMatrix precoding, ResourceGrid layerGrid, ResourceGrid portGrid)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(precoding);
        ArgumentNullException.ThrowIfNull(layerGrid);
        ArgumentNullException.ThrowIfNull(portGrid);
        for (int l = layout.StartSymbol; l < layout.StartSymbol + layout.SymbolCount; l++)
        {
            foreach ((int first, int count) in layout.Clusters)
            {
                int start = layout.GridSubcarrierOfBlock(first);
                int width = count * NrConstants.SubcarriersPerRb;
                for (int p = 0; p < precoding.PortCount; p++)
                {
                    Span<ComplexF32> output = portGrid.Symbol(p, l).Slice(start, width);
                    output.Clear();
                    for (int v = 0; v < precoding.LayerCount; v++)
                    {
                        ComplexF32 w = precoding[p, v];
                        if (w == ComplexF32.Zero)
                        {
                            continue;
                        }

                        ReadOnlySpan<ComplexF32> input = layerGrid.Symbol(v, l).Slice(start, width);
                        for (int k = 0; k < width; k++)
                        {
                            output[k] += w * input[k];
                        }
                    }
                }
            }
        }
    }
}
