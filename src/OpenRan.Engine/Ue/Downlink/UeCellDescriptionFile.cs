using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The cell description of <c>openran decode --cell FILE</c>: the same information as the command-line options (srsRAN
/// <c>ue_dl_nr_file_test</c>'s) in YAML, read with the engine's configuration reader (<c>file:line:column</c>, the dotted
/// key and its valid range in every error; unknown keys rejected):
/// <code>
/// cell: { pci: 500, prb: 52, scs-khz: 15, slot: 0, dl-arfcn: 368500, ssb-arfcn: 368410, coreset0-index: 6,
///         search-space-zero: 0, dmrs-typea-position: 2 }
/// search-space: common0        # or, with a CORESET other than CORESET#0: common1 | common3 (default) | ue
/// coreset: { rb-start: 0, rb-count: 48, duration: 1, interleaved: false, reg-bundle: 6, interleaver-size: 2, shift: 0 }
/// rntis: [ { rnti: 0x4601, type: c } ]
/// dedicated: { rnti: 0x4601, band: n3, channel-bandwidth-mhz: 20, ssb-period-ms: 10, ssb-positions-in-burst: "1000",
///              coreset1-start-rb: 0, coreset1-rb-count: 102, coreset1-duration: 1, aggregation-level: 4, mcs-table: qam256 }
/// </code>
/// <c>dedicated:</c> describes a UE's dedicated downlink (DCI 1_1 on CORESET#1 in its UE-specific search space and its
/// PDSCH) without a gNB configuration file: with <c>cell:</c>'s pci, dl-arfcn, scs-khz, search-space-zero,
/// dmrs-typea-position and coreset0-index it is the gNB configuration whose test UE <see cref="UeDedicatedDownlink"/>
/// follows (the same DCI 1_1 sizing: FDRA type 1 over the carrier, TDRA of default table A, MCS table, 16 HARQ processes;
/// the same PDSCH DM-RS and rate matching).
/// </summary>
/// <param name="Cell">The cell (fields left out stay null and are taken from the MIB).</param>
/// <param name="Rntis">The RNTIs to search besides SI-RNTI.</param>
public sealed record UeCellDescriptionFile(UeCellDescription Cell, IReadOnlyList<UeRnti> Rntis)
{
    private static readonly string[] s_rntiTypes = ["c", "tc", "ra", "p", "si"];

    /// <summary>The CORESET other than CORESET#0 (<c>coreset:</c> with the keys of <see cref="UeCoresetDescription"/>), or null.</summary>
    public UeCoresetDescription? Coreset { get; init; }

    /// <summary>The search space: <c>common0</c> without a CORESET, else <c>common1</c>, <c>common3</c> (default) or <c>ue</c>.</summary>
    public string SearchSpace { get; init; } = "common0";

    /// <summary>The dedicated downlink of <c>dedicated:</c>, or null.</summary>
    public UeDedicatedDownlink? Dedicated { get; init; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, is not YAML, or a key is unknown or out of range.</exception>
    public static UeCellDescriptionFile ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(GnbConfigurationReader.ReadText(path), path);
    }

    /// <summary>Reads YAML text named <paramref name="source"/> in errors.</summary>
    /// <exception cref="ConfigurationException">Not YAML, or a key is unknown or out of range.</exception>
    public static UeCellDescriptionFile Read(string yaml, string source)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlSection root = YamlSection.Parse(yaml, source);
        YamlSection c = root.Section("cell");
        int? scs = c.OptionalInt("scs-khz", 15, 30);
        if (scs is not (null or 15 or 30))
        {
            throw c.Error("scs-khz", $"'{scs}' is not valid; valid: 15 | 30 (FR1).");
        }

        var cell = new UeCellDescription
        {
            Pci = c.OptionalInt("pci", 0, 1007),
            CarrierPrbs = c.OptionalInt("prb", 1, 275),
            SubcarrierSpacingKhz = scs,
            FirstSlot = c.OptionalInt("slot", 0, scs == 15 ? 9 : 19),
            DownlinkArfcn = c.OptionalInt("dl-arfcn", 0, 3_279_165),
            SsbArfcn = c.OptionalInt("ssb-arfcn", 0, 3_279_165),
            Coreset0Index = c.OptionalInt("coreset0-index", 0, 15),
            SearchSpaceZero = c.OptionalInt("search-space-zero", 0, 15),
            DmrsTypeAPosition = c.OptionalInt("dmrs-typea-position", 2, 3),
        };
        c.ThrowIfUnknownKeys();
        UeCoresetDescription? coreset = null;
        if (root.Has("coreset"))
        {
            YamlSection k = root.Section("coreset");
            coreset = new UeCoresetDescription
            {
                RbStart = k.Int("rb-start", 0, 0, 274),
                RbCount = k.OptionalInt("rb-count", 6, 270) ?? throw k.Error("rb-count", "missing; valid: a multiple of 6, 6..270 (TS 38.211 §7.3.2.2)."),
                Duration = k.Int("duration", 1, 1, 3),
                Interleaved = k.Bool("interleaved", false),
                RegBundleSize = k.Int("reg-bundle", 6, 2, 6),
                InterleaverSize = k.Int("interleaver-size", 2, 2, 6),
                Shift = k.OptionalInt("shift", 0, 274),
            };
            k.ThrowIfUnknownKeys();
            if (coreset.Problems() is [var first, ..])
            {
                throw k.Error(first.Key, first.Reason + ".");
            }
        }

        string space = root.Choice("search-space", coreset is null ? "common0" : "common3", "common0", "common1", "common3", "ue");
        if (coreset is null && space != "common0")
        {
            throw root.Error("search-space", $"'{space}' needs a coreset (the keys rb-start, rb-count, duration, …); valid without one: common0 (the Type0-PDCCH CSS on CORESET#0; SIB1's ra-SearchSpace and pagingSearchSpace are followed once SIB1 is decoded).");
        }

        if (coreset is not null && space == "common0")
        {
            throw root.Error("search-space", "'common0' is CORESET#0's Type0-PDCCH CSS; valid with a coreset: common1 | common3 | ue.");
        }

        var rntis = new List<UeRnti>();
        foreach (YamlSection r in root.Sections("rntis"))
        {
            int value = r.OptionalInt("rnti", 1, 0xFFFF) ?? throw r.Error("rnti", "missing; valid: an integer 1..65535 (decimal or 0x hex).");
            DciRntiType type = r.Choice("type", "c", s_rntiTypes) switch
            {
                "tc" => DciRntiType.TcRnti,
                "ra" => DciRntiType.RaRnti,
                "p" => DciRntiType.PRnti,
                "si" => DciRntiType.SiRnti,
                _ => DciRntiType.CRnti,
            };
            r.ThrowIfUnknownKeys();
            rntis.Add(new UeRnti(value, type));
        }

        UeDedicatedDownlink? dedicated = root.Has("dedicated") ? ReadDedicated(root, root.Section("dedicated"), cell, source) : null;
        root.ThrowIfUnknownKeys();
        return new UeCellDescriptionFile(cell, rntis) { Coreset = coreset, SearchSpace = space, Dedicated = dedicated };
    }

    /// <summary>
    /// <c>dedicated:</c>: every key checked against its range (errors name <c>dedicated.KEY</c>), then the gNB configuration
    /// it and <paramref name="cell"/> describe derived (a derivation error is reported at <c>dedicated</c> with the gNB key
    /// it concerns).
    /// </summary>
    private static UeDedicatedDownlink ReadDedicated(YamlSection root, YamlSection d, UeCellDescription cell, string source)
    {
        int rnti = d.OptionalInt("rnti", 1, 0xFFEF) ?? throw d.Error("rnti", "missing; valid: the C-RNTI, 1..65519 (0x0001..0xFFEF, TS 38.321 Table 7.1-1).");
        string band = d.Text("band", "an NR band such as n3 or n78") ?? throw d.Error("band", "missing; valid: the NR operating band, e.g. n3 (TS 38.104 Table 5.2-1).");
        int bandwidth = d.OptionalInt("channel-bandwidth-mhz", 5, 100) ?? throw d.Error("channel-bandwidth-mhz", "missing; valid: 5..100 (TS 38.104 Table 5.3.2-1).");
        int ssbPeriod = d.Int("ssb-period-ms", 20, 5, 160);
        if (ssbPeriod is not (5 or 10 or 20 or 40 or 80 or 160))
        {
            throw d.Error("ssb-period-ms", $"'{ssbPeriod}' is not valid; valid: 5 | 10 | 20 | 40 | 80 | 160 (ssb-periodicityServingCell).");
        }

        string? positions = d.Text("ssb-positions-in-burst", "a bit string such as \"1000\"");
        int? coresetStart = d.OptionalInt("coreset1-start-rb", 0, 274);
        int? coresetCount = d.OptionalInt("coreset1-rb-count", 6, 270);
        int coresetDuration = d.Int("coreset1-duration", 1, 1, 3);
        int level = d.Int("aggregation-level", 4, 1, 16);
        if (level is not (1 or 2 or 4 or 8 or 16))
        {
            throw d.Error("aggregation-level", $"'{level}' is not valid; valid: 1 | 2 | 4 | 8 | 16.");
        }

        string table = d.Choice("mcs-table", "qam256", "qam64", "qam256", "qam64LowSE");
        d.ThrowIfUnknownKeys();
        if (cell.Pci is not int pci || cell.DownlinkArfcn is not int dlArfcn)
        {
            throw root.Error("dedicated", "needs cell.pci and cell.dl-arfcn (the PDSCH is scrambled with N_ID^cell; the carrier's point A comes from its centre).");
        }

        var configuration = new GnbConfiguration
        {
            Cell = new CellOptions { Band = band, DlArfcn = dlArfcn, ChannelBandwidthMhz = bandwidth, ScsKhz = cell.SubcarrierSpacingKhz ?? 15, Pci = pci, DmrsTypeAPosition = cell.DmrsTypeAPosition ?? 2 },
            Ssb = new SsbOptions { PeriodMs = ssbPeriod, PositionsInBurst = positions },
            Pdcch = new PdcchOptions { Coreset0Index = cell.Coreset0Index, SearchSpaceZero = cell.SearchSpaceZero ?? 0, Coreset1StartRb = coresetStart, Coreset1RbCount = coresetCount, Coreset1Duration = coresetDuration, UeAggregationLevel = level },
            TestUe = new TestUeOptions { Rnti = rnti, Downlink = new LinkOptions { McsTable = table, Mcs = 0, Layers = 1, Dci = "1_1" } },
            Source = new SourceMap(source),
        };
        try
        {
            UeDedicatedDownlink dedicated = UeDedicatedDownlink.FromGnbConfiguration(configuration);
            if (cell.CarrierPrbs is int prbs && prbs != dedicated.CarrierPrbs)
            {
                throw d.Error("channel-bandwidth-mhz", $"{bandwidth} MHz at {configuration.Cell.ScsKhz} kHz is {dedicated.CarrierPrbs} RB, but cell.prb says {prbs}; valid: the bandwidth of cell.prb RBs (TS 38.104 Table 5.3.2-1).");
            }

            return dedicated;
        }
        catch (ConfigurationException ex) when (!ex.Message.Contains("dedicated.", StringComparison.Ordinal))
        {
            throw root.Error("dedicated", $"the cell and UE it describes are not a valid gNB configuration: {ex.Message}");
        }
    }
}
