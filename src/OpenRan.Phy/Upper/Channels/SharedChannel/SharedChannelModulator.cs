using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Mimo;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Sequences;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The codeword-to-layer-symbols part shared by PDSCH and PUSCH: scrambling (TS 38.211 §7.3.1.1, §6.3.1.1), modulation
/// (§5.1) and layer mapping (§7.3.1.3, §6.3.1.3), into scratch sized for the largest slot.
/// </summary>
internal sealed class SharedChannelModulator
{
    private readonly PseudoRandomSequence _scrambler = new();
    private readonly byte[] _bits;
    private readonly ComplexF32[] _symbols;
    private readonly ComplexF32[] _layers;

    /// <summary>Allocates scratch for up to <paramref name="maxLayers"/> layers of 1024QAM on 275 PRB × 14 symbols.</summary>
    public SharedChannelModulator(int maxLayers)
    {
        int maxSymbols = maxLayers * SharedChannelDataMapper.MaxResourceElementsPerLayer;
        _bits = new byte[maxSymbols * ModulationScheme.Qam1024.BitsPerSymbol()];
        _symbols = new ComplexF32[maxSymbols];
        _layers = new ComplexF32[maxSymbols];
    }

    /// <summary>
    /// Scrambles <paramref name="codeword"/> with c_init, modulates it and maps it onto <paramref name="layerCount"/> layers;
    /// returns the layer-major symbols (M_symb^layer per layer).
    /// </summary>
    public ReadOnlySpan<ComplexF32> Modulate(ReadOnlySpan<byte> codeword, uint cInit, ModulationScheme scheme, int layerCount)
    {
        int count = codeword.Length / scheme.BitsPerSymbol();
        Span<byte> scrambled = _bits.AsSpan(0, codeword.Length);
        _scrambler.Initialize(cInit);
        _scrambler.ApplyXor(codeword, scrambled);
        Span<ComplexF32> symbols = _symbols.AsSpan(0, count);
        ModulationMapper.Map(scrambled, scheme, symbols);
        Span<ComplexF32> layers = _layers.AsSpan(0, count);
        LayerMapper.Map<ComplexF32>(symbols, layerCount, layers);
        return layers;
    }

    /// <summary>Scratch of at least the largest slot, for callers that post-process the layer symbols.</summary>
    public Span<ComplexF32> SymbolScratch => _symbols;

    /// <summary>Checks that the codeword holds G = M_symb^layer·υ·Q_m bits.</summary>
    public static void ThrowIfWrongLength(int codewordLength, SharedChannelLayout layout, ModulationScheme scheme, int layerCount)
    {
        int g = layout.DataResourceElementCount * layerCount * scheme.BitsPerSymbol();
        if (codewordLength != g)
        {
            ThrowHelper.ThrowLengthMismatch("codeword", codewordLength, g);
        }
    }
}
