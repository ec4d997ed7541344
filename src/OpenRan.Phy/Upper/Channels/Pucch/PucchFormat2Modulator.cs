using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH format 2 and its DM-RS (TS 38.211 §6.3.2.5, §6.4.1.3.2): the scrambled bits are QPSK-modulated (§6.3.2.5.2) and
/// mapped first over subcarriers, then symbols, to the REs of the allocated PRBs not used by the DM-RS (§6.3.2.5.3); the
/// DM-RS occupies subcarriers k = 3m' + 1 of every PRB. Allocation-free; not thread-safe.
/// </summary>
public sealed class PucchFormat2Modulator
{
    /// <summary>Data REs per PRB per symbol (8 of 12).</summary>
    public const int DataSubcarriersPerPrb = 8;

    /// <summary>DM-RS REs per PRB per symbol (4 of 12).</summary>
    public const int DmrsSubcarriersPerPrb = 4;

    private readonly ComplexF32[] _symbols = new ComplexF32[16 * DataSubcarriersPerPrb];
    private readonly ComplexF32[] _lastSymbols = new ComplexF32[16 * 2 * DataSubcarriersPerPrb];
    private readonly ComplexF32[] _dmrs = new ComplexF32[16 * DmrsSubcarriersPerPrb];
    private int _lastCount;

    /// <summary>The QPSK symbols d of the last <see cref="Map"/>.</summary>
    public ReadOnlySpan<ComplexF32> LastSymbols => _lastSymbols.AsSpan(0, _lastCount);

    /// <summary>Whether subcarrier <paramref name="k"/> of a PRB carries DM-RS (k mod 3 = 1).</summary>
    public static bool IsDmrsSubcarrier(int k) => k % 3 == 1;

    /// <summary>Modulates the scrambled bits b̃ (E_tot) and writes data and DM-RS; the sequences must be prepared for the slot.</summary>
    public void Map(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(grid);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            Span<ComplexF32> re = grid.Symbol(port, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), layout.SubcarrierCount);
            Modulate(sequences, scrambledBits, l, re);
        }
    }

    /// <summary>Writes the REs of the occasion, symbol after symbol (N_symb × 12·N_PRB values, the order of <see cref="PucchResourceElementExtractor"/>).</summary>
    public void Modulate(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, Span<ComplexF32> occasion)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        PucchLayout layout = sequences.Layout;
        ThrowHelper.ThrowIfLengthDiffers(occasion.Length, layout.SymbolCount * layout.SubcarrierCount, nameof(occasion));
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            Modulate(sequences, scrambledBits, l, occasion.Slice(l * layout.SubcarrierCount, layout.SubcarrierCount));
        }
    }

    /// <summary>Writes PUCCH symbol <paramref name="l"/> (data in mapping order and DM-RS) into <paramref name="re"/> (12·N_PRB values).</summary>
    private void Modulate(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, int l, Span<ComplexF32> re)
    {
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfLengthDiffers(scrambledBits.Length, layout.TotalRateMatchedLength, nameof(scrambledBits));
        int dataPerSymbol = c.PrbCount * DataSubcarriersPerPrb;
        Span<ComplexF32> d = _symbols.AsSpan(0, dataPerSymbol);
        ModulationMapper.Map(scrambledBits.Slice(l * 2 * dataPerSymbol, 2 * dataPerSymbol), ModulationScheme.Qpsk, d);
        d.CopyTo(_lastSymbols.AsSpan(l * dataPerSymbol));
        _lastCount = (l + 1) * dataPerSymbol;
        Span<ComplexF32> dmrs = _dmrs.AsSpan(0, DmrsSubcarriersPerPrb * c.PrbCount);
        sequences.Format2Dmrs(l, dmrs);
        int m = 0, next = 0;
        for (int k = 0; k < re.Length; k++)
        {
            re[k] = IsDmrsSubcarrier(k % NrConstants.SubcarriersPerRb) ? dmrs[m++] : d[next++];
        }
    }
}
