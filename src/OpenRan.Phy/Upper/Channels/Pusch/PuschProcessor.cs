using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// PUSCH transmit chain, transport block to resource grid: UL-SCH encoding (TS 38.212 §6.2) and
/// <see cref="PuschModulator"/> (scrambling, modulation, layer mapping, transform precoding, precoding, DM-RS, PT-RS,
/// resource mapping; TS 38.211 §6.3.1, §6.4.1).
/// </summary>
/// <remarks>
/// UCI multiplexing (TS 38.212 §6.2.7) comes with the PUCCH work: it will place the UCI bits in the G-bit codeword before
/// scrambling (with the placeholder bits of §6.3.1.1), which is where <see cref="SharedChannelTransmitter{T}.Process"/>
/// hands the encoded UL-SCH bits to the modulator. Allocates nothing per slot once a configuration has been seen. Not
/// thread-safe.
/// </remarks>
public sealed class PuschProcessor : SharedChannelTransmitter<PuschConfiguration>
{
    private readonly PuschModulator _modulator;

    /// <summary>Creates the chain for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public PuschProcessor(int maxLayers = 4)
        : this(new PuschModulator(maxLayers))
    {
    }

    private PuschProcessor(PuschModulator modulator)
        : base(modulator) => _modulator = modulator;

    /// <summary>The modulator (codeword to grid).</summary>
    public PuschModulator Modulator => _modulator;

    /// <inheritdoc />
    private protected override void ModulateCore(PuschConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid) =>
        _modulator.Modulate(configuration, codeword, slot, grid);
}
