using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.Scrambling;

namespace OpenRan.Phy.Upper.Channels.Pdcch;

/// <summary>
/// PDCCH transmission (TS 38.211 §7.3.2, §7.4.1.3; TS 38.212 §7.3.2-§7.3.4): DCI coding to E = 108·L bits, scrambling
/// with c_init = (n_RNTI·2^16 + n_ID) mod 2^31, QPSK, mapping to the candidate's REGs and the DM-RS. One instance per
/// worker; mapping allocates nothing after the first use of a (payload size, L) pair.
/// </summary>
public sealed class PdcchTransmitter
{
    private readonly DciCodec _dci = new(1);
    private readonly Scrambler _scrambler = new();
    private readonly PdcchResourceMap _map = new();
    private readonly byte[] _bits = new byte[16 * 108];
    private readonly ComplexF32[] _symbols = new ComplexF32[16 * 54];
    private readonly PdcchDmrsSlotCache _dmrs = new();

    /// <summary>The resource map of the last mapped PDCCH (data and DM-RS REs).</summary>
    public PdcchResourceMap LastResourceMap => _map;

    /// <summary>The rate-matched bits of the last mapped PDCCH (before scrambling), E = 108·L.</summary>
    public ReadOnlySpan<byte> LastCodedBits => _bits.AsSpan(0, _map.DataCount * 2);

    /// <summary>The QPSK symbols of the last mapped PDCCH.</summary>
    public ReadOnlySpan<ComplexF32> LastSymbols => _symbols.AsSpan(0, _map.DataCount);

    /// <summary>Encodes <paramref name="payload"/> and maps it with its DM-RS into <paramref name="grid"/>.</summary>
    /// <param name="grid">The slot grid.</param>
    /// <param name="port">Antenna port.</param>
    /// <param name="coreset">The CORESET.</param>
    /// <param name="allocation">Slot, symbols, CCEs and identities.</param>
    /// <param name="payload">The DCI bits (1..140).</param>
    /// <param name="amplitude">β_PDCCH = β_DMRS amplitude scaling (1 = unit energy per RE).</param>
    public void Map(ResourceGrid grid, int port, Coreset coreset, PdcchAllocation allocation, ReadOnlySpan<byte> payload, float amplitude = 1f)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(coreset);
        _map.Fill(coreset, allocation.FirstSymbol, allocation.FirstCce, allocation.AggregationLevel, grid.NStartGrid);
        int e = 2 * _map.DataCount;
        Span<byte> bits = _bits.AsSpan(0, e);
        _dci.Encode(payload, allocation.Rnti, bits);
        MapBits(grid, port, coreset, allocation, amplitude);
    }

    /// <summary>
    /// Maps E = 108·L already coded bits (no DCI coding; the uncoded PDCCH of the NR test models, TS 38.141-1 §4.9.2.3)
    /// with scrambling, QPSK and the DM-RS into <paramref name="grid"/>.
    /// </summary>
    /// <param name="grid">The slot grid.</param>
    /// <param name="port">Antenna port.</param>
    /// <param name="coreset">The CORESET.</param>
    /// <param name="allocation">Slot, symbols, CCEs and identities (the RNTI is not used).</param>
    /// <param name="codedBits">The E = 108·L bits before scrambling.</param>
    /// <param name="amplitude">β_PDCCH = β_DMRS amplitude scaling.</param>
    public void MapCodeword(ResourceGrid grid, int port, Coreset coreset, PdcchAllocation allocation, ReadOnlySpan<byte> codedBits, float amplitude = 1f)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(coreset);
        _map.Fill(coreset, allocation.FirstSymbol, allocation.FirstCce, allocation.AggregationLevel, grid.NStartGrid);
        ThrowHelper.ThrowIfLengthDiffers(codedBits.Length, 2 * _map.DataCount, nameof(codedBits));
        codedBits.CopyTo(_bits);
        MapBits(grid, port, coreset, allocation, amplitude);
    }

    private void MapBits(ResourceGrid grid, int port, Coreset coreset, PdcchAllocation allocation, float amplitude)
    {
        int e = 2 * _map.DataCount;
        Span<byte> bits = _bits.AsSpan(0, e);
        int nId = coreset.Configuration.DmrsScramblingId ?? allocation.NIdCell;
        Span<byte> scrambled = stackalloc byte[16 * 108];
        scrambled = scrambled[..e];
        _scrambler.Scramble(PdcchScrambling.InitialValue(allocation.ScramblingRnti, nId), bits, scrambled);
        Span<ComplexF32> symbols = _symbols.AsSpan(0, _map.DataCount);
        ModulationMapper.Map(scrambled, ModulationScheme.Qpsk, symbols);
        ReadOnlySpan<int> dataSymbols = _map.DataSymbols;
        ReadOnlySpan<int> dataSubcarriers = _map.DataSubcarriers;
        for (int i = 0; i < symbols.Length; i++)
        {
            grid[port, dataSymbols[i], dataSubcarriers[i]] = symbols[i] * amplitude;
        }

        WriteDmrs(grid, port, allocation.Slot, nId, amplitude);
    }

    private void WriteDmrs(ResourceGrid grid, int port, int slot, int nId, float amplitude)
    {
        ReadOnlySpan<int> symbols = _map.DmrsSymbols;
        ReadOnlySpan<int> subcarriers = _map.DmrsSubcarriers;
        ReadOnlySpan<int> indices = _map.DmrsSequenceIndices;
        if (symbols.Length == 0)
        {
            return;
        }

        int maxIndex = 0;
        int firstSymbol = symbols[0];
        int lastSymbol = symbols[0];
        for (int i = 0; i < symbols.Length; i++)
        {
            maxIndex = Math.Max(maxIndex, indices[i]);
            firstSymbol = Math.Min(firstSymbol, symbols[i]);
            lastSymbol = Math.Max(lastSymbol, symbols[i]);
        }

        _dmrs.Prepare(slot, firstSymbol, lastSymbol - firstSymbol + 1, nId, (maxIndex / 3) + 1);
        for (int i = 0; i < symbols.Length; i++)
        {
            grid[port, symbols[i], subcarriers[i]] = _dmrs.Value(symbols[i], indices[i]) * amplitude;
        }
    }
}
