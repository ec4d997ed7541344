using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pucch;

/// <summary>
/// What a <see cref="PucchConfiguration"/> occupies in a slot, derived once: per PUCCH symbol l (relative to the start) its
/// hop, its first PRB, whether it carries DM-RS, and for format 1 its orthogonal-cover position; the number of UCI symbols
/// N_symb,UCI and E_tot (TS 38.212 Table 6.3.1.4-1). Immutable.
/// </summary>
/// <remarks>
/// Hops (TS 38.213 §9.2.1, TS 38.211 §6.3.2.2.1): with intra-slot hopping the first ⌊N_symb^PUCCH/2⌋ symbols are hop 0
/// (n_hop = 0) at <see cref="PucchConfiguration.StartPrb"/> and the rest hop 1 at <see cref="PucchConfiguration.SecondHopPrb"/>.
/// DM-RS: format 1 on the even symbols (TS 38.211 §6.4.1.3.1.2), format 2 on subcarriers 1, 4, 7, 10 of every symbol
/// (§6.4.1.3.2.2), formats 3/4 on the symbols of Table 6.4.1.3.3.2-1, format 0 none.
/// </remarks>
public sealed class PucchLayout
{
    private readonly byte[] _hop;
    private readonly int[] _prb;
    private readonly byte[] _coverIndex;

    /// <summary>Derives the layout of <paramref name="configuration"/> (call <see cref="PucchConfigurationValidator.ThrowIfInvalid(PucchConfiguration)"/> first).</summary>
    public PucchLayout(PucchConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PucchConfigurationValidator.ThrowIfInvalid(configuration);
        Configuration = configuration;
        int n = configuration.SymbolCount;
        bool hopping = configuration.IntraSlotFrequencyHopping;
        FirstHopSymbolCount = hopping ? n / 2 : n;
        _hop = new byte[n];
        _prb = new int[n];
        _coverIndex = new byte[n];
        for (int l = 0; l < n; l++)
        {
            _hop[l] = (byte)(l < FirstHopSymbolCount ? 0 : 1);
            _prb[l] = _hop[l] == 0 ? configuration.StartPrb : configuration.SecondHopPrb.GetValueOrDefault();
        }

        switch (configuration.Format)
        {
            case PucchFormat.Format1:
                for (int l = 0; l < n; l++)
                {
                    DmrsSymbolMask |= (ushort)((l & 1) == 0 ? 1 << l : 0);
                }

                // m counts the data (odd) or DM-RS (even) symbols of the hop in order (TS 38.211 §6.3.2.4.2, §6.4.1.3.1.1).
                for (int l = 0; l < n; l++)
                {
                    int hopStart = _hop[l] == 0 ? 0 : FirstHopSymbolCount;
                    int m = 0;
                    for (int j = hopStart; j < l; j++)
                    {
                        if ((j & 1) == (l & 1))
                        {
                            m++;
                        }
                    }

                    _coverIndex[l] = (byte)m;
                }

                break;
            case PucchFormat.Format3:
            case PucchFormat.Format4:
                DmrsSymbolMask = Ts38211Table6_4_1_3_3_2_1.DmrsSymbols(n, configuration.AdditionalDmrs, hopping);
                break;
            default:
                break;
        }

        int dmrsSymbols = System.Numerics.BitOperations.PopCount(DmrsSymbolMask);
        UciSymbolCount = configuration.Format switch
        {
            PucchFormat.Format2 => n,
            PucchFormat.Format3 or PucchFormat.Format4 => n - dmrsSymbols,
            _ => 0,
        };
        int bitsPerRe = configuration.Modulation == ModulationScheme.Pi2Bpsk ? 1 : 2;
        TotalRateMatchedLength = configuration.Format switch
        {
            PucchFormat.Format2 => 16 * UciSymbolCount * configuration.PrbCount,
            PucchFormat.Format3 => bitsPerRe * NrConstants.SubcarriersPerRb * UciSymbolCount * configuration.PrbCount,
            PucchFormat.Format4 => bitsPerRe * NrConstants.SubcarriersPerRb * UciSymbolCount / configuration.SpreadingFactor,
            _ => 0,
        };
    }

    /// <summary>The configuration (validated).</summary>
    public PucchConfiguration Configuration { get; }

    /// <summary>N_symb^PUCCH.</summary>
    public int SymbolCount => _hop.Length;

    /// <summary>Symbols of hop 0 (all symbols without hopping).</summary>
    public int FirstHopSymbolCount { get; }

    /// <summary>Number of hops (1 or 2).</summary>
    public int HopCount => FirstHopSymbolCount < SymbolCount ? 2 : 1;

    /// <summary>Bit l set: PUCCH symbol l carries DM-RS only (formats 1, 3, 4).</summary>
    public ushort DmrsSymbolMask { get; }

    /// <summary>N_symb,UCI^PUCCH: the symbols carrying UCI for formats 2–4 (0 for formats 0 and 1).</summary>
    public int UciSymbolCount { get; }

    /// <summary>E_tot, the total rate-matching output length of formats 2–4 (TS 38.212 Table 6.3.1.4-1); 0 for formats 0 and 1.</summary>
    public int TotalRateMatchedLength { get; }

    /// <summary>PRBs occupied per symbol: N_PRB for formats 2 and 3, else 1.</summary>
    public int PrbCount => Configuration.PrbCount;

    /// <summary>Subcarriers per symbol, 12·<see cref="PrbCount"/>.</summary>
    public int SubcarrierCount => PrbCount * NrConstants.SubcarriersPerRb;

    /// <summary>n_hop of PUCCH symbol <paramref name="l"/> (0-based within the PUCCH).</summary>
    public int Hop(int l) => _hop[l];

    /// <summary>The first PRB (relative to the BWP) of PUCCH symbol <paramref name="l"/>.</summary>
    public int Prb(int l) => _prb[l];

    /// <summary>Whether PUCCH symbol <paramref name="l"/> is a DM-RS symbol (formats 1, 3, 4).</summary>
    public bool IsDmrs(int l) => ((DmrsSymbolMask >> l) & 1) != 0;

    /// <summary>Format 1: m, the position of symbol l among the data (or DM-RS) symbols of its hop (the index of w_i(m)).</summary>
    public int CoverPosition(int l) => _coverIndex[l];

    /// <summary>Format 1: the spreading factor of the data (odd) or DM-RS (even) symbols of the hop of symbol l.</summary>
    public int CoverLength(int l)
    {
        bool hopping = Configuration.IntraSlotFrequencyHopping;
        return (l & 1) == 0
            ? Ts38211Table6_4_1_3_1_1_1.SpreadingFactor(SymbolCount, hopping, _hop[l])
            : Ts38211Table6_3_2_4_1_1.SpreadingFactor(SymbolCount, hopping, _hop[l]);
    }

    /// <summary>The grid subcarrier of subcarrier 0 of PUCCH symbol l in a grid starting at CRB <paramref name="nStartGrid"/>.</summary>
    public int GridSubcarrier(int l, int nStartGrid) => (Configuration.NStartBwp - nStartGrid + _prb[l]) * NrConstants.SubcarriersPerRb;
}
