using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// Demodulates slots of the recording onto a grid that spans CORESET#0 at the common subcarrier spacing: the samples are
/// mixed so that the grid centre sits at DC (the carrier frequency offset removed in the same step), then OFDM-demodulated
/// with the §5.4 phase compensation at the grid centre's RF frequency (TS 38.211 §5.3.1, §5.4). Also builds what the
/// slot's channels need: CORESET#0, the DCI sizes, and the PDSCH configuration of a DCI 1_0 allocation.
/// </summary>
internal sealed class SlotDemodulator : ICommonPdcchGrid
{
    private readonly BandDemodulator _band;
    private readonly double _ssbFirstSubcarrierOffset;

    private SlotDemodulator(UeDownlinkConfiguration configuration, CellContext cell, Coreset0Row row, int gridStart, double gridCentreHz)
    {
        Row = row;
        Mu = cell.CommonScsKhz / 30;
        GridStart = gridStart;
        _band = new BandDemodulator(configuration.SampleRateHz, configuration.CenterFrequencyHz, Mu, gridStart, row.RbCount, gridCentreHz);
        int ssbCommonRb = gridStart + row.Offset(cell.KSsb);
        Coreset = new Coreset(Type0PdcchCss.Coreset0(row, ssbCommonRb, cell.KSsb, cell.Pci));
        DciSizes = new DciSizes0_0And1_0(row.RbCount, row.RbCount, CommonSearchSpace: true);
        DciSizeList = [DciSizes.Size];

        // The block's first subcarrier, in common-SCS subcarriers from the grid's first subcarrier.
        _ssbFirstSubcarrierOffset = ((row.Offset(cell.KSsb) * NrConstants.SubcarriersPerRb * cell.CommonScsKhz) + (cell.KSsb * 15.0)) / cell.CommonScsKhz;
    }

    /// <summary>The controlResourceSetZero row.</summary>
    public Coreset0Row Row { get; }

    /// <summary>μ of the common subcarrier spacing.</summary>
    public int Mu { get; }

    /// <summary>The CRB of the grid's first RB (CORESET#0's lowest RB; 0 on a virtual grid when point A is unknown).</summary>
    public int GridStart { get; }

    /// <summary>The OFDM timing at the common SCS.</summary>
    public OfdmTiming Timing => _band.Timing;

    /// <summary>The last demodulated slot.</summary>
    public ResourceGrid Grid => _band.Grid;

    /// <summary>CORESET#0.</summary>
    public Coreset Coreset { get; }

    /// <summary>The DCI 0_0/1_0 sizes in CORESET#0's common search space.</summary>
    public DciSizes0_0And1_0 DciSizes { get; }

    /// <summary>The payload sizes a blind search tries: the DCI 1_0 size only.</summary>
    public int[] DciSizeList { get; }

    /// <summary>N_RB of DCI 1_0's FDRA in a common search space: CORESET#0's size (TS 38.212 §7.3.1.2.1).</summary>
    public int FdraBwpSize => Row.RbCount;

    /// <summary>Slots per frame at the common SCS.</summary>
    public int SlotsPerFrame => Timing.Numerology.SlotsPerFrame;

    /// <summary>Builds the demodulator, or says why CORESET#0 cannot be received.</summary>
    public static SlotDemodulator? TryCreate(UeDownlinkConfiguration configuration, CellContext cell, out string? problem)
    {
        problem = null;
        if (cell.KSsb >= 24)
        {
            problem = $"k_SSB = {cell.KSsb}: no CORESET#0 for this block (TS 38.213 §13, FR1), so no SIB1 to follow";
            return null;
        }

        Coreset0Row? found = Ts38213Table13.Coreset0(cell.Candidate.SubcarrierSpacingKhz, cell.CommonScsKhz, false, cell.Coreset0Index);
        if (found is not Coreset0Row row)
        {
            problem = $"controlResourceSetZero {cell.Coreset0Index} is reserved for {cell.Candidate.SubcarrierSpacingKhz}/{cell.CommonScsKhz} kHz (TS 38.213 Tables 13-1..13-4)";
            return null;
        }

        int gridStart = cell.SsbCommonRb is int ssbRb ? ssbRb - row.Offset(cell.KSsb) : 0;
        if (gridStart < 0)
        {
            problem = $"CORESET#0 would start at CRB {gridStart}: the described carrier does not hold it";
            return null;
        }

        double scsHz = cell.CommonScsKhz * 1e3;
        double ssbFirstHz = cell.Candidate.FrequencyHz - (120 * cell.Candidate.SubcarrierSpacingKhz * 1e3);
        double coresetStartHz = ssbFirstHz - (cell.KSsb * 15e3) - (row.Offset(cell.KSsb) * NrConstants.SubcarriersPerRb * scsHz);
        double gridCentreHz = coresetStartHz + (row.RbCount * NrConstants.SubcarriersPerRb / 2 * scsHz);
        double halfWidthHz = row.RbCount * NrConstants.SubcarriersPerRb / 2 * scsHz;
        if (Math.Abs(gridCentreHz - configuration.CenterFrequencyHz) + halfWidthHz > configuration.SampleRateHz / 2)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"CORESET#0 ({coresetStartHz / 1e6:F3}..{(coresetStartHz + (2 * halfWidthHz)) / 1e6:F3} MHz) is not inside the recorded band; record with a higher --sample-rate or a centre closer to it");
            return null;
        }

        try
        {
            return new SlotDemodulator(configuration, cell, row, gridStart, gridCentreHz);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message.Split(" (Parameter", 2)[0];
            return null;
        }
    }

    /// <summary>The sample offset of slot <paramref name="slot"/> from the start of its frame.</summary>
    public long SlotOffsetInFrame(int slot) => ((long)(slot / Timing.Numerology.SlotsPerSubframe) * Timing.SamplesPerSubframe) + Timing.SlotOffsetInSubframe(slot);

    /// <summary>The samples of slot <paramref name="slot"/>.</summary>
    public int SlotSampleCount(int slot) => Timing.SlotSampleCount(slot);

    /// <summary>Mixes and demodulates the slot that starts at sample <paramref name="slotStart"/> into <see cref="Grid"/>.</summary>
    public void Demodulate(ReadOnlySpan<ComplexF32> samples, long slotStart, int slot, double frequencyOffsetHz, long origin = 0) => _band.Demodulate(samples, slotStart, slot, frequencyOffsetHz, origin);

    /// <summary>
    /// The PDSCH of a DCI 1_0 allocation in CORESET#0's common search space: BWP = CORESET#0 (PRBs from its lowest RB), DM-RS
    /// type 1, single symbol, dmrs-AdditionalPosition pos2, two CDM groups without data (one for a 2-symbol type B
    /// allocation, TS 38.214 §5.1.6.2), scrambling with N_ID^cell, the DM-RS reference point at CORESET#0 for SI-RNTI in the
    /// Type0 CSS and at point A otherwise (TS 38.211 §7.4.1.1.2), rate matched around the PRBs of the SS/PBCH blocks in the
    /// slot (TS 38.214 §5.1.4).
    /// </summary>
    public PdschConfiguration PdschFor(CellContext cell, UeDownlinkAllocation allocation, int rnti, bool siType0, int slot)
    {
        List<ReservedResource> reserved = SsbReserved(cell, slot, SlotsPerFrame, _ssbFirstSubcarrierOffset, GridStart, Row.RbCount);
        int qmMax = 6;
        return new PdschConfiguration
        {
            Numerology = Mu,
            NSizeGrid = Row.RbCount,
            NStartGrid = GridStart,
            NIdCell = cell.Pci,
            NStartBwp = GridStart,
            NSizeBwp = Row.RbCount,
            PrbSet = allocation.PrbSet(0, siType0 ? 0 : GridStart),
            TransportBlockScaling = allocation.TbScaling,
            StartSymbol = allocation.StartSymbol,
            SymbolCount = allocation.SymbolCount,
            MappingType = allocation.MappingTypeA ? SchMappingType.A : SchMappingType.B,
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(allocation.ModulationOrder),
            LayerCount = 1,
            NRnti = rnti,
            NId = cell.Pci,
            Dmrs = new DmrsConfiguration
            {
                TypeAPosition = cell.DmrsTypeAPosition,
                AdditionalPosition = 2,
                CdmGroupsWithoutData = !allocation.MappingTypeA && allocation.SymbolCount == 2 ? 1 : 2,
                ScramblingId0 = cell.Pci,
                ScramblingId1 = cell.Pci,
                Ports = [0],
            },
            TargetCodeRate = allocation.TargetCodeRate,
            LimitedBuffer = LimitedBufferRateMatching.FromTransportBlockSize(TransportBlockSize.ForLimitedBufferRateMatching(1, qmMax, TransportBlockSize.LimitedBufferPrbCount(Row.RbCount))),
            DmrsReferencePointCrb = siType0 ? GridStart : 0,
            ReservedResources = reserved,
        };
    }

    /// <summary>
    /// The PRBs of a grid of <paramref name="rbCount"/> RBs from common RB <paramref name="gridStart"/> that the SS/PBCH
    /// blocks of slot <paramref name="slot"/> overlap (TS 38.214 §5.1.4: PDSCH rate matched around them);
    /// <paramref name="ssbFirstSubcarrierOffset"/> is the block's first subcarrier in common-SCS subcarriers from the
    /// grid's first subcarrier.
    /// </summary>
    internal static List<ReservedResource> SsbReserved(CellContext cell, int slot, int slotsPerFrame, double ssbFirstSubcarrierOffset, int gridStart, int rbCount)
    {
        var reserved = new List<ReservedResource>();
        int symbolMask = SsbSymbolMask(cell, slot, slotsPerFrame);
        if (symbolMask != 0)
        {
            int firstRb = (int)Math.Floor(ssbFirstSubcarrierOffset / NrConstants.SubcarriersPerRb);
            int lastRb = (int)Math.Floor((ssbFirstSubcarrierOffset + (240.0 * cell.Candidate.SubcarrierSpacingKhz / cell.CommonScsKhz) - 1) / NrConstants.SubcarriersPerRb);
            int[] rbs = [.. Enumerable.Range(firstRb, lastRb - firstRb + 1).Where(rb => rb >= 0 && rb < rbCount).Select(rb => rb + gridStart)];
            if (rbs.Length > 0)
            {
                reserved.Add(ReservedResource.Blocks(rbs, symbolMask));
            }
        }

        return reserved;
    }

    /// <summary>The symbols of slot <paramref name="slot"/> that hold a decoded SS/PBCH block (same SCS only).</summary>
    private static int SsbSymbolMask(CellContext cell, int slot, int slotsPerFrame)
    {
        if (cell.Candidate.SubcarrierSpacingKhz != cell.CommonScsKhz)
        {
            return 0;
        }

        int slotsPerHalfFrame = slotsPerFrame / 2;
        int mask = 0;
        IEnumerable<int> indices = cell.Indices.Count > 0 ? cell.Indices : [0];
        foreach (int i in indices)
        {
            int symbol = cell.FirstSymbols[i];
            foreach (int half in cell.HalfFrames.Count > 0 ? cell.HalfFrames : [0])
            {
                if ((symbol / NrConstants.SymbolsPerSlotNormalCp) + (half * slotsPerHalfFrame) == slot)
                {
                    mask |= 0xF << (symbol % NrConstants.SymbolsPerSlotNormalCp);
                }
            }
        }

        return mask;
    }
}
