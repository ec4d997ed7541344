using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>Checks that a resource grid holds a PUCCH occasion (its BWP, symbols and port), naming what does not fit.</summary>
internal static class PucchGridCheck
{
    /// <summary>Throws <see cref="System.ArgumentException"/> unless every RE of <paramref name="layout"/> lies in <paramref name="grid"/>.</summary>
    public static void ThrowIfOutside(PucchLayout layout, ResourceGrid grid, int port)
    {
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfOutside(port, 0, grid.PortCount - 1);
        if (c.StartSymbol + c.SymbolCount > grid.SymbolCount)
        {
            ThrowHelper.ThrowArgument(nameof(grid), $"the grid has {grid.SymbolCount} symbols; the PUCCH needs symbols {c.StartSymbol}..{c.StartSymbol + c.SymbolCount - 1}.");
        }

        for (int l = 0; l < layout.SymbolCount; l++)
        {
            int first = layout.GridSubcarrier(l, grid.NStartGrid);
            if (first < 0 || first + layout.SubcarrierCount > grid.SubcarrierCount)
            {
                ThrowHelper.ThrowArgument(nameof(grid), $"the grid (CRB {grid.NStartGrid}..{grid.NStartGrid + grid.NSizeGrid - 1}) does not hold PRB {layout.Prb(l)} of the BWP starting at CRB {c.NStartBwp}.");
            }
        }
    }
}
