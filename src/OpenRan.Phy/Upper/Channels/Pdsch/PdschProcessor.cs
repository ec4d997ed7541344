using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.SharedChannel;

namespace OpenRan.Phy.Upper.Channels.Pdsch;

/// <summary>
/// PDSCH transmit chain, transport block to resource grid: DL-SCH encoding (TS 38.212 §7.2) and <see cref="PdschModulator"/>
/// (scrambling, modulation, layer mapping, DM-RS, PT-RS, resource mapping; TS 38.211 §7.3.1, §7.4.1).
/// </summary>
/// <remarks>Allocates nothing per slot once a configuration has been seen. Not thread-safe.</remarks>
public sealed class PdschProcessor : SharedChannelTransmitter<PdschConfiguration>
{
    private readonly PdschModulator _modulator;

    /// <summary>Creates the chain for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public PdschProcessor(int maxLayers = 4)
        : this(new PdschModulator(maxLayers))
    {
    }

    private PdschProcessor(PdschModulator modulator)
        : base(modulator) => _modulator = modulator;

    /// <summary>The modulator (codeword to grid).</summary>
    public PdschModulator Modulator => _modulator;

    /// <inheritdoc />
    private protected override void ModulateCore(PdschConfiguration configuration, ReadOnlySpan<byte> codeword, int slot, ResourceGrid grid) =>
        _modulator.Modulate(configuration, codeword, slot, grid);
}
