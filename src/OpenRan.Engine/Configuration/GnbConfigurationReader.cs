using System;
using System.Collections.Generic;
using System.IO;

using OpenRan.Engine.Timing;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// Reads a <see cref="GnbConfiguration"/> from YAML. Unknown keys, wrong shapes and out-of-range values are
/// <see cref="ConfigurationException"/>s with <c>file:line:column</c>, the key and its valid values; consistency between
/// keys (the frequency plan, the TDD pattern, CORESET#0) is checked by <see cref="CellSetup.Derive"/>.
/// </summary>
public static class GnbConfigurationReader
{
    private static readonly System.Buffers.SearchValues<char> s_hexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The largest configuration file read (1 MiB; the examples are about 2 KiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file is missing or invalid.</exception>
    public static GnbConfiguration ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(ReadText(path), path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>The UTF-8 text of a configuration file (also the UE cell description's), or a <see cref="ConfigurationException"/> naming the file: missing, a directory, over the size limit, unreadable, not UTF-8.</summary>
    internal static string ReadText(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new ConfigurationException(path, "(file)", "the configuration path is a directory, not a file.");
            }

            long length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new ConfigurationException(path, "(file)", $"the configuration file is {length} bytes, more than the limit of {MaxFileBytes} bytes.");
            }

            text = File.ReadAllText(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(path, "(file)", $"cannot read the configuration file ({e.Message}).");
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new ConfigurationException(path, "(file)", $"the configuration file is not UTF-8 text ({e.Message}).");
        }

        return text;
    }

    /// <summary>Reads YAML text named <paramref name="source"/> in errors; relative file names resolve against <paramref name="baseDirectory"/>.</summary>
    public static GnbConfiguration Read(string yaml, string source, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(source);
        YamlSection root = YamlSection.Parse(yaml, source);
        var defaults = new GnbConfiguration();
        var config = new GnbConfiguration
        {
            Cell = ReadCell(root.Section("cell"), defaults.Cell),
            Ssb = ReadSsb(root.Section("ssb"), defaults.Ssb),
            Pdcch = ReadPdcch(root.Section("pdcch"), defaults.Pdcch),
            Sib1 = ReadSib1(root.Section("sib1"), defaults.Sib1, baseDirectory),
            Prach = ReadPrach(root.Section("prach"), defaults.Prach),
            Pucch = ReadPucch(root, defaults.Pucch),
            PucchResourceCommon = root.OptionalInt("pucch-resource-common", 0, 15),
            Antennas = ReadAntennas(root.Section("antennas"), defaults.Antennas),
            Radio = ReadRadio(root.Section("radio"), defaults.Radio),
            Engine = ReadEngine(root.Section("engine"), defaults.Engine),
            TestUe = ReadTestUe(root.Section("test-ue"), defaults.TestUe),
            Source = root.Map,
        };
        root.ThrowIfUnknownKeys();
        return config;
    }

    private static CellOptions ReadCell(YamlSection s, CellOptions d)
    {
        var cell = new CellOptions
        {
            Band = s.Text("band") ?? d.Band,
            DlArfcn = s.OptionalInt("dl-arfcn", 0, 3_279_165),
            CenterFrequencyMhz = s.OptionalDouble("center-frequency-mhz", 0, 100_000),
            ChannelBandwidthMhz = s.Int("channel-bandwidth-mhz", d.ChannelBandwidthMhz, 3, 400),
            ScsKhz = s.Int("scs-khz", d.ScsKhz, 15, 120),
            Pci = s.Int("pci", d.Pci, 0, 1007),
            Duplex = s.Has("duplex") ? s.Choice("duplex", "fdd", "fdd", "tdd") : null,
            DmrsTypeAPosition = s.Int("dmrs-type-a-position", d.DmrsTypeAPosition, 2, 3),
            Tdd = s.Has("tdd") ? ReadTdd(s.Section("tdd")) : null,
        };
        if (cell.ScsKhz is not (15 or 30 or 60 or 120))
        {
            throw s.Error("scs-khz", $"'{cell.ScsKhz}' is not valid; valid: 15 | 30 | 60 | 120.");
        }

        if (cell.DlArfcn is not null && cell.CenterFrequencyMhz is not null)
        {
            throw s.Error("center-frequency-mhz", "give dl-arfcn or center-frequency-mhz, not both.");
        }

        s.ThrowIfUnknownKeys();
        return cell;
    }

    private static TddOptions ReadTdd(YamlSection s)
    {
        var d = new TddOptions();
        var tdd = new TddOptions
        {
            PeriodMs = s.Double("period-ms", d.PeriodMs, 0.5, 10),
            DlSlots = s.Int("dl-slots", d.DlSlots, 0, 80),
            DlSymbols = s.Int("dl-symbols", d.DlSymbols, 0, 13),
            UlSlots = s.Int("ul-slots", d.UlSlots, 0, 80),
            UlSymbols = s.Int("ul-symbols", d.UlSymbols, 0, 13),
        };
        if (Array.IndexOf(TddPattern.ValidPeriodsMs, tdd.PeriodMs) < 0)
        {
            throw s.Error("period-ms", FormattableString.Invariant($"'{tdd.PeriodMs}' is not a dl-UL-TransmissionPeriodicity; valid: {string.Join(" | ", TddPattern.ValidPeriodsMs)} ms."));
        }

        s.ThrowIfUnknownKeys();
        return tdd;
    }

    private static SsbOptions ReadSsb(YamlSection s, SsbOptions d)
    {
        var ssb = new SsbOptions
        {
            Gscn = s.OptionalInt("gscn", 2, 26_639),
            PeriodMs = s.Int("period-ms", d.PeriodMs, 5, 160),
            PositionsInBurst = s.Text("positions-in-burst"),
            PowerOffsetDb = s.Double("power-offset-db", d.PowerOffsetDb, -20, 20),
        };
        if (ssb.PeriodMs is not (5 or 10 or 20 or 40 or 80 or 160))
        {
            throw s.Error("period-ms", $"'{ssb.PeriodMs}' is not valid; valid: 5 | 10 | 20 | 40 | 80 | 160.");
        }

        if (ssb.PositionsInBurst is { } bitmap && (bitmap.Length is not (4 or 8 or 64) || bitmap.AsSpan().IndexOfAnyExcept('0', '1') >= 0 || !bitmap.Contains('1', StringComparison.Ordinal)))
        {
            throw s.Error("positions-in-burst", $"'{bitmap}' is not valid; valid: a bitmap of L_max = 4, 8 or 64 characters 0/1 with at least one 1 (leftmost = block 0).");
        }

        s.ThrowIfUnknownKeys();
        return ssb;
    }

    private static PdcchOptions ReadPdcch(YamlSection s, PdcchOptions d)
    {
        var p = new PdcchOptions
        {
            Coreset0Index = s.OptionalInt("coreset0-index", 0, 15),
            SearchSpaceZero = s.Int("search-space-zero", d.SearchSpaceZero, 0, 15),
            Coreset1StartRb = s.OptionalInt("coreset1-start-rb", 0, 274),
            Coreset1RbCount = s.OptionalInt("coreset1-rb-count", 6, 270),
            Coreset1Duration = s.Int("coreset1-duration", d.Coreset1Duration, 1, 3),
            UeAggregationLevel = s.Int("ue-aggregation-level", d.UeAggregationLevel, 1, 16),
            Sib1AggregationLevel = s.Int("sib1-aggregation-level", d.Sib1AggregationLevel, 4, 16),
        };
        if (p.UeAggregationLevel is not (1 or 2 or 4 or 8 or 16))
        {
            throw s.Error("ue-aggregation-level", $"'{p.UeAggregationLevel}' is not valid; valid: 1 | 2 | 4 | 8 | 16.");
        }

        if (p.Sib1AggregationLevel is not (4 or 8 or 16))
        {
            throw s.Error("sib1-aggregation-level", $"'{p.Sib1AggregationLevel}' is not valid; valid: 4 | 8 | 16 (Type0-PDCCH CSS, TS 38.213 Table 10.1-1).");
        }

        if (p.Coreset1RbCount is int rbs && rbs % 6 != 0)
        {
            throw s.Error("coreset1-rb-count", $"'{rbs}' is not valid; valid: a multiple of 6 (frequencyDomainResources counts groups of 6 RBs).");
        }

        s.ThrowIfUnknownKeys();
        return p;
    }

    private static Sib1Options ReadSib1(YamlSection s, Sib1Options d, string? baseDirectory)
    {
        string? file = s.Text("file");
        if (file is not null && baseDirectory is not null && !Path.IsPathRooted(file))
        {
            file = Path.Combine(baseDirectory, file);
        }

        var sib1 = new Sib1Options
        {
            Hex = s.Text("hex"),
            File = file,
            PeriodMs = s.Int("period-ms", d.PeriodMs, 20, 160),
            Mcs = s.Int("mcs", d.Mcs, 0, 9),
        };
        if (sib1.PeriodMs is not (20 or 40 or 80 or 160))
        {
            throw s.Error("period-ms", $"'{sib1.PeriodMs}' is not valid; valid: 20 | 40 | 80 | 160 (Type0-PDCCH occasions repeat every 20 ms).");
        }

        if (sib1.Hex is not null && sib1.File is not null)
        {
            throw s.Error("file", "give hex or file, not both.");
        }

        if (sib1.Hex is { } hex)
        {
            string compact = hex.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (compact.Length == 0 || compact.Length % 2 != 0 || compact.AsSpan().IndexOfAnyExcept(s_hexDigits) >= 0)
            {
                throw s.Error("hex", "not valid; valid: an even number of hexadecimal digits (spaces allowed).");
            }

            sib1 = sib1 with { Hex = compact };
        }

        s.ThrowIfUnknownKeys();
        return sib1;
    }

    private static PrachOptions ReadPrach(YamlSection s, PrachOptions d)
    {
        var p = new PrachOptions
        {
            ConfigIndex = s.Int("config-index", d.ConfigIndex, 0, 255),
            RootSequenceIndex = s.Int("root-sequence-index", d.RootSequenceIndex, 0, 837),
            ZeroCorrelationZone = s.Int("zero-correlation-zone", d.ZeroCorrelationZone, 0, 15),
            FrequencyStart = s.Int("frequency-start", d.FrequencyStart, 0, 274),
            Msg3MaxTransmissions = s.Int("msg3-max-transmissions", d.Msg3MaxTransmissions, 1, 8),
            Enabled = s.Bool("enabled", d.Enabled),
        };
        s.ThrowIfUnknownKeys();
        return p;
    }

    private static IReadOnlyList<PucchResourceOptions> ReadPucch(YamlSection root, IReadOnlyList<PucchResourceOptions> defaults)
    {
        if (!root.Has("pucch"))
        {
            return defaults;
        }

        var list = new List<PucchResourceOptions>();
        foreach (YamlSection s in root.Sections("pucch"))
        {
            var d = new PucchResourceOptions();
            var r = new PucchResourceOptions
            {
                Format = s.Int("format", d.Format, 0, 4),
                StartPrb = s.Int("start-prb", d.StartPrb, 0, 274),
                StartSymbol = s.Int("start-symbol", d.StartSymbol, 0, 13),
                SymbolCount = s.Int("symbols", d.SymbolCount, 1, 14),
                PrbCount = s.Int("prbs", d.PrbCount, 1, 16),
                InitialCyclicShift = s.Int("initial-cyclic-shift", d.InitialCyclicShift, 0, 11),
                TimeDomainOcc = s.Int("time-domain-occ", d.TimeDomainOcc, 0, 6),
            };
            bool shortFormat = r.Format is 0 or 2;
            if (shortFormat ? r.SymbolCount > 2 : r.SymbolCount < 4)
            {
                throw s.Error("symbols", $"'{r.SymbolCount}' is not valid for format {r.Format}; valid: {(shortFormat ? "1..2" : "4..14")} (TS 38.213 §9.2.1).");
            }

            if (r.StartSymbol + r.SymbolCount > 14)
            {
                throw s.Error("symbols", $"start-symbol {r.StartSymbol} + symbols {r.SymbolCount} exceeds the 14 symbols of a slot.");
            }

            s.ThrowIfUnknownKeys();
            list.Add(r);
        }

        return list;
    }

    private static AntennaOptions ReadAntennas(YamlSection s, AntennaOptions d)
    {
        var a = new AntennaOptions { Tx = s.Int("tx", d.Tx, 1, 4), Rx = s.Int("rx", d.Rx, 1, 4) };
        s.ThrowIfUnknownKeys();
        return a;
    }

    private static RadioOptions ReadRadio(YamlSection s, RadioOptions d)
    {
        var r = new RadioOptions
        {
            Driver = s.Text("driver") ?? d.Driver,
            Args = s.Text("args") ?? d.Args,
            SampleRateHz = s.OptionalDouble("sample-rate-hz", 1e6, 1e9),
            TxGainDb = s.Double("tx-gain-db", d.TxGainDb, -100, 200),
            RxGainDb = s.Double("rx-gain-db", d.RxGainDb, -100, 200),
            TxTimeAdvanceSamples = s.Int("tx-time-advance-samples", d.TxTimeAdvanceSamples, -100_000, 100_000),
            BasebandScale = s.Double("baseband-scale", d.BasebandScale, 1e-4, 1),
        };
        s.ThrowIfUnknownKeys();
        return r;
    }

    private static EngineOptions ReadEngine(YamlSection s, EngineOptions d)
    {
        var e = new EngineOptions
        {
            TxAdvanceSlots = s.Int("tx-advance-slots", d.TxAdvanceSlots, 1, 16),
            Workers = s.Int("workers", d.Workers, 0, 64),
            UplinkBudgetSlots = s.OptionalInt("uplink-budget-slots", 1, 32),
            StartSfn = s.Int("start-sfn", d.StartSfn, 0, 1023),
            LdpcIterations = s.Int("ldpc-iterations", d.LdpcIterations, 1, 32),
        };
        s.ThrowIfUnknownKeys();
        return e;
    }

    private static TestUeOptions ReadTestUe(YamlSection s, TestUeOptions d)
    {
        var t = new TestUeOptions
        {
            Enabled = s.Bool("enabled", d.Enabled),
            Rnti = s.Int("rnti", d.Rnti, 1, 0xFFEF),
            Downlink = ReadLink(s.Section("downlink"), d.Downlink, downlink: true),
            Uplink = ReadLink(s.Section("uplink"), d.Uplink, downlink: false),
            HarqProcesses = s.Int("harq-processes", d.HarqProcesses, 1, 16),
            K1 = s.Int("k1", d.K1, 1, 15),
            K2 = s.Int("k2", d.K2, 1, 32),
            DlHarqFeedback = s.Choice("dl-harq-feedback", d.DlHarqFeedback, "assume-ack", "pucch"),
            MaxTransmissions = s.Int("max-transmissions", d.MaxTransmissions, 1, 4),
            Attach = s.Choice("attach", d.Attach, "preconfigured", "random-access"),
            UciOnPusch = s.Bool("uci-on-pusch", d.UciOnPusch),
            BetaOffsetHarqAckIndex = s.Int("beta-offset-harq-ack", d.BetaOffsetHarqAckIndex, 0, 15),
        };
        s.ThrowIfUnknownKeys();
        return t;
    }

    private static LinkOptions ReadLink(YamlSection s, LinkOptions d, bool downlink)
    {
        var l = new LinkOptions
        {
            McsTable = s.Choice("mcs-table", d.McsTable, "qam64", "qam256", "qam64LowSE"),
            Mcs = s.Int("mcs", d.Mcs, 0, 31),
            StartPrb = s.Int("start-prb", d.StartPrb, 0, 274),
            PrbCount = s.OptionalInt("prbs", 1, 275),
            Layers = s.Int("layers", d.Layers, 1, 4),
            Dci = downlink ? s.Choice("dci", "1_1", "1_1", "1_0") : s.Choice("dci", "0_1", "0_1", "0_0"),
        };
        s.ThrowIfUnknownKeys();
        return l;
    }
}
