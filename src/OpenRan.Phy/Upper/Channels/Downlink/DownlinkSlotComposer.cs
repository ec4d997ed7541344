using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// Composes the slots of one downlink carrier: SS/PBCH blocks (TS 38.211 §7.4.3, TS 38.213 §4.1; with their own
/// subcarrier spacing, or half a subcarrier off the grid, on their own OFDM modulator whose samples are added), PDCCHs
/// (§7.3.2), PDSCHs (§7.3.1; rate-matched per TS 38.214 §5.1.4 around the resource blocks of SS/PBCH blocks in their
/// symbols, the CSI-RS resource elements and the REGs of the slot's PDCCHs) and CSI-RS (§7.4.1.5), frame after frame with
/// the SFN in the MIB and the PBCH payload; then OFDM-modulates each port (§5.3, §5.4).
/// </summary>
/// <remarks>
/// <para>Order of mapping: PDSCH, CSI-RS, PDCCH, SS/PBCH (a later channel overwrites an earlier one's resource elements;
/// the PDSCH DM-RS in the resource blocks of an SS/PBCH block is not sent, as in MATLAB's generator).</para>
/// <para>Per-slot PDSCH configurations (the base configuration plus that slot's reserved resources) are validated and cached
/// the first time a combination occurs; once every combination of the waveform's period has been seen, composing and
/// modulating a slot allocate nothing. All buffers are sized at construction. Not thread-safe: one composer per worker.</para>
/// </remarks>
public sealed class DownlinkSlotComposer
{
    /// <summary>Most channel annotations kept per slot.</summary>
    public const int MaxAnnotations = 256;

    private const int MaxKeyedPdcch = 7;

    private readonly DownlinkWaveformConfiguration _configuration;
    private readonly DownlinkCarrier _carrier;
    private readonly OfdmTiming _timing;
    private readonly OfdmModulator _ofdm;
    private readonly ResourceGrid _grid;
    private readonly ResourceGrid _layers;
    private readonly SharedChannelTransmitter _pdsch;
    private readonly byte[] _payload;
    private readonly IBitSource[] _pdschSources;
    private readonly long[] _pdschTransmissions;
    private readonly byte[][] _transportBlocks;
    private readonly int[] _pdschDmrsMask;
    private readonly bool[] _pdschDmrsDataFree;
    private readonly Dictionary<PdschSlotKey, PdschConfiguration> _slotConfigurations = [];
    private readonly PdcchTransmitter _pdcchTransmitter = new();
    private readonly PdcchResourceMap _pdcchMap = new();
    private readonly Coreset[] _coresets;
    private readonly IBitSource[] _pdcchSources;
    private readonly byte[] _dci = new byte[16 * 108];
    private readonly int[] _pdcchCce;
    private readonly bool[] _pdcchActive;
    private readonly CsiRsMapper _csiRsMapper = new();
    private readonly bool[] _csiRsActive;
    private readonly SsbTransmitter _ssbTransmitter = new();
    private readonly SsbPlacement? _ssb;
    private readonly ResourceGrid? _ssbGrid;
    private readonly OfdmModulator? _ssbModulator;
    private readonly ComplexF32[] _ssbScratch = [];
    private readonly int[] _ssbSymbols = new int[64];
    private readonly DownlinkChannelAnnotation[] _annotations = new DownlinkChannelAnnotation[MaxAnnotations];
    private int _ssbSymbolCount;
    private int _ssbSymbolMask;
    private int _annotationCount;
    private int _slotInFrame;

    /// <summary>Validates <paramref name="configuration"/> and builds every processor and buffer.</summary>
    public DownlinkSlotComposer(DownlinkWaveformConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.ThrowIfInvalid();
        _configuration = configuration;
        _carrier = configuration.Carrier;
        _timing = _carrier.Timing();
        _ofdm = new OfdmModulator(new OfdmConfiguration { Timing = _timing, NSizeGrid = _carrier.NSizeGrid, CarrierFrequencyHz = _carrier.CarrierFrequencyHz });
        int k = _carrier.SubcarrierCount;
        _grid = new ResourceGrid(_carrier.AntennaPortCount, NrConstants.SymbolsPerSlotNormalCp, k);
        _grid.Configure(_carrier.AntennaPortCount, NrConstants.SymbolsPerSlotNormalCp, _carrier.NSizeGrid, _carrier.NStartGrid);
        int maxLayers = Math.Max(1, configuration.Pdsch.Count == 0 ? 1 : configuration.Pdsch.Max(p => p.Configuration.LayerCount));
        _layers = new ResourceGrid(maxLayers, NrConstants.SymbolsPerSlotNormalCp, k);
        _pdsch = new SharedChannelTransmitter(maxLayers);
        _payload = new byte[SharedChannelDataMapper.MaxCodewordLength(maxLayers)];
        _pdschSources = [.. configuration.Pdsch.Select(p => p.Data.Create())];
        _pdschTransmissions = new long[configuration.Pdsch.Count];
        _transportBlocks = [.. configuration.Pdsch.Select(p => p.Coded ? new byte[_pdsch.TransportBlockSize(p.Configuration)] : [])];
        _pdschDmrsMask = new int[configuration.Pdsch.Count];
        _pdschDmrsDataFree = new bool[configuration.Pdsch.Count];
        for (int i = 0; i < configuration.Pdsch.Count; i++)
        {
            PdschConfiguration pdsch = configuration.Pdsch[i].Configuration;
            _pdschDmrsMask[i] = _pdsch.Modulator.Layout(pdsch).DmrsSymbolMask;
            int groups = pdsch.Dmrs.ConfigurationType == SignalProcessors.Dmrs.DmrsConfigurationType.Type1 ? 2 : 3;
            _pdschDmrsDataFree[i] = pdsch.Dmrs.CdmGroupsWithoutData >= groups;
        }

        _coresets = [.. configuration.Pdcch.Select(p => new Coreset(p.Coreset))];
        _pdcchSources = [.. configuration.Pdcch.Select(p => p.Data.Create())];
        _pdcchCce = new int[configuration.Pdcch.Count];
        _pdcchActive = new bool[configuration.Pdcch.Count];
        _csiRsActive = new bool[configuration.CsiRs.Count];
        if (configuration.CsiRs.Count > 31)
        {
            throw new ArgumentException($"at most 31 CSI-RS resources per waveform; {configuration.CsiRs.Count} given");
        }

        if (configuration.Ssb is { } ssb)
        {
            _ssb = new SsbPlacement(ssb, _carrier, _timing);
            if (!_ssb.OnCarrierGrid)
            {
                _ssbGrid = new ResourceGrid(1, _ssb.Timing.SymbolsPerSubframe, SsbResourceMap.SubcarrierCount);
                _ssbModulator = new OfdmModulator(new OfdmConfiguration
                {
                    Timing = _ssb.Timing,
                    NSizeGrid = SsbResourceMap.SubcarrierCount / NrConstants.SubcarriersPerRb,
                    CarrierFrequencyHz = _carrier.CarrierFrequencyHz,
                    FrequencyShiftSubcarriers = _ssb.FrequencyShift,
                    HalfSubcarrierShift = _ssb.HalfSubcarrierShift,
                });
                _ssbScratch = new ComplexF32[_ssb.Timing.FftSize + _ssb.Timing.CyclicPrefixLength(0)];
            }
        }
    }

    /// <summary>The configuration.</summary>
    public DownlinkWaveformConfiguration Configuration => _configuration;

    /// <summary>The carrier's OFDM timing.</summary>
    public OfdmTiming Timing => _timing;

    /// <summary>The composed slot: antenna ports × 14 symbols × 12·N_grid^size subcarriers (SS/PBCH blocks off the carrier grid are not in it).</summary>
    public ResourceGrid Grid => _grid;

    /// <summary>The absolute slot of the last <see cref="Compose"/>.</summary>
    public long Slot { get; private set; } = -1;

    /// <summary>The channels of the composed slot.</summary>
    public ReadOnlySpan<DownlinkChannelAnnotation> Annotations => _annotations.AsSpan(0, _annotationCount);

    /// <summary>Number of samples of absolute slot <paramref name="absoluteSlot"/>.</summary>
    public int SlotSampleCount(long absoluteSlot) => _timing.SlotSampleCount((int)(absoluteSlot % _carrier.SlotsPerFrame));

    /// <summary>Composes absolute slot <paramref name="absoluteSlot"/> (frame = slot / N_slot^frame) into <see cref="Grid"/>.</summary>
    public void Compose(long absoluteSlot)
    {
        if (absoluteSlot < 0)
        {
            ThrowHelper.ThrowOutOfRange(nameof(absoluteSlot), absoluteSlot, "≥ 0");
        }

        int slotsPerFrame = _carrier.SlotsPerFrame;
        long frame = absoluteSlot / slotsPerFrame;
        int slot = (int)(absoluteSlot % slotsPerFrame);
        Slot = absoluteSlot;
        _slotInFrame = slot;
        _annotationCount = 0;
        if (_configuration.PeriodSlots > 0 && absoluteSlot % _configuration.PeriodSlots == 0)
        {
            RestartPayloads();
        }

        _grid.Clear();
        int ssbMask = PlanSsb(frame, slot);
        PlanControl(slot);
        int csiRsMask = PlanCsiRs(frame, slot, slotsPerFrame);
        for (int i = 0; i < _configuration.Pdsch.Count; i++)
        {
            if (_configuration.Pdsch[i].Slots.Contains(absoluteSlot))
            {
                MapPdsch(i, slot, ssbMask, csiRsMask);
            }
        }

        MapCsiRs(slot);
        MapPdcch(slot);
        MapSsb(frame, slot);
    }

    /// <summary>OFDM-modulates port <paramref name="port"/> of the composed slot (SS/PBCH blocks on their own numerology added).</summary>
    /// <param name="port">The antenna port.</param>
    /// <param name="samples">Receives <see cref="SlotSampleCount"/> samples.</param>
    public void Modulate(int port, Span<ComplexF32> samples)
    {
        if (Slot < 0)
        {
            throw new InvalidOperationException("Compose a slot before modulating it.");
        }

        int count = _timing.SlotSampleCount(_slotInFrame);
        ThrowHelper.ThrowIfLengthDiffers(samples.Length, count, nameof(samples));
        _ofdm.Modulate(_grid, port, _slotInFrame, samples);
        if (_ssbModulator is null || _ssb is null || port != _ssb.Burst.Port || _ssbSymbolCount == 0)
        {
            return;
        }

        int slotStart = _timing.SlotOffsetInSubframe(_slotInFrame);
        OfdmTiming ssbTiming = _ssb.Timing;
        for (int i = 0; i < _ssbSymbolCount; i++)
        {
            int l = _ssbSymbols[i];
            int length = ssbTiming.CyclicPrefixLength(l) + ssbTiming.FftSize;
            _ssbModulator.ModulateSymbolAndAdd(_ssbGrid!.Symbol(0, l), l, samples.Slice(ssbTiming.SymbolOffset(l) - slotStart, length), _ssbScratch.AsSpan(0, length));
        }
    }

    private void RestartPayloads()
    {
        foreach (IBitSource source in _pdschSources)
        {
            source.Reset();
        }

        foreach (IBitSource source in _pdcchSources)
        {
            source.Reset();
        }

        Array.Clear(_pdschTransmissions);
    }

    // --- SS/PBCH ---

    /// <summary>Finds the blocks of this slot; returns the carrier symbols they occupy (0 when none).</summary>
    private int PlanSsb(long frame, int slot)
    {
        _ssbSymbolCount = 0;
        _ssbSymbolMask = 0;
        if (_ssb is null)
        {
            return 0;
        }

        int mask = 0;
        foreach (SsbPlacement.Block block in _ssb.BlocksInSlot(slot))
        {
            if (_ssb.Burst.IsTransmitted(frame, block.HalfFrame))
            {
                mask |= block.CarrierSymbolMask;
            }
        }

        _ssbSymbolMask = mask;
        return mask;
    }

    private void MapSsb(long frame, int slot)
    {
        if (_ssb is null || _ssbSymbolMask == 0)
        {
            return;
        }

        DownlinkSsbBurst burst = _ssb.Burst;
        float beta = (float)Math.Pow(10, burst.PowerDb / 20);
        var amplitudes = new SsbAmplitudes(beta, beta, beta, beta);
        Mib mib = burst.MibFor((int)(frame % 1024));
        if (!_ssb.OnCarrierGrid)
        {
            _ssbGrid!.Clear();
        }

        foreach (SsbPlacement.Block block in _ssb.BlocksInSlot(slot))
        {
            if (!burst.IsTransmitted(frame, block.HalfFrame))
            {
                continue;
            }

            if (_ssb.OnCarrierGrid)
            {
                _ssbTransmitter.Map(_grid, burst.Port, block.FirstSymbol, _ssb.FirstSubcarrier, mib, _carrier.NIdCell, burst.LMax, block.Index, block.HalfFrame, amplitudes);
            }
            else
            {
                _ssbTransmitter.Map(_ssbGrid!, 0, block.FirstSymbol, 0, mib, _carrier.NIdCell, burst.LMax, block.Index, block.HalfFrame, amplitudes);
                for (int l = 0; l < SsbResourceMap.SymbolCount; l++)
                {
                    _ssbSymbols[_ssbSymbolCount++] = block.FirstSymbol + l;
                }
            }

            Annotate(new DownlinkChannelAnnotation(DownlinkChannelKind.Ssb, "SSB", block.Index, _carrier.NIdCell, _ssb.FirstCrb, _ssb.CrbCount, block.FirstSymbol, SsbResourceMap.SymbolCount, 2, burst.PowerDb, block.HalfFrame));
        }
    }

    // --- CSI-RS ---

    private int PlanCsiRs(long frame, int slot, int slotsPerFrame)
    {
        int mask = 0;
        for (int i = 0; i < _csiRsActive.Length; i++)
        {
            _csiRsActive[i] = _configuration.CsiRs[i].Resource.IsTransmitted((int)(frame % 1024), slot, slotsPerFrame);
            mask |= _csiRsActive[i] ? 1 << i : 0;
        }

        return mask;
    }

    private void MapCsiRs(int slot)
    {
        for (int i = 0; i < _csiRsActive.Length; i++)
        {
            if (!_csiRsActive[i])
            {
                continue;
            }

            DownlinkCsiRs csiRs = _configuration.CsiRs[i];
            CsiRsConfiguration resource = csiRs.Resource;
            if (!resource.ZeroPower)
            {
                _csiRsMapper.Map(_grid, resource, slot, csiRs.FirstPort);
            }

            int first = Math.Max(resource.StartRb, _carrier.NStartGrid);
            int end = Math.Min(resource.StartRb + resource.RbCount, _carrier.NStartGrid + _carrier.NSizeGrid);
            int symbols = resource.Pattern.SymbolMask;
            Annotate(new DownlinkChannelAnnotation(resource.ZeroPower ? DownlinkChannelKind.ZpCsiRs : DownlinkChannelKind.CsiRs, csiRs.Name, i, resource.ScramblingId, first, Math.Max(0, end - first),
                System.Numerics.BitOperations.TrailingZeroCount(symbols), System.Numerics.BitOperations.PopCount((uint)symbols), 0, resource.PowerOffsetDb, resource.RowNumber));
        }
    }

    // --- PDCCH ---

    private void PlanControl(int slot)
    {
        for (int i = 0; i < _pdcchActive.Length; i++)
        {
            DownlinkPdcch pdcch = _configuration.Pdcch[i];
            _pdcchActive[i] = pdcch.Slots.Contains(Slot);
            if (!_pdcchActive[i])
            {
                continue;
            }

            if (pdcch.SearchSpace is { } space)
            {
                int y = PdcchCandidates.HashingY(space.Common, pdcch.Coreset.Id, pdcch.Rnti, slot);
                _pdcchCce[i] = PdcchCandidates.FirstCce(y, pdcch.Candidate, space.CandidateCount(pdcch.AggregationLevel), pdcch.AggregationLevel, _coresets[i].CceCount);
            }
            else
            {
                _pdcchCce[i] = pdcch.FirstCce;
            }
        }
    }

    private void MapPdcch(int slot)
    {
        for (int i = 0; i < _pdcchActive.Length; i++)
        {
            if (!_pdcchActive[i])
            {
                continue;
            }

            DownlinkPdcch pdcch = _configuration.Pdcch[i];
            var allocation = new PdcchAllocation(slot, pdcch.FirstSymbol, _pdcchCce[i], pdcch.AggregationLevel, pdcch.Rnti, pdcch.ScramblingRnti, _carrier.NIdCell);
            float amplitude = (float)Math.Pow(10, pdcch.PowerDb / 20);
            if (pdcch.Coded)
            {
                Span<byte> payload = _dci.AsSpan(0, pdcch.PayloadBits);
                _pdcchSources[i].Fill(payload);
                _pdcchTransmitter.Map(_grid, pdcch.Port, _coresets[i], allocation, payload, amplitude);
            }
            else
            {
                Span<byte> bits = _dci.AsSpan(0, 108 * pdcch.AggregationLevel);
                _pdcchSources[i].Fill(bits);
                _pdcchTransmitter.MapCodeword(_grid, pdcch.Port, _coresets[i], allocation, bits, amplitude);
            }

            _pdcchMap.Fill(_coresets[i], pdcch.FirstSymbol, _pdcchCce[i], pdcch.AggregationLevel, _carrier.NStartGrid);
            (int firstCrb, int crbCount) = SpanOf(_pdcchMap.DataSubcarriers);
            Annotate(new DownlinkChannelAnnotation(DownlinkChannelKind.Pdcch, pdcch.Name, i, pdcch.Rnti, firstCrb, crbCount, pdcch.FirstSymbol, pdcch.Coreset.Duration, 2, pdcch.PowerDb, _pdcchCce[i]));
        }
    }

    private (int FirstCrb, int CrbCount) SpanOf(ReadOnlySpan<int> gridSubcarriers)
    {
        int low = int.MaxValue, high = int.MinValue;
        foreach (int k in gridSubcarriers)
        {
            low = Math.Min(low, k);
            high = Math.Max(high, k);
        }

        int first = (low / NrConstants.SubcarriersPerRb) + _carrier.NStartGrid;
        return (first, (high / NrConstants.SubcarriersPerRb) + _carrier.NStartGrid - first + 1);
    }

    // --- PDSCH ---

    private void MapPdsch(int index, int slot, int ssbMask, int csiRsMask)
    {
        DownlinkPdsch pdsch = _configuration.Pdsch[index];
        PdschConfiguration configuration = SlotConfiguration(index, ssbMask, csiRsMask);
        int position = (int)(_pdschTransmissions[index] % pdsch.RedundancyVersions.Count);
        int rv = pdsch.RedundancyVersions[position];
        _pdschTransmissions[index]++;
        int detail;
        if (pdsch.Coded)
        {
            // A new transport block at the start of each pass through the redundancy versions; the TBS does not depend on
            // the slot's reserved resources (TS 38.214 §5.1.3.2 counts only DM-RS and xOverhead), so one buffer serves.
            byte[] block = _transportBlocks[index];
            if (position == 0)
            {
                _pdschSources[index].Fill(block);
            }

            _pdsch.Process(configuration, block, rv, slot, _layers);
            detail = block.Length;
        }
        else
        {
            Span<byte> codeword = _payload.AsSpan(0, _pdsch.Modulator.CodewordLength(configuration));
            _pdschSources[index].Fill(codeword);
            _pdsch.Modulate(configuration, codeword, slot, _layers);
            detail = 0;
        }

        SharedChannelLayout layout = _pdsch.Modulator.Layout(configuration);
        float amplitude = (float)Math.Pow(10, pdsch.PowerDb / 20);
        float dmrsFactor = (float)Math.Pow(10, pdsch.DmrsPowerOffsetDb / 20);
        int last = layout.StartSymbol + layout.SymbolCount;
        for (int v = 0; v < configuration.LayerCount; v++)
        {
            int port = pdsch.FirstPort + v;
            for (int l = layout.StartSymbol; l < last; l++)
            {
                Span<ComplexF32> source = _layers.Symbol(v, l);
                Span<ComplexF32> destination = _grid.Symbol(port, l);
                foreach ((int first, int count) in layout.Clusters)
                {
                    int start = layout.GridSubcarrierOfBlock(first);
                    int length = count * NrConstants.SubcarriersPerRb;
                    ComplexKernels.Scale(source.Slice(start, length), amplitude, destination.Slice(start, length));
                }

                if (dmrsFactor != 1f && layout.DmrsLPrime(l) >= 0)
                {
                    ScaleDmrs(layout, l, destination, dmrsFactor);
                }
            }

            // The DM-RS is not sent in the resource blocks of an SS/PBCH block (TS 38.214 §5.1.4: they are not available).
            int blanked = ssbMask & _pdschDmrsMask[index];
            if (blanked != 0 && _ssb is not null)
            {
                for (int l = layout.StartSymbol; l < last; l++)
                {
                    if (((blanked >> l) & 1) == 0)
                    {
                        continue;
                    }

                    Span<ComplexF32> destination = _grid.Symbol(port, l);
                    foreach (int crb in layout.CommonResourceBlocks)
                    {
                        if (crb >= _ssb.FirstCrb && crb < _ssb.FirstCrb + _ssb.CrbCount)
                        {
                            destination.Slice((crb - _carrier.NStartGrid) * NrConstants.SubcarriersPerRb, NrConstants.SubcarriersPerRb).Clear();
                        }
                    }
                }
            }
        }

        ReadOnlySpan<int> crbs = layout.CommonResourceBlocks;
        Annotate(new DownlinkChannelAnnotation(DownlinkChannelKind.Pdsch, pdsch.Name, index, configuration.NRnti, crbs[0], crbs[^1] - crbs[0] + 1,
            layout.StartSymbol, layout.SymbolCount, configuration.Modulation.BitsPerSymbol(), pdsch.PowerDb, pdsch.Coded ? detail : -1 - rv));
    }

    private static void ScaleDmrs(SharedChannelLayout layout, int symbol, Span<ComplexF32> destination, float factor)
    {
        ReadOnlySpan<ResourceElementKind> kinds = layout.Kinds(symbol);
        for (int a = 0; a < kinds.Length; a++)
        {
            if (kinds[a] == ResourceElementKind.Dmrs)
            {
                destination[layout.GridSubcarrierOfBlock(a / NrConstants.SubcarriersPerRb) + (a % NrConstants.SubcarriersPerRb)] *= factor;
            }
        }
    }

    /// <summary>The PDSCH configuration of this slot: the base plus the slot's reserved resources (cached per combination).</summary>
    private PdschConfiguration SlotConfiguration(int index, int ssbMask, int csiRsMask)
    {
        long pdcchKey = 0;
        for (int i = 0, keyed = 0; i < _pdcchActive.Length; i++)
        {
            if (_pdcchActive[i])
            {
                if (keyed++ >= MaxKeyedPdcch)
                {
                    pdcchKey = -1 - Slot; // beyond the key's room: a per-slot key (cached per slot, not per combination)
                    break;
                }

                pdcchKey = (pdcchKey << 9) | (1L << 8) | (long)(_pdcchCce[i] & 0xFF);
                pdcchKey = (pdcchKey << 3) | (long)(i & 7);
            }
        }

        var key = new PdschSlotKey(index, ssbMask, csiRsMask, pdcchKey);
        if (_slotConfigurations.TryGetValue(key, out PdschConfiguration? cached))
        {
            return cached;
        }

        PdschConfiguration configuration = BuildSlotConfiguration(index, ssbMask);
        _slotConfigurations.Add(key, configuration);
        return configuration;
    }

    private PdschConfiguration BuildSlotConfiguration(int index, int ssbMask)
    {
        DownlinkPdsch pdsch = _configuration.Pdsch[index];
        PdschConfiguration baseConfiguration = pdsch.Configuration;
        int dmrs = _pdschDmrsMask[index];
        bool dataFree = _pdschDmrsDataFree[index];
        int allocated = ((1 << baseConfiguration.SymbolCount) - 1) << baseConfiguration.StartSymbol;
        var reserved = new List<ReservedResource>(baseConfiguration.ReservedResources);

        // A reservation on a DM-RS symbol: when the DM-RS symbols carry no data (all CDM groups without data) the symbol
        // is dropped from the reservation (nothing to rate-match there); otherwise the shared channel cannot express it.
        int DataSymbols(int mask, string what)
        {
            int onDmrs = mask & dmrs & allocated;
            if (onDmrs != 0 && !dataFree)
            {
                throw new ArgumentException($"{pdsch.Name}: {what} overlaps the PDSCH DM-RS symbols (mask 0x{onDmrs:X}) while those symbols carry data (CdmGroupsWithoutData = {baseConfiguration.Dmrs.CdmGroupsWithoutData}); move the PDSCH, its DM-RS or the {what}, or use all CDM groups without data");
            }

            return mask & ~onDmrs;
        }

        if (ssbMask != 0 && _ssb is not null)
        {
            int mask = DataSymbols(ssbMask, "SS/PBCH block");
            if (mask != 0)
            {
                reserved.Add(ReservedResource.Blocks(Enumerable.Range(_ssb.FirstCrb, _ssb.CrbCount), mask));
            }
        }

        for (int i = 0; i < _csiRsActive.Length; i++)
        {
            if (!_csiRsActive[i])
            {
                continue;
            }

            CsiRsPattern pattern = _configuration.CsiRs[i].Resource.Pattern;
            int[] blocks = [.. pattern.CarriedBlocks(_carrier.NStartGrid, _carrier.NSizeGrid)];
            if (blocks.Length > 0)
            {
                reserved.Add(ReservedResource.Blocks(blocks, pattern.SymbolMask, pattern.SubcarrierMask));
            }
        }

        for (int i = 0; i < _pdcchActive.Length; i++)
        {
            if (!_pdcchActive[i])
            {
                continue;
            }

            DownlinkPdcch pdcch = _configuration.Pdcch[i];
            _pdcchMap.Fill(_coresets[i], pdcch.FirstSymbol, _pdcchCce[i], pdcch.AggregationLevel, _carrier.NStartGrid);
            var rbs = new SortedSet<int>();
            foreach (int k in _pdcchMap.DataSubcarriers)
            {
                rbs.Add((k / NrConstants.SubcarriersPerRb) + _carrier.NStartGrid);
            }

            int mask = DataSymbols(((1 << pdcch.Coreset.Duration) - 1) << pdcch.FirstSymbol, pdcch.Name);
            if (mask != 0)
            {
                reserved.Add(ReservedResource.Blocks(rbs, mask));
            }
        }

        PdschConfiguration configuration = baseConfiguration with { ReservedResources = reserved };
        configuration.ThrowIfInvalid();
        return configuration;
    }

    private void Annotate(DownlinkChannelAnnotation annotation)
    {
        if (_annotationCount < _annotations.Length)
        {
            _annotations[_annotationCount++] = annotation;
        }
    }

    private readonly record struct PdschSlotKey(int Pdsch, int SsbSymbols, int CsiRs, long Pdcch);
}
