using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The cell's PRACH occasions (RACH-ConfigCommon of the <c>prach:</c> section; TS 38.211 §5.3.2, §6.3.3.2 and the tables
/// of §6.3.3): the configuration and timing at the carrier's rate, the occasions of every slot (precomputed over the 16
/// frames after which every prach-ConfigurationIndex repeats), their offset into the slot and their RA-RNTI (TS 38.321
/// §5.1.3). Shared by the scheduler, the uplink processors and the emulated UE; lookups allocate nothing.
/// </summary>
/// <remarks>
/// Engine restriction, checked at construction: every occasion lies inside one slot whose 14 symbols are all uplink (the
/// engine detects PRACH per received slot). Long formats at 30 kHz, which span two slots, are refused with a message
/// naming <c>prach.config-index</c>.
/// </remarks>
public sealed class CellPrach
{
    /// <summary>Frames after which every PRACH configuration repeats (x of TS 38.211 Table 6.3.3.2-2/-3 is at most 16).</summary>
    public const int PeriodFrames = 16;

    private readonly PrachOccasion[][] _occasions;
    private readonly int[][] _offsets;
    private readonly int _slotsPerFrame;

    /// <summary>Resolves the <c>prach:</c> section of <paramref name="cell"/>.</summary>
    /// <exception cref="ConfigurationException">An index or root outside the tables, or an occasion the engine cannot receive.</exception>
    public CellPrach(CellSetup cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        PrachOptions o = cell.Options.Prach;
        try
        {
            // msg1-SubcarrierSpacing of the short formats: the uplink BWP's (the long formats fix Δf_RA themselves).
            PrachConfigurationTableRow row = cell.Duplex == Phy.Common.Frequency.DuplexMode.Tdd ? Ts38211Table6_3_3_2_3.Get(o.ConfigIndex) : Ts38211Table6_3_3_2_2.Get(o.ConfigIndex);
            Configuration = new PrachConfiguration(new PrachParameters
            {
                Msg1SubcarrierSpacingKhz = row.IsLongFormat ? null : cell.Options.Cell.ScsKhz,
                DuplexMode = cell.Duplex,
                ConfigurationIndex = o.ConfigIndex,
                PuschNumerology = cell.Numerology,
                NSizeGrid = cell.NRb,
                RootSequenceIndex = o.RootSequenceIndex,
                ZeroCorrelationZoneConfig = o.ZeroCorrelationZone,
                Msg1FrequencyStart = o.FrequencyStart,
            });
            Timing = new PrachTiming(Configuration, cell.Timing);
        }
        catch (ArgumentException e)
        {
            throw cell.Options.Source.Error("prach.config-index", e.Message);
        }

        _slotsPerFrame = cell.SlotsPerFrame;
        int slots = PeriodFrames * _slotsPerFrame;
        _occasions = new PrachOccasion[slots][];
        _offsets = new int[slots][];
        var buffer = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        var schedule = new CellSchedule(cell);
        for (int i = 0; i < slots; i++)
        {
            int sfn = i / _slotsPerFrame;
            int slot = i % _slotsPerFrame;
            int count = Timing.GetOccasionsInSlot(sfn, slot, buffer);
            _occasions[i] = buffer.AsSpan(0, count).ToArray();
            _offsets[i] = new int[count];
            int slotLength = cell.Timing.SlotSampleCount(slot);
            for (int k = 0; k < count; k++)
            {
                int offset = Timing.StartSampleInSubframe(buffer[k]) - cell.Timing.SlotOffsetInSubframe(slot);
                _offsets[i][k] = offset;
                bool inSlot = offset + Timing.OccasionSamples(buffer[k]) <= slotLength;
                if (!inSlot || !schedule.IsFullUplink(i))
                {
                    throw cell.Options.Source.Error(
                        "prach.config-index",
                        $"prach-ConfigurationIndex {o.ConfigIndex} ({Configuration.Format.Format}) has an occasion in slot {slot} of frame {sfn} that {(inSlot ? "is not a whole uplink slot" : "does not fit in one slot")}; valid: an index whose occasions lie in whole uplink slots, e.g. 16 (FDD, 15 kHz) or 159 (TDD, B4 in subframe 9).");
                }
            }
        }

        int length = Configuration.SequenceLength;
        IsLongFormat = length == 839;
        HasOccasions = Array.Exists(_occasions, a => a.Length > 0);
    }

    /// <summary>The PRACH configuration (tables resolved).</summary>
    public PrachConfiguration Configuration { get; }

    /// <summary>The PRACH timing at the carrier's sample rate.</summary>
    public PrachTiming Timing { get; }

    /// <summary>Whether the preamble format is a long one (L_RA = 839, Δf_RA 1.25 or 5 kHz).</summary>
    public bool IsLongFormat { get; }

    /// <summary>Whether the configuration has any occasion within 16 frames.</summary>
    public bool HasOccasions { get; }

    /// <summary>The occasions starting in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<PrachOccasion> Occasions(SlotPoint slot) => _occasions[Key(slot)];

    /// <summary>The sample offset of occasion <paramref name="index"/> of <see cref="Occasions"/> from the start of the slot.</summary>
    public int OffsetInSlot(SlotPoint slot, int index) => _offsets[Key(slot)][index];

    /// <summary>Whether <paramref name="slot"/> holds a PRACH occasion.</summary>
    public bool HasOccasion(SlotPoint slot) => _occasions[Key(slot)].Length > 0;

    /// <summary>
    /// RA-RNTI = 1 + s_id + 14·t_id + 14·80·f_id (TS 38.321 §5.1.3, ul_carrier_id 0): s_id the first symbol of the occasion
    /// (0..13), t_id its first slot in the frame at the numerology of TS 38.211 §5.3.2 (μ = 0 for the long formats: the
    /// subframe), f_id = n_RA.
    /// </summary>
    public int RaRnti(in PrachOccasion occasion, int frequencyIndex) => RaRnti(Configuration, occasion, frequencyIndex);

    /// <summary>The RA-RNTI of <paramref name="occasion"/> of <paramref name="configuration"/> (see the instance method; the UE side uses it with a configuration read from SIB1).</summary>
    public static int RaRnti(PrachConfiguration configuration, in PrachOccasion occasion, int frequencyIndex)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        int symbol = occasion.StartSymbol % 14;
        int tId = configuration.SequenceLength == 839 ? occasion.Subframe : (occasion.Subframe << configuration.PrachNumerology) + occasion.PrachSlot;
        return MacPdu.RaRnti(symbol, tId, frequencyIndex);
    }

    /// <summary>Every RA-RNTI the configuration can produce (for configurations prepared at start-up).</summary>
    public IReadOnlyCollection<int> AllRaRntis()
    {
        var set = new SortedSet<int>();
        foreach (PrachOccasion[] slot in _occasions)
        {
            foreach (PrachOccasion occasion in slot)
            {
                set.Add(RaRnti(occasion, 0));
            }
        }

        return set;
    }

    private int Key(SlotPoint slot) => ((slot.Sfn % PeriodFrames) * _slotsPerFrame) + slot.Slot;
}
