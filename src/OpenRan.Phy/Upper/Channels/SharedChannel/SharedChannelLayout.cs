using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelEstimation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The resource-element layout of one PDSCH or PUSCH configuration: allocated blocks and symbols, DM-RS symbols and
/// CDM groups, PT-RS positions, reserved resources and the data resource elements in mapping order (frequency first,
/// then time; TS 38.211 §7.3.1.5, §6.3.1.6). Computed once per configuration; immutable.
/// </summary>
/// <remarks>
/// "Allocation coordinates" number the subcarriers of the allocated resource blocks consecutively in increasing
/// frequency (block i occupies [12i, 12i + 12)), so non-contiguous allocations are packed; every receiver buffer uses
/// them. Grid subcarriers count from the first subcarrier of common resource block N_grid^start.
/// </remarks>
public sealed class SharedChannelLayout
{
    private readonly int[] _crbs;
    private readonly int[] _dmrsSequenceBlocks;
    private readonly int[] _gridBlockStart;
    private readonly ResourceElementKind[] _kinds; // [symbol][allocation subcarrier]
    private readonly DataRun[][] _runs;
    private readonly int[] _lPrime;
    private readonly int[] _ptrsSubcarriers; // allocation coordinates of the PT-RS subcarriers (before collision removal)
    private readonly (int First, int Count)[] _clusters;

    /// <summary>Builds the layout; throws <see cref="ArgumentException"/> naming the problem when it cannot exist.</summary>
    /// <param name="downlink">PDSCH (true) or PUSCH (false): selects the DM-RS position tables.</param>
    /// <param name="symbolsPerSlot">14 (normal CP) or 12 (extended CP).</param>
    /// <param name="nStartGrid">N_grid^start, the common resource block of grid subcarrier 0.</param>
    /// <param name="nSizeGrid">N_grid^size in resource blocks.</param>
    /// <param name="nStartBwp">N_BWP^start (common resource block of BWP block 0).</param>
    /// <param name="nSizeBwp">N_BWP^size.</param>
    /// <param name="prbs">Allocated physical resource blocks, relative to the BWP (any order, no repeats).</param>
    /// <param name="mapping">Mapping type A or B.</param>
    /// <param name="startSymbol">First allocated symbol S.</param>
    /// <param name="symbolCount">Number of allocated symbols L.</param>
    /// <param name="dmrs">The DM-RS configuration.</param>
    /// <param name="ptrs">The PT-RS configuration, or null.</param>
    /// <param name="nRnti">n_RNTI (PT-RS frequency offset).</param>
    /// <param name="reserved">Resources to rate-match around.</param>
    /// <param name="dmrsReferenceCrb">The common resource block whose subcarrier 0 is the DM-RS reference point k = 0 (TS 38.211 §7.4.1.1.2: CRB 0, or the lowest CRB of CORESET#0 for a SIB1-type PDSCH).</param>
    /// <param name="subcarrierSpacingHz">Δf, for the DM-RS pattern's timing and frequency offsets.</param>
    public SharedChannelLayout(
        bool downlink, int symbolsPerSlot, int nStartGrid, int nSizeGrid, int nStartBwp, int nSizeBwp, IReadOnlyList<int> prbs,
        SchMappingType mapping, int startSymbol, int symbolCount, DmrsConfiguration dmrs, PtrsConfiguration? ptrs, int nRnti,
        IReadOnlyList<ReservedResource> reserved, int dmrsReferenceCrb, double subcarrierSpacingHz)
    {
        ArgumentNullException.ThrowIfNull(prbs);
        ArgumentNullException.ThrowIfNull(dmrs);
        ArgumentNullException.ThrowIfNull(reserved);
        if (prbs.Count == 0)
        {
            throw new ArgumentException("PrbSet is empty; at least one resource block must be allocated.", nameof(prbs));
        }

        int[] sorted = [.. prbs.Order()];
        if (sorted[0] < 0 || sorted[^1] >= nSizeBwp)
        {
            throw new ArgumentException($"PrbSet contains {(sorted[0] < 0 ? sorted[0] : sorted[^1])}, outside the BWP (valid: 0..{nSizeBwp - 1}).", nameof(prbs));
        }

        if (sorted.Distinct().Count() != sorted.Length)
        {
            throw new ArgumentException("PrbSet repeats a resource block.", nameof(prbs));
        }

        if (nStartBwp < nStartGrid || nStartBwp + nSizeBwp > nStartGrid + nSizeGrid)
        {
            throw new ArgumentException($"the BWP (start {nStartBwp}, size {nSizeBwp}) is not inside the carrier grid (start {nStartGrid}, size {nSizeGrid}).", nameof(nStartBwp));
        }

        if (startSymbol < 0 || symbolCount < 1 || startSymbol + symbolCount > symbolsPerSlot)
        {
            throw new ArgumentException($"symbol allocation S = {startSymbol}, L = {symbolCount} does not fit the {symbolsPerSlot}-symbol slot (S + L ≤ {symbolsPerSlot}).", nameof(symbolCount));
        }

        Downlink = downlink;
        SymbolsPerSlot = symbolsPerSlot;
        StartSymbol = startSymbol;
        SymbolCount = symbolCount;
        Dmrs = dmrs;
        Ptrs = ptrs;
        PrbCount = sorted.Length;
        _crbs = [.. sorted.Select(p => p + nStartBwp)];
        if (dmrsReferenceCrb < 0 || dmrsReferenceCrb > _crbs[0])
        {
            throw new ArgumentException($"the DM-RS reference point CRB {dmrsReferenceCrb} must lie at or below the first allocated CRB {_crbs[0]} (valid: 0..{_crbs[0]}).", nameof(dmrsReferenceCrb));
        }

        DmrsReferenceCrb = dmrsReferenceCrb;
        _dmrsSequenceBlocks = [.. _crbs.Select(c => c - dmrsReferenceCrb)];
        _gridBlockStart = [.. _crbs.Select(c => (c - nStartGrid) * NrConstants.SubcarriersPerRb)];
        _clusters = BuildClusters(_crbs);

        DmrsSymbolMask = DmrsSymbolPositions.Mask(downlink, mapping, dmrs.TypeAPosition, startSymbol, symbolCount, dmrs.AdditionalPosition, dmrs.Length);
        int allocatedMask = ((1 << symbolCount) - 1) << startSymbol;
        if ((DmrsSymbolMask & ~allocatedMask) != 0)
        {
            throw new ArgumentException($"the DM-RS symbols (mask 0x{DmrsSymbolMask:X}) fall outside the allocated symbols {startSymbol}..{startSymbol + symbolCount - 1}; check the mapping type and dmrs-TypeA-Position.", nameof(startSymbol));
        }

        _lPrime = new int[symbolsPerSlot];
        for (int l = 0; l < symbolsPerSlot; l++)
        {
            bool isDmrs = ((DmrsSymbolMask >> l) & 1) != 0;
            _lPrime[l] = !isDmrs ? -1 : dmrs.Length == 2 && l > 0 && ((DmrsSymbolMask >> (l - 1)) & 1) != 0 && _lPrime[l - 1] == 0 ? 1 : 0;
        }

        int width = SubcarrierCount;
        _kinds = new ResourceElementKind[symbolsPerSlot * width];
        for (int l = 0; l < symbolsPerSlot; l++)
        {
            Span<ResourceElementKind> row = _kinds.AsSpan(l * width, width);
            if (l < startSymbol || l >= startSymbol + symbolCount)
            {
                row.Fill(ResourceElementKind.Unallocated);
                continue;
            }

            for (int a = 0; a < width; a++)
            {
                int k = a % NrConstants.SubcarriersPerRb;
                if (_lPrime[l] >= 0)
                {
                    int group = CdmGroupOf(dmrs.ConfigurationType, k);
                    bool used = dmrs.Ports.Any(p => DmrsPortTable.CdmGroup(dmrs.ConfigurationType, p) == group);
                    row[a] = group < dmrs.CdmGroupsWithoutData
                        ? (used ? ResourceElementKind.Dmrs : ResourceElementKind.DmrsCdmNoData)
                        : ResourceElementKind.Data;
                }

                int crbSubcarrier = (_crbs[a / NrConstants.SubcarriersPerRb] * NrConstants.SubcarriersPerRb) + k;
                for (int r = 0; r < reserved.Count; r++)
                {
                    if (reserved[r].Covers(l, crbSubcarrier))
                    {
                        if (row[a] is ResourceElementKind.Dmrs)
                        {
                            throw new ArgumentException($"ReservedResources[{r}] collides with the DM-RS at symbol {l}, common resource block {crbSubcarrier / 12}.", nameof(reserved));
                        }

                        if (row[a] == ResourceElementKind.Data)
                        {
                            row[a] = ResourceElementKind.Reserved;
                        }
                    }
                }
            }
        }

        _ptrsSubcarriers = [];
        if (ptrs is not null)
        {
            _ptrsSubcarriers = PtrsSubcarrierPositions(ptrs, dmrs, PrbCount, nRnti);
            PtrsSymbolMask = PtrsSymbols(ptrs.TimeDensity);
            for (int l = 0; l < symbolsPerSlot; l++)
            {
                if (((PtrsSymbolMask >> l) & 1) == 0)
                {
                    continue;
                }

                foreach (int a in _ptrsSubcarriers)
                {
                    ref ResourceElementKind kind = ref _kinds[(l * width) + a];
                    if (kind == ResourceElementKind.Data)
                    {
                        kind = ResourceElementKind.Ptrs;
                    }
                }
            }
        }

        _runs = new DataRun[symbolsPerSlot][];
        for (int l = 0; l < symbolsPerSlot; l++)
        {
            _runs[l] = BuildRuns(_kinds.AsSpan(l * width, width));
            DataResourceElementCount += _runs[l].Sum(r => r.Length);
        }

        int[] occasions = [.. Enumerable.Range(0, symbolsPerSlot).Where(l => _lPrime[l] == 0)];
        DmrsPattern = new DmrsPattern(symbolsPerSlot, startSymbol, symbolCount, occasions, dmrs.Length, _gridBlockStart, dmrs.ConfigurationType, dmrs.Ports, dmrs.Beta, subcarrierSpacingHz);
    }

    /// <summary>Whether the layout is for PDSCH (true) or PUSCH (false).</summary>
    public bool Downlink { get; }

    /// <summary>N_symb^slot.</summary>
    public int SymbolsPerSlot { get; }

    /// <summary>First allocated symbol S.</summary>
    public int StartSymbol { get; }

    /// <summary>Number of allocated symbols L.</summary>
    public int SymbolCount { get; }

    /// <summary>The DM-RS configuration.</summary>
    public DmrsConfiguration Dmrs { get; }

    /// <summary>The PT-RS configuration, or null.</summary>
    public PtrsConfiguration? Ptrs { get; }

    /// <summary>Number of allocated resource blocks.</summary>
    public int PrbCount { get; }

    /// <summary>Allocated subcarriers, 12 per block (the width of allocation coordinates).</summary>
    public int SubcarrierCount => PrbCount * NrConstants.SubcarriersPerRb;

    /// <summary>Common resource block of allocated block i, ascending.</summary>
    public ReadOnlySpan<int> CommonResourceBlocks => _crbs;

    /// <summary>The common resource block whose subcarrier 0 is the DM-RS (and PT-RS) reference point k = 0.</summary>
    public int DmrsReferenceCrb { get; }

    /// <summary>
    /// The resource block index of allocated block i counted from the DM-RS reference point (CRB − <see cref="DmrsReferenceCrb"/>):
    /// block n of this numbering owns the DM-RS sequence values r(P·n) .. r(P·n + P − 1) (TS 38.211 §6.4.1.1.3, §7.4.1.1.2).
    /// </summary>
    public ReadOnlySpan<int> DmrsSequenceBlocks => _dmrsSequenceBlocks;

    /// <summary>The channel-agnostic DM-RS pattern of this layout, for channel estimators.</summary>
    public DmrsPattern DmrsPattern { get; }

    /// <summary>Runs of consecutive allocated blocks: (first allocated block index, number of blocks).</summary>
    public ReadOnlySpan<(int First, int Count)> Clusters => _clusters;

    /// <summary>Bit l set: OFDM symbol l carries DM-RS (both symbols of a double-symbol DM-RS).</summary>
    public ushort DmrsSymbolMask { get; }

    /// <summary>Bit l set: OFDM symbol l carries PT-RS (0 without PT-RS).</summary>
    public ushort PtrsSymbolMask { get; }

    /// <summary>Data resource elements per layer, M_symb^layer.</summary>
    public int DataResourceElementCount { get; }

    /// <summary>The first grid subcarrier of allocated block <paramref name="block"/>.</summary>
    public int GridSubcarrierOfBlock(int block) => _gridBlockStart[block];

    /// <summary>l′ of symbol <paramref name="symbol"/> (0 or 1), or −1 when it carries no DM-RS.</summary>
    public int DmrsLPrime(int symbol) => _lPrime[symbol];

    /// <summary>The kinds of the resource elements of symbol <paramref name="symbol"/>, in allocation coordinates.</summary>
    public ReadOnlySpan<ResourceElementKind> Kinds(int symbol) => _kinds.AsSpan(symbol * SubcarrierCount, SubcarrierCount);

    /// <summary>The data runs of symbol <paramref name="symbol"/> in mapping order.</summary>
    public ReadOnlySpan<DataRun> DataRuns(int symbol) => _runs[symbol];

    /// <summary>PT-RS subcarriers in allocation coordinates (the same on every PT-RS symbol; collisions excluded by <see cref="Kinds"/>).</summary>
    public ReadOnlySpan<int> PtrsSubcarriers => _ptrsSubcarriers;

    /// <summary>The CDM group whose DM-RS occupies subcarrier <paramref name="k"/> (0..11) of a block.</summary>
    public static int CdmGroupOf(DmrsConfigurationType type, int k) => type == DmrsConfigurationType.Type1 ? k & 1 : (k % 6) >> 1;

    /// <summary>The first DM-RS symbol of the allocation (l0 in absolute slot numbering).</summary>
    public int FirstDmrsSymbol => System.Numerics.BitOperations.TrailingZeroCount(DmrsSymbolMask);

    private static (int, int)[] BuildClusters(int[] crbs)
    {
        var clusters = new List<(int, int)>();
        int first = 0;
        for (int i = 1; i <= crbs.Length; i++)
        {
            if (i == crbs.Length || crbs[i] != crbs[i - 1] + 1)
            {
                clusters.Add((first, i - first));
                first = i;
            }
        }

        return [.. clusters];
    }

    private DataRun[] BuildRuns(ReadOnlySpan<ResourceElementKind> row)
    {
        var runs = new List<DataRun>();
        int a = 0;
        while (a < row.Length)
        {
            if (row[a] != ResourceElementKind.Data)
            {
                a++;
                continue;
            }

            int start = a;
            // A run continues while data continues and the grid stays contiguous (no block gap).
            while (a < row.Length && row[a] == ResourceElementKind.Data
                   && (a == start || a % NrConstants.SubcarriersPerRb != 0 || _gridBlockStart[a / 12] == _gridBlockStart[(a / 12) - 1] + 12))
            {
                a++;
            }

            int block = start / NrConstants.SubcarriersPerRb;
            runs.Add(new DataRun(start, _gridBlockStart[block] + (start % NrConstants.SubcarriersPerRb), a - start));
        }

        return [.. runs];
    }

    /// <summary>TS 38.211 §7.4.1.2.2 / §6.4.1.2.2.1: PT-RS symbols from the DM-RS positions and L_PT-RS.</summary>
    private ushort PtrsSymbols(int timeDensity)
    {
        int mask = 0;
        int i = 0;
        int lRef = 0;
        while (true)
        {
            // Step 2: restart after any DM-RS symbol in the interval max(l_ref + (i−1)L + 1, l_ref) .. l_ref + iL.
            while (lRef + (i * timeDensity) < SymbolCount)
            {
                int lo = Math.Max(lRef + ((i - 1) * timeDensity) + 1, lRef);
                int hi = lRef + (i * timeDensity);
                int lastDmrs = -1;
                for (int l = lo; l <= hi; l++)
                {
                    if (((DmrsSymbolMask >> (StartSymbol + l)) & 1) != 0)
                    {
                        lastDmrs = l;
                    }
                }

                if (lastDmrs < 0)
                {
                    break;
                }

                i = 1;
                lRef = lastDmrs;
            }

            if (lRef + (i * timeDensity) >= SymbolCount)
            {
                break;
            }

            mask |= 1 << (StartSymbol + lRef + (i * timeDensity));
            i++;
        }

        return (ushort)mask;
    }

    /// <summary>TS 38.211 §7.4.1.2.2 (Table 7.4.1.2.2-1) / §6.4.1.2.2.1 (Table 6.4.1.2.2.1-1): PT-RS subcarriers.</summary>
    private static int[] PtrsSubcarrierPositions(PtrsConfiguration ptrs, DmrsConfiguration dmrs, int prbCount, int nRnti)
    {
        int port = dmrs.Ports[ptrs.AssociatedLayer] % (dmrs.ConfigurationType == DmrsConfigurationType.Type1 ? 4 : 6);
        int kRe = PtrsResourceElementOffset(dmrs.ConfigurationType, port, ptrs.ResourceElementOffset);
        int k = ptrs.FrequencyDensity;
        int kRb = prbCount % k == 0 ? nRnti % k : nRnti % (prbCount % k);
        var list = new List<int>();
        for (int i = 0; (i * k) + kRb < prbCount; i++)
        {
            list.Add((((i * k) + kRb) * NrConstants.SubcarriersPerRb) + kRe);
        }

        return [.. list];
    }

    /// <summary>k_ref^RE of TS 38.211 Table 7.4.1.2.2-1 (equal to Table 6.4.1.2.2.1-1) for DM-RS port index 0..3 (type 1) or 0..5 (type 2).</summary>
    internal static int PtrsResourceElementOffset(DmrsConfigurationType type, int port, int offset)
    {
        ReadOnlySpan<byte> type1 = [0, 2, 6, 8, 2, 4, 8, 10, 1, 3, 7, 9, 3, 5, 9, 11];
        ReadOnlySpan<byte> type2 = [0, 1, 6, 7, 1, 6, 7, 0, 2, 3, 8, 9, 3, 8, 9, 2, 4, 5, 10, 11, 5, 10, 11, 4];
        return type == DmrsConfigurationType.Type1 ? type1[(4 * port) + offset] : type2[(4 * port) + offset];
    }
}
