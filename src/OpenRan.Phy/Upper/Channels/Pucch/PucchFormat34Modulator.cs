using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// PUCCH formats 3 and 4 and their DM-RS (TS 38.211 §6.3.2.6, §6.4.1.3.3): the scrambled bits are π/2-BPSK or QPSK
/// modulated (§6.3.2.6.2); format 3 places M_sc = 12·M_RB symbols per UCI symbol, format 4 spreads 12/N_SF symbols with
/// w_n(k) (§6.3.2.6.3, Tables 6.3.2.6.3-1/-2); each UCI symbol is transform-precoded,
/// z(l·M_sc + k) = (1/√M_sc)·Σ_m y(l·M_sc + m)·e^{−j2πmk/M_sc} (§6.3.2.6.4), and mapped to the symbols that do not carry
/// DM-RS (§6.3.2.6.5). DM-RS symbols carry r_{u,v}^{(α,δ)}(n) with m_0 = 0 (format 3) or Table 6.4.1.3.3.1-1 (format 4) and
/// m_cs = 0. Allocation-free after the first use of each DFT size; not thread-safe.
/// </summary>
public sealed class PucchFormat34Modulator
{
    private const int MaxSubcarriers = 16 * NrConstants.SubcarriersPerRb;

    private readonly TransformPrecoder _precoder;
    private readonly ComplexF32[] _symbols = new ComplexF32[PucchUciEncoder.MaxRateMatchedLength];
    private readonly ComplexF32[] _spread = new ComplexF32[MaxSubcarriers];
    private readonly ComplexF32[] _precoded = new ComplexF32[PucchUciEncoder.MaxRateMatchedLength];
    private readonly ComplexF32[] _occasion = new ComplexF32[NrConstants.SymbolsPerSlotNormalCp * MaxSubcarriers];
    private int _lastSymbolCount;
    private int _lastPrecodedCount;

    /// <summary>Creates the modulator with its own transform precoder, or <paramref name="precoder"/>.</summary>
    public PucchFormat34Modulator(TransformPrecoder? precoder = null) => _precoder = precoder ?? new TransformPrecoder();

    /// <summary>The modulated symbols d of the last <see cref="Map"/>.</summary>
    public ReadOnlySpan<ComplexF32> LastSymbols => _symbols.AsSpan(0, _lastSymbolCount);

    /// <summary>The transform-precoded symbols z of the last <see cref="Map"/>, UCI symbol by UCI symbol.</summary>
    public ReadOnlySpan<ComplexF32> LastPrecoded => _precoded.AsSpan(0, _lastPrecodedCount);

    /// <summary>m_0 of the DM-RS (TS 38.211 §6.4.1.3.3.1): 0 for format 3, Table 6.4.1.3.3.1-1 for format 4.</summary>
    public static int DmrsInitialCyclicShift(PucchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.Format == PucchFormat.Format4 ? Ts38211Table6_4_1_3_3_1_1.InitialCyclicShift(configuration.OccIndex) : 0;
    }

    /// <summary>Modulates the scrambled bits b̃ (E_tot) and writes data and DM-RS; the sequences must be prepared for the slot.</summary>
    public void Map(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, ResourceGrid grid, int port)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(grid);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        Span<ComplexF32> occasion = _occasion.AsSpan(0, layout.SymbolCount * layout.SubcarrierCount);
        Modulate(sequences, scrambledBits, occasion);
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            occasion.Slice(l * layout.SubcarrierCount, layout.SubcarrierCount)
                .CopyTo(grid.Symbol(port, c.StartSymbol + l).Slice(layout.GridSubcarrier(l, grid.NStartGrid), layout.SubcarrierCount));
        }
    }

    /// <summary>Writes the REs of the occasion, symbol after symbol (N_symb × 12·N_PRB values, the order of <see cref="PucchResourceElementExtractor"/>).</summary>
    public void Modulate(PucchSlotSequences sequences, ReadOnlySpan<byte> scrambledBits, Span<ComplexF32> occasion)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        PucchLayout layout = sequences.Layout;
        PucchConfiguration c = layout.Configuration;
        ThrowHelper.ThrowIfLengthDiffers(occasion.Length, layout.SymbolCount * layout.SubcarrierCount, nameof(occasion));
        ThrowHelper.ThrowIfLengthDiffers(scrambledBits.Length, layout.TotalRateMatchedLength, nameof(scrambledBits));
        int qm = c.Modulation.BitsPerSymbol();
        Span<ComplexF32> d = _symbols.AsSpan(0, scrambledBits.Length / qm);
        ModulationMapper.Map(scrambledBits, c.Modulation, d);
        _lastSymbolCount = d.Length;
        int msc = layout.SubcarrierCount;
        int perSymbol = c.Format == PucchFormat.Format3 ? msc : msc / c.SpreadingFactor;
        Span<ComplexF32> z = _precoded.AsSpan(0, layout.UciSymbolCount * msc);
        int uci = 0;
        int m0 = DmrsInitialCyclicShift(c);
        for (int l = 0; l < layout.SymbolCount; l++)
        {
            Span<ComplexF32> re = occasion.Slice(l * msc, msc);
            if (layout.IsDmrs(l))
            {
                sequences.LowPapr(l, m0, 0, re);
                continue;
            }

            ReadOnlySpan<ComplexF32> block = d.Slice(uci * perSymbol, perSymbol);
            Span<ComplexF32> y = _spread.AsSpan(0, msc);
            if (c.Format == PucchFormat.Format3)
            {
                block.CopyTo(y);
            }
            else
            {
                Spread(c.SpreadingFactor, c.OccIndex, block, y);
            }

            Span<ComplexF32> zl = z.Slice(uci * msc, msc);
            _precoder.Precode(y, c.PrbCount, zl);
            zl.CopyTo(re);
            uci++;
        }

        _lastPrecodedCount = z.Length;
    }

    /// <summary>Format 4 block-wise spreading (TS 38.211 §6.3.2.6.3): y(k) = w_n(k)·d(k mod (12/N_SF)), k = 0..11.</summary>
    public static void Spread(int spreadingFactor, int occIndex, ReadOnlySpan<ComplexF32> d, Span<ComplexF32> y)
    {
        int block = NrConstants.SubcarriersPerRb / spreadingFactor;
        ThrowHelper.ThrowIfLengthDiffers(d.Length, block, nameof(d));
        ThrowHelper.ThrowIfLengthDiffers(y.Length, NrConstants.SubcarriersPerRb, nameof(y));
        for (int k = 0; k < y.Length; k++)
        {
            y[k] = Ts38211Table6_3_2_6_3.Weight(spreadingFactor, occIndex, k) * d[k % block];
        }
    }
}
