using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Lower.Ofdm;

/// <summary>Validation shared by the modulator and the demodulator for a range of symbols of a slot.</summary>
internal static class OfdmSlotRange
{
    /// <summary>Checks the arguments and returns the subframe index of <paramref name="firstSymbol"/>.</summary>
    public static int Check(ResourceGrid grid, OfdmConfiguration configuration, int slot, int firstSymbol, int symbolCount, int sampleCount, string samplesName)
    {
        OfdmTiming timing = configuration.Timing;
        if (grid.SubcarrierCount != configuration.SubcarrierCount)
        {
            ThrowHelper.ThrowArgument(nameof(grid), $"grid has {grid.SubcarrierCount} subcarriers; the OFDM configuration has {configuration.SubcarrierCount} (N_grid^size = {configuration.NSizeGrid}).");
        }

        if (slot < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(slot), slot, "≥ 0");
        }

        ThrowHelper.ThrowIfOutside(firstSymbol, 0, timing.SymbolsPerSlot - 1);
        ThrowHelper.ThrowIfOutside(symbolCount, 1, Math.Min(timing.SymbolsPerSlot, grid.SymbolCount) - firstSymbol);
        int first = timing.FirstSymbolOfSlot(slot) + firstSymbol;
        int required = timing.SymbolOffset(first + symbolCount - 1) + timing.CyclicPrefixLength(first + symbolCount - 1) + timing.FftSize - timing.SymbolOffset(first);
        if (sampleCount < required)
        {
            ThrowHelper.ThrowDestinationTooShort(samplesName, sampleCount, required);
        }

        return first;
    }
}
