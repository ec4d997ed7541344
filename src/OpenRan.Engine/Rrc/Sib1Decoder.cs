using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenRan.Engine.Rrc;

/// <summary>
/// Decodes a BCCH-DL-SCH message carrying SIB1 (TS 38.331 Release 17 ASN.1, unaligned PER) as far as a UE needs to follow
/// the cell: cellSelectionInfo, cellAccessRelatedInfo (PLMNs, TAC, cell identity), connEstFailureControl,
/// si-SchedulingInfo, and ServingCellConfigCommonSIB (frequencyInfoDL/UL, initial DL/UL BWPs with PDCCH-, PDSCH-, RACH-,
/// PUSCH- and PUCCH-ConfigCommon, ssb-PositionsInBurst, TDD-UL-DL-ConfigCommon). Bounded: every read is checked, lists obey
/// their ASN.1 size limits, and anything malformed raises <see cref="RrcFormatException"/> (never another exception).
/// </summary>
public static class Sib1Decoder
{
    private static readonly int[] s_bundleSizes = [2, 3, 6];
    private static readonly int[] s_ssbPeriodsMs = [5, 10, 20, 40, 80, 160];
    private static readonly double[] s_tddPeriodsMs = [0.5, 0.625, 1, 1.25, 2, 2.5, 5, 10];
    private static readonly int[] s_preambleTransMax = [3, 4, 5, 6, 7, 8, 10, 20, 50, 100, 200];
    private static readonly int[] s_raResponseWindow = [1, 2, 4, 8, 10, 20, 40, 80];
    private static readonly string[] s_ssbPerRachOccasion = ["1/8", "1/4", "1/2", "1", "2", "4", "8", "16"];

    /// <summary>Decodes <paramref name="message"/> (the BCCH-DL-SCH transport block).</summary>
    /// <exception cref="RrcFormatException">The message is not a SIB1, or it is malformed.</exception>
    public static Sib1 Decode(ReadOnlySpan<byte> message)
    {
        var r = new UperReader(message);
        try
        {
            // BCCH-DL-SCH-MessageType ::= CHOICE { c1 CHOICE { systemInformation, systemInformationBlockType1 }, messageClassExtension }
            if (r.Choice(2) != 0 || r.Choice(2) != 1)
            {
                throw new RrcFormatException("the BCCH-DL-SCH message is not a systemInformationBlockType1");
            }

            return DecodeSib1(ref r);
        }
        catch (Exception ex) when (ex is not RrcFormatException and (ArgumentException or InvalidOperationException or OverflowException))
        {
            throw new RrcFormatException($"malformed SIB1 at bit {r.Position}: {ex.Message}", ex);
        }
    }

    /// <summary>Decodes <paramref name="message"/>, or returns null with the reason.</summary>
    public static Sib1? TryDecode(ReadOnlySpan<byte> message, out string? error)
    {
        try
        {
            error = null;
            return Decode(message);
        }
        catch (RrcFormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>A one-paragraph summary of <paramref name="sib1"/>.</summary>
    public static string Summarize(Sib1 sib1)
    {
        ArgumentNullException.ThrowIfNull(sib1);
        var s = new StringBuilder();
        foreach (PlmnIdentityInfo info in sib1.PlmnIdentityInfos)
        {
            s.Append(CultureInfo.InvariantCulture, $"PLMN {string.Join('/', info.Plmns)} TAC {info.TrackingAreaCode?.ToString(CultureInfo.InvariantCulture) ?? "-"} cellIdentity 0x{info.CellIdentity:x9}; ");
        }

        if (sib1.OffsetToPointA is int offset)
        {
            s.Append(CultureInfo.InvariantCulture, $"DL bands {string.Join(',', sib1.DownlinkBands.Select(b => "n" + b.ToString(CultureInfo.InvariantCulture)))} offsetToPointA {offset} carriers {string.Join(',', sib1.DownlinkCarriers.Select(c => $"{c.SubcarrierSpacingKhz}kHz:{c.OffsetToCarrier}+{c.CarrierBandwidth}RB"))}; ");
        }

        if (sib1.InitialDownlinkBwp is { } dl)
        {
            s.Append(CultureInfo.InvariantCulture, $"initial DL BWP RB {dl.StartRb}+{dl.RbCount} {dl.SubcarrierSpacingKhz} kHz; ");
        }

        if (sib1.PdcchConfigCommon is { } pdcch)
        {
            s.Append(CultureInfo.InvariantCulture, $"PDCCH CORESET0 {pdcch.ControlResourceSetZero?.ToString(CultureInfo.InvariantCulture) ?? "-"} SS0 {pdcch.SearchSpaceZero?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            if (pdcch.CommonControlResourceSet is { } cs)
            {
                s.Append(CultureInfo.InvariantCulture, $" CORESET{cs.Id} {cs.Duration} sym {(cs.Interleaved ? "interleaved" : "non-interleaved")}");
            }

            foreach (RrcSearchSpace space in pdcch.CommonSearchSpaces)
            {
                s.Append(CultureInfo.InvariantCulture, $" SS{space.Id}(CORESET{space.ControlResourceSetId?.ToString(CultureInfo.InvariantCulture) ?? "?"},{space.Type})");
            }

            s.Append(CultureInfo.InvariantCulture, $" sib1-SS {Opt(pdcch.SearchSpaceSib1)} paging-SS {Opt(pdcch.PagingSearchSpace)} ra-SS {Opt(pdcch.RaSearchSpace)}; ");
        }

        if (sib1.PdschTimeDomainAllocations is { } pdsch)
        {
            s.Append(CultureInfo.InvariantCulture, $"PDSCH TDRA {string.Join(' ', pdsch.Select(a => $"(K0 {a.K ?? 0},{(a.MappingTypeA ? "A" : "B")},S{a.StartSymbol},L{a.Length})"))}; ");
        }

        if (sib1.UplinkCarriers.Count > 0)
        {
            s.Append(CultureInfo.InvariantCulture, $"UL bands {string.Join(',', sib1.UplinkBands.Select(b => "n" + b.ToString(CultureInfo.InvariantCulture)))} point A {Opt(sib1.UplinkPointAArfcn)} carriers {string.Join(',', sib1.UplinkCarriers.Select(c => $"{c.SubcarrierSpacingKhz}kHz:{c.OffsetToCarrier}+{c.CarrierBandwidth}RB"))}; ");
        }

        if (sib1.InitialUplinkBwp is { } ul)
        {
            s.Append(CultureInfo.InvariantCulture, $"initial UL BWP RB {ul.StartRb}+{ul.RbCount} {ul.SubcarrierSpacingKhz} kHz; ");
        }

        if (sib1.RachConfigCommon is { } rach)
        {
            s.Append(CultureInfo.InvariantCulture, $"RACH prach-ConfigurationIndex {rach.PrachConfigurationIndex} msg1-FDM {rach.Msg1Fdm} msg1-FrequencyStart {rach.Msg1FrequencyStart} zeroCorrelationZone {rach.ZeroCorrelationZoneConfig} target {rach.PreambleReceivedTargetPowerDbm} dBm root {rach.PrachRootSequenceIndex} ({(rach.LongSequence ? "L839" : "L139")}) ra-ResponseWindow {rach.RaResponseWindowSlots} sl SSB/RO {rach.SsbPerRachOccasionAndCbPreamblesPerSsb ?? "-"}; ");
        }

        if (sib1.PuschTimeDomainAllocations is { } pusch)
        {
            s.Append(CultureInfo.InvariantCulture, $"PUSCH TDRA {string.Join(' ', pusch.Select(a => $"(K2 {Opt(a.K)},{(a.MappingTypeA ? "A" : "B")},S{a.StartSymbol},L{a.Length})"))}; ");
        }

        if (sib1.TddUlDlConfigCommon is { } tdd)
        {
            TddPatternConfig p = tdd.Pattern1;
            s.Append(CultureInfo.InvariantCulture, $"TDD {tdd.ReferenceSubcarrierSpacingKhz} kHz {p.PeriodicityMs} ms: {p.DownlinkSlots} DL slots + {p.DownlinkSymbols} sym, {p.UplinkSlots} UL slots + {p.UplinkSymbols} sym{(tdd.Pattern2 is not null ? " (+ pattern2)" : "")}; ");
        }

        if (sib1.SsbPositionsInBurst is int burst)
        {
            s.Append(CultureInfo.InvariantCulture, $"SSB bitmap 0x{burst:x2} every {Opt(sib1.SsbPeriodicityMs)} ms at {Opt(sib1.SsPbchBlockPowerDbm)} dBm");
        }

        if (sib1.NotDecoded is not null)
        {
            s.Append(CultureInfo.InvariantCulture, $"; not decoded further: {sib1.NotDecoded}");
        }

        return s.ToString().TrimEnd(' ', ';');

        static string Opt(int? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";
    }

    private static Sib1 DecodeSib1(ref UperReader r)
    {
        // SIB1 ::= SEQUENCE (not extensible), 11 OPTIONAL components.
        uint o = r.Optionals(11);
        var sib1 = new Sib1();
        if (Has(o, 11, 0))
        {
            uint cs = r.Optionals(4);
            sib1 = sib1 with { QRxLevMinDbm = 2 * (int)r.Integer(-70, -22) };
            SkipIf(ref r, cs, 4, 0, 3);
            SkipIf(ref r, cs, 4, 1, 6);
            SkipIf(ref r, cs, 4, 2, 5);
            SkipIf(ref r, cs, 4, 3, 3);
        }

        sib1 = sib1 with { PlmnIdentityInfos = CellAccessRelatedInfo(ref r) };
        if (Has(o, 11, 1))
        {
            uint c = r.Optionals(1);
            r.Skip(2 + 3);
            SkipIf(ref r, c, 1, 0, 4);
        }

        if (Has(o, 11, 2))
        {
            SiSchedulingInfo(ref r);
        }

        if (Has(o, 11, 3))
        {
            sib1 = ServingCellConfigCommon(ref r, sib1);
        }

        if (Has(o, 11, 6))
        {
            // ue-TimersAndConstants: extensible, 7 enumerations of 3 bits.
            bool ext = r.Bit();
            r.Skip(7 * 3);
            if (ext)
            {
                r.SkipExtensionAdditions();
            }
        }

        return Has(o, 11, 7) ? sib1 with { NotDecoded = "uac-BarringInfo and the fields after it" } : sib1;
    }

    private static List<PlmnIdentityInfo> CellAccessRelatedInfo(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(1);
        int count = r.Size(1, 12);
        var infos = new List<PlmnIdentityInfo>(count);
        for (int i = 0; i < count; i++)
        {
            bool infoExt = r.Bit();
            uint io = r.Optionals(2);
            int plmnCount = r.Size(1, 12);
            var plmns = new List<PlmnIdentity>(plmnCount);
            for (int p = 0; p < plmnCount; p++)
            {
                bool hasMcc = r.Bit();
                string mcc = hasMcc ? Digits(ref r, 3) : "";
                string mnc = Digits(ref r, r.Size(2, 3));
                plmns.Add(new PlmnIdentity(mcc, mnc));
            }

            int? tac = Has(io, 2, 0) ? (int)r.Bits(24) : null;
            int? ranac = Has(io, 2, 1) ? (int)r.Integer(0, 255) : null;
            long cellIdentity = (long)r.Bits(36);
            bool reserved = r.Enumerated(2) == 0;
            if (infoExt)
            {
                r.SkipExtensionAdditions();
            }

            infos.Add(new PlmnIdentityInfo(plmns, tac, ranac, cellIdentity, reserved));
        }

        if (Has(o, 1, 0))
        {
            r.Skip(1);
        }

        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return infos;
    }

    private static string Digits(ref UperReader r, int count)
    {
        Span<char> digits = stackalloc char[3];
        for (int i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + r.Integer(0, 9));
        }

        return new string(digits[..count]);
    }

    private static void SiSchedulingInfo(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(3);
        int messages = r.Size(1, 32);
        for (int m = 0; m < messages; m++)
        {
            r.Skip(1 + 3);
            int sibs = r.Size(1, 31);
            for (int s = 0; s < sibs; s++)
            {
                uint so = r.Optionals(2);
                r.Enumerated(16, extensible: true);
                SkipIf(ref r, so, 2, 0, 5);
            }
        }

        r.Enumerated(11);
        for (int k = 0; k < 2; k++)
        {
            if (Has(o, 3, k))
            {
                uint ro = r.Optionals(2);
                if (Has(ro, 2, 0))
                {
                    RachConfigGeneric(ref r);
                    r.Skip(3);
                }

                SkipIf(ref r, ro, 2, 1, 3);
                int resources = r.Size(1, 32);
                for (int i = 0; i < resources; i++)
                {
                    uint io = r.Optionals(2);
                    r.Skip(6);
                    SkipIf(ref r, io, 2, 0, 4);
                    SkipIf(ref r, io, 2, 1, 4);
                }
            }
        }

        SkipIf(ref r, o, 3, 2, 24);
        if (ext)
        {
            r.SkipExtensionAdditions();
        }
    }

    private static Sib1 ServingCellConfigCommon(ref UperReader r, Sib1 sib1)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(4);

        // DownlinkConfigCommonSIB.
        bool dlExt = r.Bit();
        (List<int> dlBands, _) = MultiBandList(ref r);
        int offsetToPointA = (int)r.Integer(0, 2199);
        List<ScsSpecificCarrier> dlCarriers = Carriers(ref r);
        bool bwpExt = r.Bit();
        uint bo = r.Optionals(2);
        BwpGeneric dlBwp = Bwp(ref r);
        PdcchConfigCommon? pdcch = null;
        List<TimeDomainAllocation>? pdschList = null;
        if (Has(bo, 2, 0) && r.Choice(2) == 1)
        {
            pdcch = PdcchConfigCommon(ref r);
        }

        if (Has(bo, 2, 1) && r.Choice(2) == 1)
        {
            bool pe = r.Bit();
            uint po = r.Optionals(1);
            if (Has(po, 1, 0))
            {
                pdschList = TimeDomainList(ref r);
            }

            if (pe)
            {
                r.SkipExtensionAdditions();
            }
        }

        if (bwpExt)
        {
            r.SkipExtensionAdditions();
        }

        // BCCH-Config, PCCH-Config.
        bool bcchExt = r.Bit();
        r.Skip(2);
        if (bcchExt)
        {
            r.SkipExtensionAdditions();
        }

        PcchConfig(ref r);
        if (dlExt)
        {
            r.SkipExtensionAdditions();
        }

        sib1 = sib1 with
        {
            DownlinkBands = dlBands,
            OffsetToPointA = offsetToPointA,
            DownlinkCarriers = dlCarriers,
            InitialDownlinkBwp = dlBwp,
            PdcchConfigCommon = pdcch,
            PdschTimeDomainAllocations = pdschList,
        };
        if (Has(o, 4, 0))
        {
            sib1 = UplinkConfigCommon(ref r, sib1);
        }

        if (Has(o, 4, 1))
        {
            // supplementaryUplink: decoded into a throw-away copy.
            _ = UplinkConfigCommon(ref r, new Sib1());
        }

        SkipIf(ref r, o, 4, 2, 2);
        uint so = r.Optionals(1);
        int inOneGroup = (int)r.Bits(8);
        SkipIf(ref r, so, 1, 0, 8);
        int period = s_ssbPeriodsMs[r.Enumerated(6)];
        TddUlDlConfigCommon? tdd = Has(o, 4, 3) ? Tdd(ref r) : null;
        int power = (int)r.Integer(-60, 50);
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return sib1 with { SsbPositionsInBurst = inOneGroup, SsbPeriodicityMs = period, TddUlDlConfigCommon = tdd, SsPbchBlockPowerDbm = power };
    }

    private static (List<int> Bands, int Count) MultiBandList(ref UperReader r)
    {
        int count = r.Size(1, 8);
        var bands = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            uint o = r.Optionals(2);
            if (Has(o, 2, 0))
            {
                bands.Add((int)r.Integer(1, 1024));
            }

            if (Has(o, 2, 1))
            {
                int n = r.Size(1, 8);
                for (int k = 0; k < n; k++)
                {
                    uint po = r.Optionals(1);
                    SkipIf(ref r, po, 1, 0, 6);
                    r.Skip(3);
                }
            }
        }

        return (bands, count);
    }

    private static List<ScsSpecificCarrier> Carriers(ref UperReader r)
    {
        int count = r.Size(1, 5);
        var carriers = new List<ScsSpecificCarrier>(count);
        for (int i = 0; i < count; i++)
        {
            bool ext = r.Bit();
            int offset = (int)r.Integer(0, 2199);
            int scs = 15 << r.Enumerated(8);
            int bandwidth = (int)r.Integer(1, 275);
            if (ext)
            {
                r.SkipExtensionAdditions();
            }

            carriers.Add(new ScsSpecificCarrier(offset, scs, bandwidth));
        }

        return carriers;
    }

    private static BwpGeneric Bwp(ref UperReader r)
    {
        uint o = r.Optionals(1);
        int riv = (int)r.Integer(0, 37949);
        int scs = 15 << r.Enumerated(8);
        bool extended = Has(o, 1, 0) && r.Enumerated(1) == 0;
        (int start, int length) = Scheduling.ResourceIndicatorValue.Decode(riv, 275) ?? (-1, 0);
        return new BwpGeneric(riv, start, length, scs, extended);
    }

    private static PdcchConfigCommon PdcchConfigCommon(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(8);
        int? coreset0 = Has(o, 8, 0) ? (int)r.Integer(0, 15) : null;
        RrcControlResourceSet? common = Has(o, 8, 1) ? ControlResourceSet(ref r) : null;
        int? ss0 = Has(o, 8, 2) ? (int)r.Integer(0, 15) : null;
        var spaces = new List<RrcSearchSpace>();
        if (Has(o, 8, 3))
        {
            int n = r.Size(1, 4);
            for (int i = 0; i < n; i++)
            {
                spaces.Add(SearchSpace(ref r));
            }
        }

        int? sib1Space = Has(o, 8, 4) ? (int)r.Integer(0, 39) : null;
        int? otherSi = Has(o, 8, 5) ? (int)r.Integer(0, 39) : null;
        int? paging = Has(o, 8, 6) ? (int)r.Integer(0, 39) : null;
        int? ra = Has(o, 8, 7) ? (int)r.Integer(0, 39) : null;
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return new PdcchConfigCommon(coreset0, common, ss0, spaces, sib1Space, otherSi, paging, ra);
    }

    private static RrcControlResourceSet ControlResourceSet(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(4);
        int id = (int)r.Integer(0, 11);
        ulong frequency = r.Bits(45);
        int duration = (int)r.Integer(1, 3);
        bool interleaved = r.Choice(2) == 0;
        int bundle = 6, interleaver = 0;
        int? shift = null;
        if (interleaved)
        {
            uint io = r.Optionals(1);
            bundle = s_bundleSizes[r.Enumerated(3)];
            interleaver = s_bundleSizes[r.Enumerated(3)];
            shift = Has(io, 1, 0) ? (int)r.Integer(0, 274) : null;
        }

        bool allContiguous = r.Enumerated(2) == 1;
        for (int k = 0; k < 2; k++)
        {
            if (Has(o, 4, k))
            {
                int n = r.Size(1, 64);
                r.Skip(n * 7);
            }
        }

        SkipIf(ref r, o, 4, 2, 0);
        int? dmrs = Has(o, 4, 3) ? (int)r.Integer(0, 65535) : null;
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return new RrcControlResourceSet(id, frequency, duration, interleaved, bundle, interleaver, shift, allContiguous, dmrs);
    }

    private static RrcSearchSpace SearchSpace(ref UperReader r)
    {
        // SearchSpace is not extensible (Release 16 added SearchSpaceExt-r16 beside it).
        uint o = r.Optionals(6);
        int id = (int)r.Integer(0, 39);
        int? coreset = Has(o, 6, 0) ? (int)r.Integer(0, 11) : null;
        int? period = null, offset = null;
        if (Has(o, 6, 1))
        {
            int[] periods = [1, 2, 4, 5, 8, 10, 16, 20, 40, 80, 160, 320, 640, 1280, 2560];
            period = periods[r.Choice(15)];
            offset = period == 1 ? 0 : (int)r.Integer(0, period.Value - 1);
        }

        int? duration = Has(o, 6, 2) ? (int)r.Integer(2, 2559) : null;
        int? symbols = Has(o, 6, 3) ? (int)r.Bits(14) : null;
        List<int>? candidates = null;
        if (Has(o, 6, 4))
        {
            int[] values = [0, 1, 2, 3, 4, 5, 6, 8];
            candidates = [.. Enumerable.Range(0, 5).Select(_ => 0)];
            for (int l = 0; l < 5; l++)
            {
                candidates[l] = values[r.Enumerated(8)];
            }
        }

        string? type = null;
        if (Has(o, 6, 5))
        {
            if (r.Choice(2) == 0)
            {
                type = "common";
                uint co = r.Optionals(5);
                if (Has(co, 5, 0))
                {
                    SkipEmptyExtensible(ref r);
                }

                if (Has(co, 5, 1))
                {
                    bool e = r.Bit();
                    uint so = r.Optionals(5);
                    for (int l = 0; l < 5; l++)
                    {
                        SkipIf(ref r, so, 5, l, 1);
                    }

                    if (e)
                    {
                        r.SkipExtensionAdditions();
                    }
                }

                if (Has(co, 5, 2))
                {
                    SkipEmptyExtensible(ref r);
                }

                if (Has(co, 5, 3))
                {
                    SkipEmptyExtensible(ref r);
                }

                if (Has(co, 5, 4))
                {
                    bool e = r.Bit();
                    uint d = r.Optionals(1);
                    SkipIf(ref r, d, 1, 0, 3);
                    r.Skip(1);
                    if (e)
                    {
                        r.SkipExtensionAdditions();
                    }
                }
            }
            else
            {
                bool e = r.Bit();
                type = r.Enumerated(2) == 0 ? "ue-specific 0_0/1_0" : "ue-specific 0_1/1_1";
                if (e)
                {
                    r.SkipExtensionAdditions();
                }
            }
        }

        return new RrcSearchSpace(id, coreset, period, offset, duration, symbols, candidates, type);
    }

    private static void SkipEmptyExtensible(ref UperReader r)
    {
        if (r.Bit())
        {
            r.SkipExtensionAdditions();
        }
    }

    private static List<TimeDomainAllocation> TimeDomainList(ref UperReader r)
    {
        int n = r.Size(1, 16);
        var list = new List<TimeDomainAllocation>(n);
        for (int i = 0; i < n; i++)
        {
            uint o = r.Optionals(1);
            int? k = Has(o, 1, 0) ? (int)r.Integer(0, 32) : null;
            bool typeA = r.Enumerated(2) == 0;
            int sliv = (int)r.Integer(0, 127);
            (int s, int l) = Sliv(sliv);
            list.Add(new TimeDomainAllocation(k, typeA, sliv, s, l));
        }

        return list;
    }

    /// <summary>S and L of a start and length indicator (TS 38.214 §5.1.2.1): SLIV = 14(L − 1) + S if L − 1 ≤ 7, else 14(14 − L + 1) + (14 − 1 − S).</summary>
    private static (int Start, int Length) Sliv(int sliv)
    {
        int a = sliv / 14;
        int b = sliv % 14;
        return a + b < 14 ? (b, a + 1) : (13 - b, 15 - a);
    }

    private static void PcchConfig(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(1);
        r.Skip(2);
        int choice = r.Choice(5);
        r.Skip(choice == 0 ? 0 : choice);
        r.Skip(2);
        if (Has(o, 1, 0))
        {
            int alternative = r.Choice(8);
            int n = r.Size(1, 4);
            r.Skip(n * (8 + alternative));
        }

        if (ext)
        {
            r.SkipExtensionAdditions();
        }
    }

    private static Sib1 UplinkConfigCommon(ref UperReader r, Sib1 sib1)
    {
        // UplinkConfigCommonSIB is not extensible (Release 17 adds UplinkConfigCommonSIB-v1700 in the SIB1 extension).

        // FrequencyInfoUL-SIB.
        bool fExt = r.Bit();
        uint fo = r.Optionals(4);
        List<int> bands = Has(fo, 4, 0) ? MultiBandList(ref r).Bands : [];
        int? pointA = Has(fo, 4, 1) ? (int)r.Integer(0, 3_279_165) : null;
        List<ScsSpecificCarrier> carriers = Carriers(ref r);
        int? pMax = Has(fo, 4, 2) ? (int)r.Integer(-30, 33) : null;
        SkipIf(ref r, fo, 4, 3, 1);
        if (fExt)
        {
            r.SkipExtensionAdditions();
        }

        // BWP-UplinkCommon.
        bool bExt = r.Bit();
        uint bo = r.Optionals(3);
        BwpGeneric bwp = Bwp(ref r);
        RachConfigCommon? rach = null;
        List<TimeDomainAllocation>? pusch = null;
        int? p0 = null, pucchResource = null;
        if (Has(bo, 3, 0) && r.Choice(2) == 1)
        {
            rach = RachConfigCommon(ref r);
        }

        if (Has(bo, 3, 1) && r.Choice(2) == 1)
        {
            bool pe = r.Bit();
            uint po = r.Optionals(4);
            SkipIf(ref r, po, 4, 0, 0);
            if (Has(po, 4, 1))
            {
                pusch = TimeDomainList(ref r);
            }

            SkipIf(ref r, po, 4, 2, 3);
            p0 = Has(po, 4, 3) ? (int)r.Integer(-202, 24) : null;
            if (pe)
            {
                r.SkipExtensionAdditions();
            }
        }

        if (Has(bo, 3, 2) && r.Choice(2) == 1)
        {
            bool pe = r.Bit();
            uint po = r.Optionals(3);
            pucchResource = Has(po, 3, 0) ? (int)r.Integer(0, 15) : null;
            r.Skip(2);
            SkipIf(ref r, po, 3, 1, 10);
            SkipIf(ref r, po, 3, 2, 8);
            if (pe)
            {
                r.SkipExtensionAdditions();
            }
        }

        if (bExt)
        {
            r.SkipExtensionAdditions();
        }

        r.Skip(3);
        return sib1 with
        {
            UplinkBands = bands,
            UplinkPointAArfcn = pointA,
            UplinkCarriers = carriers,
            UplinkPMaxDbm = pMax,
            InitialUplinkBwp = bwp,
            RachConfigCommon = rach,
            PuschTimeDomainAllocations = pusch,
            P0NominalWithGrantDbm = p0,
            PucchResourceCommon = pucchResource,
        };
    }

    private static (int Index, int Fdm, int FrequencyStart, int Zcz, int Target, int TransMax, int Step, int Window) RachConfigGeneric(ref UperReader r)
    {
        bool ext = r.Bit();
        int index = (int)r.Integer(0, 255);
        int fdm = 1 << r.Enumerated(4);
        int start = (int)r.Integer(0, 274);
        int zcz = (int)r.Integer(0, 15);
        int target = (int)r.Integer(-202, -60);
        int transMax = s_preambleTransMax[r.Enumerated(11)];
        int step = 2 * r.Enumerated(4);
        int window = s_raResponseWindow[r.Enumerated(8)];
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return (index, fdm, start, zcz, target, transMax, step, window);
    }

    private static RachConfigCommon RachConfigCommon(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(7);
        var g = RachConfigGeneric(ref r);
        int? total = Has(o, 7, 0) ? (int)r.Integer(1, 63) : null;
        string? ssbPerRo = null;
        if (Has(o, 7, 1))
        {
            int alternative = r.Choice(8);
            int value = alternative switch
            {
                <= 3 => 4 * (r.Enumerated(16) + 1),
                4 => 4 * (r.Enumerated(8) + 1),
                5 => (int)r.Integer(1, 16),
                6 => (int)r.Integer(1, 8),
                _ => (int)r.Integer(1, 4),
            };
            ssbPerRo = string.Create(CultureInfo.InvariantCulture, $"{s_ssbPerRachOccasion[alternative]} SSB per RO, {value} CB preambles per SSB");
        }

        if (Has(o, 7, 2))
        {
            r.Skip(4 + 3 + 6);
        }

        int contention = 8 * (r.Enumerated(8) + 1);
        int? rsrp = Has(o, 7, 3) ? (int)r.Integer(0, 127) : null;
        SkipIf(ref r, o, 7, 4, 7);
        bool longSequence = r.Choice(2) == 0;
        int root = longSequence ? (int)r.Integer(0, 837) : (int)r.Integer(0, 137);
        int? msg1Scs = Has(o, 7, 5) ? 15 << r.Enumerated(8) : null;
        int restricted = r.Enumerated(3);
        bool msg3Tp = Has(o, 7, 6) && r.Enumerated(1) == 0;
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return new RachConfigCommon(g.Index, g.Fdm, g.FrequencyStart, g.Zcz, g.Target, g.TransMax, g.Step, g.Window, total, ssbPerRo, contention, rsrp, root, longSequence, msg1Scs, restricted, msg3Tp);
    }

    private static TddUlDlConfigCommon Tdd(ref UperReader r)
    {
        bool ext = r.Bit();
        uint o = r.Optionals(1);
        int scs = 15 << r.Enumerated(8);
        TddPatternConfig p1 = TddPattern(ref r);
        TddPatternConfig? p2 = Has(o, 1, 0) ? TddPattern(ref r) : null;
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return new TddUlDlConfigCommon(scs, p1, p2);
    }

    private static TddPatternConfig TddPattern(ref UperReader r)
    {
        bool ext = r.Bit();
        double period = s_tddPeriodsMs[r.Enumerated(8)];
        int dlSlots = (int)r.Integer(0, 320);
        int dlSymbols = (int)r.Integer(0, 13);
        int ulSlots = (int)r.Integer(0, 320);
        int ulSymbols = (int)r.Integer(0, 13);
        if (ext)
        {
            r.SkipExtensionAdditions();
        }

        return new TddPatternConfig(period, dlSlots, dlSymbols, ulSlots, ulSymbols);
    }

    /// <summary>Whether optional component <paramref name="index"/> of <paramref name="count"/> is present (the first is the MSB).</summary>
    private static bool Has(uint optionals, int count, int index) => ((optionals >> (count - 1 - index)) & 1) != 0;

    private static void SkipIf(ref UperReader r, uint optionals, int count, int index, int bits)
    {
        if (Has(optionals, count, index))
        {
            r.Skip(bits);
        }
    }
}
