using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Ssb;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// The validated cell the engine runs, derived from a <see cref="GnbConfiguration"/>: the frequency plan (Point A, k_SSB,
/// offsetToPointA, GSCN) through <see cref="FrequencyPlan"/>, the numerology and sample rate, the TDD pattern, the SS/PBCH
/// blocks and their MIB fields, CORESET#0 and the Type0-PDCCH occasions (TS 38.213 §13), CORESET#1 of the test UE, SIB1
/// and the test UE's grants. Every inconsistency is a <see cref="ConfigurationException"/> naming the key and its valid
/// values.
/// </summary>
public sealed class CellSetup
{
    private CellSetup(GnbConfiguration options) => Options = options;

    /// <summary>The configuration as written.</summary>
    public GnbConfiguration Options { get; }

    /// <summary>The operating band.</summary>
    public OperatingBand Band { get; private set; } = null!;

    /// <summary>FDD or TDD.</summary>
    public DuplexMode Duplex { get; private set; }

    /// <summary>The carrier and SSB placement.</summary>
    public FrequencyPlan Plan { get; private set; } = null!;

    /// <summary>μ of the carrier.</summary>
    public Numerology Numerology { get; private set; }

    /// <summary>N_grid^size (N_grid^start = 0: the carrier starts at Point A).</summary>
    public int NRb => Plan.NRb;

    /// <summary>N_ID^cell.</summary>
    public int Pci => Options.Cell.Pci;

    /// <summary>The TDD pattern, or null for FDD.</summary>
    public TddPattern? Tdd { get; private set; }

    /// <summary>OFDM timing at the radio's sample rate.</summary>
    public OfdmTiming Timing { get; private set; } = null!;

    /// <summary>The radio sample rate in Hz.</summary>
    public double SampleRateHz => Timing.SampleRateHz;

    /// <summary>The downlink OFDM centre (radio TX frequency and f0 of TS 38.211 §5.4).</summary>
    public double DownlinkCenterHz => Plan.OfdmCenterFrequencyHz;

    /// <summary>The uplink OFDM centre (radio RX frequency): the FDD uplink carrier, or the downlink one for TDD.</summary>
    public double UplinkCenterHz { get; private set; }

    /// <summary>The SS/PBCH block case.</summary>
    public SsbCase SsbCase { get; private set; }

    /// <summary>L_max.</summary>
    public int LMax { get; private set; }

    /// <summary>The transmitted block indices (ssb-PositionsInBurst).</summary>
    public IReadOnlyList<int> SsbIndices { get; private set; } = [];

    /// <summary>First symbol of each candidate block within its half frame (index = block index).</summary>
    public IReadOnlyList<int> SsbFirstSymbols { get; private set; } = [];

    /// <summary>The carrier-grid subcarrier of SSB subcarrier 0.</summary>
    public int SsbFirstSubcarrier { get; private set; }

    /// <summary>The CRB overlapping the SSB's first RB (N_CRB^SSB in carrier SCS).</summary>
    public int SsbFirstCrb { get; private set; }

    /// <summary>β of the SSB (amplitude, from the power offset).</summary>
    public float SsbAmplitude { get; private set; }

    /// <summary>pdcch-ConfigSIB1 of the MIB.</summary>
    public int PdcchConfigSib1 => (Coreset0Index << 4) | Options.Pdcch.SearchSpaceZero;

    /// <summary>controlResourceSetZero.</summary>
    public int Coreset0Index { get; private set; }

    /// <summary>The CORESET#0 row of TS 38.213 Tables 13-1..13-10.</summary>
    public Coreset0Row Coreset0Row { get; private set; }

    /// <summary>CORESET#0.</summary>
    public CoresetConfiguration Coreset0 { get; private set; } = null!;

    /// <summary>The Type0-PDCCH monitoring occasion of each transmitted block (same order as <see cref="SsbIndices"/>).</summary>
    public IReadOnlyList<Type0Occasion> Type0Occasions { get; private set; } = [];

    /// <summary>CORESET#1 (the test UE's, UE-specific search space).</summary>
    public CoresetConfiguration Coreset1 { get; private set; } = null!;

    /// <summary>SIB1 (BCCH-DL-SCH message bytes), or empty when none is configured.</summary>
    public ReadOnlyMemory<byte> Sib1 { get; private set; }

    /// <summary>The test UE's downlink grant.</summary>
    public LinkSetup Downlink { get; private set; } = null!;

    /// <summary>The test UE's uplink grant.</summary>
    public LinkSetup Uplink { get; private set; } = null!;

    /// <summary>Slots per frame.</summary>
    public int SlotsPerFrame => Numerology.SlotsPerFrame;

    /// <summary>Bit l set: symbol l of slot <paramref name="slotIndex"/> carries downlink.</summary>
    public ushort DownlinkSymbolMask(long slotIndex) => Tdd?.DownlinkSymbolMask(slotIndex) ?? (1 << 14) - 1;

    /// <summary>Bit l set: symbol l of slot <paramref name="slotIndex"/> carries uplink.</summary>
    public ushort UplinkSymbolMask(long slotIndex) => Tdd?.UplinkSymbolMask(slotIndex) ?? (1 << 14) - 1;

    /// <summary>Derives and validates the cell.</summary>
    /// <exception cref="ConfigurationException">An inconsistency, located at its key.</exception>
    public static CellSetup Derive(GnbConfiguration options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cell = new CellSetup(options);
        cell.DeriveCarrier();
        cell.DeriveSsb();
        cell.DeriveCoreset0();
        cell.DeriveCoreset1();
        cell.DeriveSib1();
        cell.Downlink = LinkSetup.Derive(options, cell, downlink: true);
        cell.Uplink = LinkSetup.Derive(options, cell, downlink: false);
        return cell;
    }

    private SourceMap Map => Options.Source;

    private void DeriveCarrier()
    {
        CellOptions c = Options.Cell;
        try
        {
            Band = OperatingBands.Get(c.Band);
        }
        catch (ArgumentException e)
        {
            throw Map.Error("cell.band", e.Message);
        }

        if (Band.Range != FrequencyRange.Fr1)
        {
            throw Map.Error("cell.band", $"{Band.Name} is an FR2 band; valid: an FR1 band (n1 … n104).");
        }

        Duplex = c.Duplex switch
        {
            null => Band.Duplex,
            "fdd" => DuplexMode.Fdd,
            _ => DuplexMode.Tdd,
        };
        if (Duplex != Band.Duplex)
        {
            throw Map.Error("cell.duplex", $"band {Band.Name} is {Band.Duplex.ToString().ToUpperInvariant()}; valid: {Band.Duplex.ToString().ToLowerInvariant()}.");
        }

        if (Duplex is not (DuplexMode.Fdd or DuplexMode.Tdd))
        {
            throw Map.Error("cell.band", $"band {Band.Name} is {Band.Duplex} (no paired uplink and downlink); valid: an FDD or TDD band.");
        }

        if (c.DlArfcn is null && c.CenterFrequencyMhz is null)
        {
            throw Map.Error("cell.dl-arfcn", "missing; give dl-arfcn (NR-ARFCN of the carrier) or center-frequency-mhz.");
        }

        string frequencyKey = c.DlArfcn is null ? "cell.center-frequency-mhz" : "cell.dl-arfcn";
        try
        {
            Plan = c.DlArfcn is int arfcn
                ? FrequencyPlan.Create(Band, arfcn, c.ChannelBandwidthMhz, c.ScsKhz, Options.Ssb.Gscn)
                : FrequencyPlan.CreateFromFrequency(Band, c.CenterFrequencyMhz!.Value * 1e6, c.ChannelBandwidthMhz, c.ScsKhz, Options.Ssb.Gscn);
        }
        catch (ArgumentException e)
        {
            string key = e.ParamName switch
            {
                "gscn" => "ssb.gscn",
                "channelBandwidthMhz" => "cell.channel-bandwidth-mhz",
                "subcarrierSpacingKhz" => "cell.scs-khz",
                "ssbSubcarrierSpacingKhz" => "cell.scs-khz",
                _ => frequencyKey,
            };
            throw Map.Error(key, $"impossible frequency plan: {StripParameter(e.Message)}");
        }

        Numerology = Numerology.FromSubcarrierSpacingKhz(c.ScsKhz);
        if (Plan.SsbSubcarrierSpacingKhz != c.ScsKhz)
        {
            throw Map.Error("cell.scs-khz", Invariant($"band {Band.Name} has no {c.ScsKhz} kHz SS/PBCH block at {c.ChannelBandwidthMhz} MHz (its raster gives {Plan.SsbSubcarrierSpacingKhz} kHz); the engine needs SSB SCS = carrier SCS; valid: scs-khz {Plan.SsbSubcarrierSpacingKhz}."));
        }

        if (Duplex == DuplexMode.Tdd)
        {
            TddOptions t = c.Tdd ?? throw Map.Error("cell.tdd", "missing: a TDD band needs tdd: (period-ms, dl-slots, dl-symbols, ul-slots, ul-symbols).");
            Tdd = TddPattern.TryCreate(Numerology.Mu, t.PeriodMs, t.DlSlots, t.DlSymbols, t.UlSlots, t.UlSymbols, out string key, out string reason)
                ?? throw Map.Error("cell.tdd." + key, $"the TDD pattern contradicts {c.ScsKhz} kHz: {reason}");
            UplinkCenterHz = Plan.OfdmCenterFrequencyHz;
        }
        else
        {
            if (c.Tdd is not null)
            {
                throw Map.Error("cell.tdd", $"band {Band.Name} is FDD; remove tdd: (tdd-UL-DL-ConfigurationCommon applies to TDD only).");
            }

            if (Plan.UplinkFrequencyHz is not double ul)
            {
                throw Map.Error(frequencyKey, $"impossible frequency plan: the uplink carrier of band {Band.Name} at the duplex spacing is not on its channel raster.");
            }

            double ulPointA = ul - (12 * (NRb / 2) * c.ScsKhz * 1e3);
            UplinkCenterHz = ulPointA + (6 * NRb * c.ScsKhz * 1e3);
        }

        try
        {
            Timing = Options.Radio.SampleRateHz is double rate
                ? OfdmTiming.ForSampleRate(Numerology, CyclicPrefix.Normal, rate, NRb)
                : OfdmTiming.ForGrid(Numerology, CyclicPrefix.Normal, NRb, FftSizeRule.Compact);
        }
        catch (ArgumentException e)
        {
            throw Map.Error("radio.sample-rate-hz", StripParameter(e.Message));
        }
    }

    private void DeriveSsb()
    {
        SsbOptions s = Options.Ssb;
        SsbCase = Plan.SsbPattern switch
        {
            SsbPattern.CaseA => SsbCase.A,
            SsbPattern.CaseB => SsbCase.B,
            SsbPattern.CaseC => SsbCase.C,
            SsbPattern.CaseD => SsbCase.D,
            _ => SsbCase.E,
        };
        LMax = SsbBlockPattern.MaxBlockCount(SsbCase, Plan.DownlinkFrequencyHz, Duplex == DuplexMode.Fdd);
        string bitmap = s.PositionsInBurst ?? "1" + new string('0', LMax - 1);
        if (bitmap.Length != LMax)
        {
            throw Map.Error("ssb.positions-in-burst", $"'{bitmap}' has {bitmap.Length} bits but L_max = {LMax} for case {SsbCase} at {Plan.DownlinkFrequencyHz / 1e6:F3} MHz ({Duplex}); valid: {LMax} characters 0/1 (TS 38.213 §4.1).");
        }

        var firstSymbols = new int[LMax];
        SsbBlockPattern.FirstSymbols(SsbCase, LMax, firstSymbols);
        SsbFirstSymbols = firstSymbols;
        SsbIndices = Enumerable.Range(0, LMax).Where(i => bitmap[i] == '1').ToArray();
        int scs = Options.Cell.ScsKhz;
        int units15 = (Plan.OffsetToPointA * 12) + Plan.KSsb;
        if ((units15 * 15) % scs != 0)
        {
            throw Map.Error("ssb.gscn", Invariant($"k_SSB = {Plan.KSsb} puts the SS/PBCH block between the {scs} kHz subcarriers of the carrier; valid: a GSCN giving an even k_SSB."));
        }

        SsbFirstSubcarrier = units15 * 15 / scs;
        SsbFirstCrb = Plan.OffsetToPointA * 15 / scs;
        SsbAmplitude = (float)Math.Pow(10, s.PowerOffsetDb / 20);
        if (Tdd is not null)
        {
            foreach (int i in SsbIndices)
            {
                (long slot, int symbol) = SsbSlotAndSymbol(i);
                ushort mask = Tdd.DownlinkSymbolMask(slot);
                if (((mask >> symbol) & 0xF) != 0xF)
                {
                    throw Map.Error("ssb.positions-in-burst", Invariant($"SS/PBCH block {i} (slot {slot}, symbols {symbol}..{symbol + 3}) falls on uplink or flexible symbols of the TDD pattern {Tdd}; valid: blocks in downlink symbols."));
                }
            }
        }
    }

    /// <summary>The slot within the half frame and the first symbol within that slot of candidate block <paramref name="ssbIndex"/>.</summary>
    public (int Slot, int Symbol) SsbSlotAndSymbol(int ssbIndex) => (SsbFirstSymbols[ssbIndex] / 14, SsbFirstSymbols[ssbIndex] % 14);

    private void DeriveCoreset0()
    {
        PdcchOptions p = Options.Pdcch;
        int scs = Options.Cell.ScsKhz;
        Coreset0Row? chosen = null;
        int index = -1;
        string? lastProblem = null;
        // Automatic choice: a 48-RB CORESET#0 (room for SIB1 beside the SS/PBCH block) with 2 symbols if one fits, then
        // 96 and 24 RBs; a given index is checked as is.
        int[] order = p.Coreset0Index is int fixedIndex
            ? [fixedIndex]
            : [.. Enumerable.Range(0, 16).OrderBy(i => Ts38213Table13.Coreset0(scs, scs, Type0CoresetBandClass.Default, i) is { } r
                ? (r.RbCount == 48 ? 0 : r.RbCount == 96 ? 1 : 2, r.SymbolCount == 2 ? 0 : 1, i)
                : (9, 9, i))];
        foreach (int i in order)
        {
            Coreset0Row? row = Ts38213Table13.Coreset0(scs, scs, Type0CoresetBandClass.Default, i);
            string? problem = row is null ? "reserved in TS 38.213 §13" : Coreset0Problem(row.Value);
            if (problem is null)
            {
                chosen = row;
                index = i;
                break;
            }

            lastProblem = problem;
        }

        if (chosen is null)
        {
            throw Map.Error("pdcch.coreset0-index", p.Coreset0Index is int given
                ? Invariant($"controlResourceSetZero {given} does not fit this carrier: {lastProblem}; valid: {string.Join(" | ", ValidCoreset0Indices())}.")
                : "no controlResourceSetZero of TS 38.213 Tables 13-1..13-4 fits this carrier and SSB.");
        }

        Coreset0Index = index;
        Coreset0Row = chosen!.Value;
        Coreset0 = Type0PdcchCss.Coreset0(Coreset0Row, SsbFirstCrb, Plan.KSsb, Pci);
        var occasions = new List<Type0Occasion>();
        foreach (int i in SsbIndices)
        {
            Type0Occasion o = Type0PdcchCss.Occasion(p.SearchSpaceZero, i, Numerology.Mu, Coreset0Row.SymbolCount);
            if (o.FirstSymbol + Coreset0Row.SymbolCount > 14)
            {
                throw Map.Error("pdcch.search-space-zero", Invariant($"the Type0-PDCCH occasion of block {i} starts at symbol {o.FirstSymbol} and CORESET#0 has {Coreset0Row.SymbolCount} symbols, past the slot; valid: another searchSpaceZero."));
            }

            CheckType0Occasion(i, o);
            occasions.Add(o);
        }

        Type0Occasions = occasions;
    }

    private IEnumerable<int> ValidCoreset0Indices()
    {
        int scs = Options.Cell.ScsKhz;
        for (int i = 0; i < 16; i++)
        {
            Coreset0Row? row = Ts38213Table13.Coreset0(scs, scs, Type0CoresetBandClass.Default, i);
            if (row is not null && Coreset0Problem(row.Value) is null)
            {
                yield return i;
            }
        }
    }

    private string? Coreset0Problem(Coreset0Row row)
    {
        if (row.MultiplexingPattern != 1)
        {
            return "only SS/PBCH and CORESET multiplexing pattern 1 is supported";
        }

        int first = SsbFirstCrb - row.Offset(Plan.KSsb);
        return first < 0 || first + row.RbCount > NRb
            ? Invariant($"CORESET#0 would span CRBs {first}..{first + row.RbCount - 1}, outside the carrier's 0..{NRb - 1}")
            : null;
    }

    private void CheckType0Occasion(int ssbIndex, Type0Occasion o)
    {
        int symbols = Coreset0Row.SymbolCount;
        int coresetMask = ((1 << symbols) - 1) << o.FirstSymbol;
        for (int extra = 0; extra < 2; extra++)
        {
            int slotInFrame = (o.Slot + extra) % SlotsPerFrame;
            if (Tdd is not null && (Tdd.DownlinkSymbolMask(slotInFrame) & coresetMask) != coresetMask && extra == 0)
            {
                throw Map.Error("pdcch.search-space-zero", Invariant($"the Type0-PDCCH occasion of SS/PBCH block {ssbIndex} (slot {slotInFrame}, symbols {o.FirstSymbol}..{o.FirstSymbol + symbols - 1}) is not downlink in the TDD pattern {Tdd}; valid: a searchSpaceZero whose occasion is a downlink slot."));
            }
        }

        foreach (int i in SsbIndices)
        {
            (int slot, int first) = SsbSlotAndSymbol(i);
            int ssbMask = 0xF << first;
            if (slot % SlotsPerFrame == o.Slot && (ssbMask & coresetMask) != 0)
            {
                throw Map.Error("pdcch.search-space-zero", Invariant($"CORESET#0 of block {ssbIndex}'s Type0-PDCCH occasion (slot {o.Slot}, symbols {o.FirstSymbol}..{o.FirstSymbol + symbols - 1}) overlaps SS/PBCH block {i}; valid: another searchSpaceZero or coreset0-index."));
            }
        }
    }

    private void DeriveCoreset1()
    {
        PdcchOptions p = Options.Pdcch;
        int start = p.Coreset1StartRb ?? 0;
        int count = p.Coreset1RbCount ?? ((NRb - start) / 6 * 6);
        if (start % 6 != 0 || count < 6 || start + count > NRb)
        {
            throw Map.Error(p.Coreset1RbCount is null ? "pdcch.coreset1-start-rb" : "pdcch.coreset1-rb-count", Invariant($"CORESET#1 CRBs {start}..{start + count - 1} must start on a multiple of 6 and lie inside the carrier's 0..{NRb - 1} with at least 6 RBs."));
        }

        var bitmap = new bool[count / 6];
        Array.Fill(bitmap, true);
        Coreset1 = new CoresetConfiguration(1, start, bitmap, p.Coreset1Duration, CceRegMapping.NonInterleaved, 6, 2, 0, PrecoderGranularity.SameAsRegBundle, null);
        int cces = count * p.Coreset1Duration / 6;
        if (p.UeAggregationLevel > cces)
        {
            throw Map.Error("pdcch.ue-aggregation-level", Invariant($"{p.UeAggregationLevel} CCEs do not fit CORESET#1's {cces}; valid: ≤ {cces}."));
        }
    }

    private void DeriveSib1()
    {
        Sib1Options s = Options.Sib1;
        if (s.Hex is string hex)
        {
            Sib1 = Convert.FromHexString(hex);
        }
        else if (s.File is string file)
        {
            try
            {
                Sib1 = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Map.Error("sib1.file", e.Message);
            }
        }

        if (Sib1.Length > 372)
        {
            throw Map.Error(s.Hex is null ? "sib1.file" : "sib1.hex", Invariant($"SIB1 has {Sib1.Length} bytes; valid: at most 372 (TS 38.331 maximum BCCH-DL-SCH size 2976 bits)."));
        }
    }

    private static string StripParameter(string message)
    {
        int index = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return index < 0 ? message : message[..index];
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
