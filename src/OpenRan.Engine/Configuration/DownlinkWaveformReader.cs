using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.Phy.Upper.SignalProcessors.CsiRs;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// Reads a downlink carrier for <c>openran generate --config</c> from YAML into a <see cref="DownlinkWaveformConfiguration"/>:
/// <c>carrier:</c> (scs-khz, bandwidth-mhz or n-size-grid, pci, ports, frequency-mhz or arfcn), <c>ssb:</c> (case, l-max,
/// positions, period-ms, n-crb-ssb, k-ssb, pdcch-config-sib1, power-db), <c>pdcch:</c> and <c>pdsch:</c> lists and a
/// <c>csi-rs:</c> list (see <c>configs/downlink-sib1-20mhz-30khz.yaml</c>). Every key is range-checked and errors name the
/// key and its line (<see cref="ConfigurationException"/>); unknown keys are rejected.
/// </summary>
public static class DownlinkWaveformReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="frequencyHz"/> receives the carrier's RF centre when given.</summary>
    public static DownlinkWaveformConfiguration ReadFile(string path, out double? frequencyHz)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, "(file)", e.Message);
        }

        return Read(text, path, out frequencyHz);
    }

    /// <summary>Reads YAML text named <paramref name="source"/> in errors.</summary>
    public static DownlinkWaveformConfiguration Read(string yaml, string source, out double? frequencyHz)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlSection root = YamlSection.Parse(yaml, source);
        string name = root.Text("name") ?? Path.GetFileNameWithoutExtension(source);
        YamlSection c = root.Section("carrier");
        int scs = c.Int("scs-khz", 30, 15, 60);
        if (scs is not (15 or 30 or 60))
        {
            throw c.Error("scs-khz", $"'{scs}' is not valid; valid: 15 | 30 | 60.");
        }

        int mu = Numerology.FromSubcarrierSpacingKhz(scs).Mu;
        int? bandwidth = c.OptionalInt("bandwidth-mhz", 5, 100);
        int? sizeGrid = c.OptionalInt("n-size-grid", 1, NrConstants.MaxPrb);
        int nrb = sizeGrid ?? (Ts38101Table5_3_2_1.TryGetMaxRbCount(FrequencyRange.Fr1, bandwidth ?? 20, scs)
            ?? throw c.Error("bandwidth-mhz", $"'{bandwidth}' has no FR1 channel at {scs} kHz (TS 38.104 Table 5.3.2-1)."));
        int pci = c.Int("pci", 1, 0, NrConstants.MaxCellId);
        double? frequencyMhz = c.OptionalDouble("frequency-mhz", 1e-6, 100_000);
        int? arfcn = c.OptionalInt("arfcn", 0, 3_279_165);
        if (frequencyMhz is not null && arfcn is not null)
        {
            throw c.Error("arfcn", "give either frequency-mhz or arfcn, not both.");
        }

        frequencyHz = frequencyMhz is double f ? f * 1e6 : arfcn is int a ? NrArfcn.FrequencyHz(a) : null;
        var carrier = new DownlinkCarrier { Numerology = mu, NSizeGrid = nrb, NIdCell = pci, AntennaPortCount = c.Int("ports", 1, 1, 8) };
        c.ThrowIfUnknownKeys();

        DownlinkSsbBurst? ssb = root.Has("ssb") ? ReadSsb(root.Section("ssb"), scs) : null;
        var pdcch = new List<DownlinkPdcch>();
        foreach (YamlSection s in root.Sections("pdcch"))
        {
            pdcch.Add(ReadPdcch(s, pci, carrier.SlotsPerFrame));
        }

        var pdsch = new List<DownlinkPdsch>();
        foreach (YamlSection s in root.Sections("pdsch"))
        {
            pdsch.Add(ReadPdsch(s, carrier, pdcch, carrier.SlotsPerFrame));
        }

        var csiRs = new List<DownlinkCsiRs>();
        foreach (YamlSection s in root.Sections("csi-rs"))
        {
            csiRs.Add(ReadCsiRs(s, nrb));
        }

        int period = root.Int("period-slots", 0, 0, 10_240);
        root.ThrowIfUnknownKeys();
        var waveform = new DownlinkWaveformConfiguration { Name = name, Carrier = carrier, Ssb = ssb, Pdcch = pdcch, Pdsch = pdsch, CsiRs = csiRs, PeriodSlots = period };
        IReadOnlyList<string> problems = waveform.Validate();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(source, "(waveform)", string.Join("; ", problems));
        }

        return waveform;
    }

    private static DownlinkSsbBurst ReadSsb(YamlSection s, int carrierScs)
    {
        SsbCase ssbCase = s.Choice("case", carrierScs == 15 ? "A" : "B", "A", "B", "C") switch { "A" => SsbCase.A, "B" => SsbCase.B, _ => SsbCase.C };
        int lMax = s.Int("l-max", 4, 4, 8);
        if (lMax is not (4 or 8))
        {
            throw s.Error("l-max", $"'{lMax}' is not valid; valid: 4 | 8 (FR1).");
        }

        string positions = s.Text("positions") ?? "1" + new string('0', lMax - 1);
        if (positions.Length != lMax || positions.Any(ch => ch is not ('0' or '1')) || !positions.Contains('1'))
        {
            throw s.Error("positions", $"'{positions}' is not valid; valid: {lMax} characters 0/1 with at least one 1 (ssb-PositionsInBurst).");
        }

        var burst = new DownlinkSsbBurst
        {
            Case = ssbCase,
            LMax = lMax,
            TransmittedBlocks = [.. positions.Select(ch => ch == '1')],
            PeriodMs = s.Choice("period-ms", "20", "5", "10", "20", "40", "80", "160") switch { var p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) },
            NCrbSsb = s.Int("n-crb-ssb", 0, 0, 274),
            KSsb = s.Int("k-ssb", 0, 0, 23),
            SubCarrierSpacingCommon = carrierScs != 15,
            PdcchConfigSib1 = s.Int("pdcch-config-sib1", 0, 0, 255),
            PowerDb = s.Double("power-db", 0, -60, 30),
        };
        s.ThrowIfUnknownKeys();
        return burst;
    }

    private static DownlinkPdcch ReadPdcch(YamlSection s, int pci, int slotsPerFrame)
    {
        YamlSection cs = s.Section("coreset");
        int id = cs.Int("id", 1, 0, 11);
        int rbs = cs.Int("rbs", 48, 6, NrConstants.MaxPrb);
        if (rbs % 6 != 0)
        {
            throw cs.Error("rbs", $"'{rbs}' is not valid; valid: a multiple of 6 (groups of 6 RBs, frequencyDomainResources).");
        }

        int duration = cs.Int("duration", 1, 1, 3);
        bool interleaved = cs.Bool("interleaved", id == 0);
        var coreset = new CoresetConfiguration(
            id, cs.Int("first-crb", 0, 0, NrConstants.MaxPrb - 1), Enumerable.Repeat(true, rbs / 6).ToArray(), duration,
            interleaved ? CceRegMapping.Interleaved : CceRegMapping.NonInterleaved, 6, interleaved ? 2 : 0, interleaved ? pci : 0,
            PrecoderGranularity.SameAsRegBundle, cs.OptionalInt("dmrs-scrambling-id", 0, 65535))
        {
            DmrsReferenceIsCoresetStart = id == 0,
        };
        cs.ThrowIfUnknownKeys();
        int rnti = s.Int("rnti", 0xFFFF, 0, 0xFFFF);
        var pdcch = new DownlinkPdcch
        {
            Name = s.Text("name") ?? $"PDCCH CORESET#{id} RNTI {rnti}",
            Coreset = coreset,
            FirstCce = s.Int("first-cce", 0, 0, 135),
            FirstSymbol = s.Int("first-symbol", 0, 0, 13),
            AggregationLevel = s.Int("aggregation-level", 4, 1, 16),
            Rnti = rnti,
            // Common search spaces (CORESET#0): PDCCH scrambled with n_RNTI = 0 and n_ID = N_ID^cell (TS 38.211 §7.3.2.3).
            ScramblingRnti = s.Int("scrambling-rnti", id == 0 ? 0 : rnti, 0, 0xFFFF),
            Slots = ReadSlots(s, slotsPerFrame),
            PayloadBits = s.Int("payload-bits", 39, 12, 140),
            PowerDb = s.Double("power-db", 0, -60, 30),
            Data = ReadData(s),
        };
        s.ThrowIfUnknownKeys();
        return pdcch;
    }

    private static DownlinkPdsch ReadPdsch(YamlSection s, DownlinkCarrier carrier, IReadOnlyList<DownlinkPdcch> pdcch, int slotsPerFrame)
    {
        int pci = carrier.NIdCell;
        McsTable table = s.Choice("mcs-table", "qam64", "qam64", "qam256") == "qam64" ? McsTable.Qam64 : McsTable.Qam256;
        int mcs = s.Int("mcs", 5, 0, table == McsTable.Qam64 ? 28 : 27);
        McsEntry entry = McsTables.Lookup(table, mcs);
        int first = s.Int("first-prb", 0, 0, carrier.NSizeGrid - 1);
        int count = s.Int("prbs", carrier.NSizeGrid - first, 1, carrier.NSizeGrid - first);
        YamlSection d = s.Section("dmrs");
        int typeA = d.Int("type-a-position", 2, 2, 3);
        var dmrs = new DmrsConfiguration
        {
            TypeAPosition = typeA,
            AdditionalPosition = d.Int("additional-position", 1, 0, 3),
            Length = d.Int("length", 1, 1, 2),
            CdmGroupsWithoutData = d.Int("cdm-groups-without-data", 2, 1, 2),
            ScramblingId0 = pci,
            ScramblingId1 = pci,
            Ports = [0],
        };
        string reference = d.Choice("reference-point", "crb0", "crb0", "coreset0");
        int referenceCrb = 0;
        if (reference == "coreset0")
        {
            // A PDSCH scheduled in the Type0-PDCCH CSS: DM-RS subcarrier 0 is that of CORESET#0's lowest RB (TS 38.211 §7.4.1.1.2).
            DownlinkPdcch coreset0 = pdcch.FirstOrDefault(p => p.Coreset.Id == 0)
                ?? throw d.Error("reference-point", "'coreset0' needs a pdcch entry with coreset id 0.");
            referenceCrb = coreset0.Coreset.FirstRb;
        }

        d.ThrowIfUnknownKeys();
        var configuration = new PdschConfiguration
        {
            Numerology = carrier.Numerology,
            NSizeGrid = carrier.NSizeGrid,
            NSizeBwp = carrier.NSizeGrid,
            NIdCell = pci,
            PrbSet = [.. Enumerable.Range(first, count)],
            StartSymbol = s.Int("start-symbol", 2, 0, 13),
            SymbolCount = s.Int("symbols", 12, 1, 14),
            MappingType = SchMappingType.A,
            Modulation = Phy.Upper.Modulation.ModulationSchemeExtensions.FromBitsPerSymbol(entry.ModulationOrder),
            NRnti = s.Int("rnti", 0xFFFF, 0, 0xFFFF),
            NId = pci,
            Dmrs = dmrs,
            DmrsReferencePointCrb = referenceCrb,
            TargetCodeRate = entry.TargetCodeRate,
        };
        var pdsch = new DownlinkPdsch
        {
            Name = s.Text("name") ?? $"PDSCH RNTI {configuration.NRnti}",
            Configuration = configuration,
            Slots = ReadSlots(s, slotsPerFrame),
            PowerDb = s.Double("power-db", 0, -60, 30),
            Data = ReadData(s),
        };
        s.ThrowIfUnknownKeys();
        return pdsch;
    }

    private static DownlinkCsiRs ReadCsiRs(YamlSection s, int nrb)
    {
        var resource = new CsiRsConfiguration
        {
            RowNumber = s.Int("row", 1, 1, 18),
            FrequencyDomainAllocation = s.Int("frequency-allocation", 1, 0, 0xFFF),
            Density = s.Choice("density", "3", "3", "1", "0.5-even", "0.5-odd") switch
            {
                "3" => CsiRsDensity.Three,
                "1" => CsiRsDensity.One,
                "0.5-even" => CsiRsDensity.HalfEven,
                _ => CsiRsDensity.HalfOdd,
            },
            FirstSymbol = s.Int("first-symbol", 13, 0, 13),
            FirstSymbol2 = s.Int("first-symbol-2", 2, 2, 12),
            StartRb = s.Int("start-rb", 0, 0, nrb - 1),
            RbCount = s.Int("rbs", nrb, 1, nrb),
            ScramblingId = s.Int("scrambling-id", 0, 0, 1023),
            ZeroPower = s.Bool("zero-power", false),
            PowerOffsetDb = s.Double("power-db", 0, -60, 30),
            PeriodicitySlots = s.Int("period-slots", 1, 1, 640),
            OffsetSlots = s.Int("offset-slots", 0, 0, 639),
        };
        var csiRs = new DownlinkCsiRs(s.Text("name") ?? $"CSI-RS row {resource.RowNumber}", resource, s.Int("first-port", 0, 0, 7));
        s.ThrowIfUnknownKeys();
        return csiRs;
    }

    private static SlotPattern ReadSlots(YamlSection s, int slotsPerFrame)
    {
        if (!s.Has("slots"))
        {
            return SlotPattern.EverySlot;
        }

        YamlSection p = s.Section("slots");
        int period = p.Int("period", slotsPerFrame, 1, 10_240);
        string text = p.Text("offsets") ?? "0";
        var offsets = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int o) || o < 0 || o >= period)
            {
                throw p.Error("offsets", $"'{text}' is not valid; valid: comma-separated slots 0..{period - 1}.");
            }

            offsets.Add(o);
        }

        p.ThrowIfUnknownKeys();
        return new SlotPattern(period, offsets);
    }

    private static BitSourceDefinition ReadData(YamlSection s)
    {
        string data = s.Choice("data", "pn23", "pn23", "random");
        ulong seed = (ulong)s.Int("seed", 1, 0, int.MaxValue);
        return data == "pn23" ? BitSourceDefinition.Pn23 : BitSourceDefinition.RandomBits(seed);
    }
}
