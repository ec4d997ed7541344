using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.Sequences;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Generates and maps the DM-RS and PT-RS of a PDSCH or PUSCH (TS 38.211 §7.4.1.1.2, §7.4.1.2.2, §6.4.1.1.3,
/// §6.4.1.2.2.1) on the layer grid, and provides the reference values receivers estimate the channel with.
/// </summary>
/// <remarks>
/// The layer grid holds one port per layer (the DM-RS ports in configuration order); PUSCH precoding to antenna ports
/// happens afterwards. Scratch is sized at construction for the widest allocation, so mapping allocates nothing.
/// Not thread-safe.
/// </remarks>
public sealed class SharedChannelReferenceSignals
{
    private readonly DmrsSequenceGenerator _sequence = new();
    private readonly PseudoRandomSequence _hopping = new();
    private readonly ComplexF32[] _scratch = new ComplexF32[6 * NrConstants.MaxPrb];
    private readonly ComplexF32[] _values = new ComplexF32[6 * NrConstants.MaxPrb];
    private readonly ComplexF32[] _ptrsBase = new ComplexF32[6 * NrConstants.MaxPrb];
    private LowPaprSequenceType2? _type2;

    /// <summary>
    /// Writes the DM-RS of every layer: a_{k,l}^(p) = β·w_f(k′)·w_t(l′)·r(2n + k′) on the port's CDM group, with r the
    /// pseudo-random sequence (CP-OFDM) or the low-PAPR sequence (transform precoding).
    /// </summary>
    /// <param name="layerGrid">The layer grid; port v is layer v.</param>
    /// <param name="layout">The channel layout.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="beta">β_DMRS amplitude (see <see cref="DmrsConfiguration.Beta"/>).</param>
    /// <param name="sequence">Which DM-RS sequence the channel uses.</param>
    /// <param name="lowPapr">The low-PAPR sequence parameters when <paramref name="sequence"/> is a low-PAPR kind.</param>
    public void MapDmrs(ResourceGrid layerGrid, SharedChannelLayout layout, int slot, float beta, DmrsSequenceKind sequence = DmrsSequenceKind.PseudoRandom, TransformPrecodingDmrs? lowPapr = null)
    {
        ArgumentNullException.ThrowIfNull(layerGrid);
        ArgumentNullException.ThrowIfNull(layout);
        DmrsConfiguration dmrs = layout.Dmrs;
        int perPrb = DmrsPortTable.ResourceElementsPerPrb(dmrs.ConfigurationType);
        for (int l = 0; l < layout.SymbolsPerSlot; l++)
        {
            int lPrime = layout.DmrsLPrime(l);
            if (lPrime < 0)
            {
                continue;
            }

            for (int v = 0; v < dmrs.Ports.Count; v++)
            {
                int port = dmrs.Ports[v];
                int group = DmrsPortTable.CdmGroup(dmrs.ConfigurationType, port);
                Span<ComplexF32> values = _values.AsSpan(0, perPrb * layout.PrbCount);
                Sequence(layout, slot, l, group, sequence, lowPapr, values);
                int delta = DmrsPortTable.FrequencyOffset(dmrs.ConfigurationType, port);
                float scale = beta * DmrsPortTable.TimeCover(dmrs.ConfigurationType, port, lPrime);
                float odd = scale * DmrsPortTable.FrequencyCover(dmrs.ConfigurationType, port, 1);
                Span<ComplexF32> row = layerGrid.Symbol(v, l);
                for (int b = 0; b < layout.PrbCount; b++)
                {
                    int k0 = layout.GridSubcarrierOfBlock(b) + delta;
                    for (int j = 0; j < perPrb; j++)
                    {
                        row[k0 + DmrsPattern.ResourceElementOffset(dmrs.ConfigurationType, j)] = values[(b * perPrb) + j] * ((j & 1) == 0 ? scale : odd);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Writes the reference values a channel estimator divides out (<see cref="DmrsPilots"/>): for every DM-RS occasion,
    /// symbol of the occasion and CDM group in use, the DM-RS sequence of the group's resource elements in allocation order.
    /// </summary>
    /// <param name="layout">The channel layout.</param>
    /// <param name="slot">n_s,f^μ.</param>
    /// <param name="sequence">Which DM-RS sequence the channel uses.</param>
    /// <param name="lowPapr">The low-PAPR sequence parameters when <paramref name="sequence"/> is a low-PAPR kind.</param>
    /// <param name="pilots">Receives the values.</param>
    public void FillPilots(SharedChannelLayout layout, int slot, DmrsSequenceKind sequence, TransformPrecodingDmrs? lowPapr, DmrsPilots pilots)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(pilots);
        DmrsPattern pattern = layout.DmrsPattern;
        int length = pattern.ResourceElementsPerBlock * pattern.BlockCount;
        for (int o = 0; o < pattern.OccasionCount; o++)
        {
            for (int lp = 0; lp < pattern.OccasionLength; lp++)
            {
                for (int g = 0; g < DmrsPattern.MaxCdmGroups; g++)
                {
                    if (pattern.GroupInUse(g))
                    {
                        Sequence(layout, slot, pattern.OccasionSymbols[o] + lp, g, sequence, lowPapr, pilots.Values(o, lp, g, length));
                    }
                }
            }
        }
    }

    /// <summary>
    /// The CP-OFDM DM-RS base sequence r(2n + k′) of symbol <paramref name="symbol"/> for the resource elements of CDM
    /// group <paramref name="cdmGroup"/>, block after block in allocation order (P = 6 or 4 values per block, in
    /// subcarrier order), without β, w_f and w_t.
    /// </summary>
    public void DmrsBaseSequence(SharedChannelLayout layout, int slot, int symbol, int cdmGroup, Span<ComplexF32> destination)
    {
        DmrsConfiguration dmrs = layout.Dmrs;
        int lambdaBar = dmrs.CdmGroupDependentScrambling ? cdmGroup : 0;
        int nScidBar = dmrs.CdmGroupDependentScrambling && cdmGroup == 1 ? 1 - dmrs.NScid : dmrs.NScid;
        uint cInit = DmrsSequenceGenerator.CInit(layout.SymbolsPerSlot, slot, symbol, dmrs.ScramblingId(nScidBar), nScidBar, lambdaBar);
        _sequence.GenerateForBlocks(cInit, dmrs.ConfigurationType, layout.DmrsSequenceBlocks, _scratch, destination);
    }

    /// <summary>
    /// The DM-RS sequence of a transform-precoded PUSCH for symbol <paramref name="symbol"/> (TS 38.211 §6.4.1.1.1.2):
    /// low-PAPR type 1 r^{(0,1)}_{u,v} of length M_sc/2 (type 2 with <paramref name="pi2Bpsk"/>), in DM-RS resource-element order.
    /// </summary>
    public void TransformPrecodingSequence(SharedChannelLayout layout, int slot, int symbol, TransformPrecodingDmrs parameters, bool pi2Bpsk, Span<ComplexF32> destination)
    {
        int length = layout.SubcarrierCount / 2;
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, length, nameof(destination));
        // For a double-symbol DM-RS the hopping uses the first symbol of the pair.
        int l = layout.DmrsLPrime(symbol) == 1 ? symbol - 1 : symbol;
        int n = (layout.SymbolsPerSlot * slot) + l;
        if (pi2Bpsk)
        {
            if (_type2 is null || _type2.Length != length)
            {
                _type2 = new LowPaprSequenceType2(length);
            }

            DmrsConfiguration dmrs = layout.Dmrs;
            _type2.Generate(DmrsSequenceGenerator.CInit(layout.SymbolsPerSlot, slot, l, dmrs.ScramblingId(dmrs.NScid), dmrs.NScid, 0), destination);
            return;
        }

        int fgh = 0;
        if (parameters.GroupHopping)
        {
            _hopping.Initialize((uint)(parameters.NIdRs / 30));
            _hopping.Advance(8 * n);
            fgh = (int)(_hopping.Next(8) % 30);
        }

        int v = 0;
        if (parameters.SequenceHopping && length >= 6 * NrConstants.SubcarriersPerRb)
        {
            _hopping.Initialize((uint)parameters.NIdRs);
            _hopping.Advance(n);
            v = (int)_hopping.Next(1);
        }

        LowPaprSequence.GenerateType1((fgh + parameters.NIdRs) % 30, v, 0, destination);
    }

    /// <summary>
    /// Writes the PT-RS of the associated layer (TS 38.211 §7.4.1.2, §6.4.1.2.1.1): a_{k,l} = β_PT-RS·r_k with
    /// r_k = r(2m + k′), the DM-RS sequence of the first DM-RS symbol l0 at subcarrier k.
    /// </summary>
    public void MapPtrs(ResourceGrid layerGrid, SharedChannelLayout layout, int slot)
    {
        if (layout.Ptrs is null)
        {
            return;
        }

        Span<ComplexF32> values = _values.AsSpan(0, layout.PtrsSubcarriers.Length);
        PtrsSequence(layout, slot, values);
        float beta = layout.Ptrs.Beta(layout.Dmrs.Ports.Count);
        int layer = layout.Ptrs.AssociatedLayer;
        for (int l = 0; l < layout.SymbolsPerSlot; l++)
        {
            if (((layout.PtrsSymbolMask >> l) & 1) == 0)
            {
                continue;
            }

            ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(l);
            Span<ComplexF32> row = layerGrid.Symbol(layer, l);
            for (int i = 0; i < layout.PtrsSubcarriers.Length; i++)
            {
                int a = layout.PtrsSubcarriers[i];
                if (kinds[a] == ResourceElementKind.Ptrs)
                {
                    row[layout.GridSubcarrierOfBlock(a / 12) + (a % 12)] = values[i] * beta;
                }
            }
        }
    }

    /// <summary>The PT-RS values r_k (without β_PT-RS), one per entry of <see cref="SharedChannelLayout.PtrsSubcarriers"/>.</summary>
    public void PtrsSequence(SharedChannelLayout layout, int slot, Span<ComplexF32> destination)
    {
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, layout.PtrsSubcarriers.Length, nameof(destination));
        DmrsConfiguration dmrs = layout.Dmrs;
        int port = dmrs.Ports[layout.Ptrs!.AssociatedLayer];
        int group = DmrsPortTable.CdmGroup(dmrs.ConfigurationType, port);
        int delta = DmrsPortTable.FrequencyOffset(dmrs.ConfigurationType, port);
        int perPrb = DmrsPortTable.ResourceElementsPerPrb(dmrs.ConfigurationType);
        Span<ComplexF32> sequence = _ptrsBase.AsSpan(0, perPrb * layout.PrbCount);
        DmrsBaseSequence(layout, slot, layout.FirstDmrsSymbol, group, sequence);
        for (int i = 0; i < destination.Length; i++)
        {
            int a = layout.PtrsSubcarriers[i];
            int k = (a % 12) - delta; // the PT-RS subcarrier is one of the port's DM-RS subcarriers
            int j = dmrs.ConfigurationType == DmrsConfigurationType.Type1 ? k / 2 : ((k / 6) * 2) + (k % 6);
            destination[i] = sequence[((a / 12) * perPrb) + j];
        }
    }

    /// <summary>The DM-RS sequence of symbol <paramref name="symbol"/> and CDM group <paramref name="group"/> of the given kind.</summary>
    private void Sequence(SharedChannelLayout layout, int slot, int symbol, int group, DmrsSequenceKind sequence, TransformPrecodingDmrs? lowPapr, Span<ComplexF32> destination)
    {
        if (sequence == DmrsSequenceKind.PseudoRandom)
        {
            DmrsBaseSequence(layout, slot, symbol, group, destination);
            return;
        }

        if (lowPapr is null)
        {
            ThrowHelper.ThrowArgument(nameof(lowPapr), "a low-PAPR DM-RS needs its TransformPrecodingDmrs parameters.");
        }

        TransformPrecodingSequence(layout, slot, symbol, lowPapr, sequence == DmrsSequenceKind.LowPaprType2, destination);
    }
}
