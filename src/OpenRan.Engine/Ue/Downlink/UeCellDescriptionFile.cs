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
/// search-space: common0
/// rntis: [ { rnti: 0x4601, type: c } ]
/// </code>
/// </summary>
/// <param name="Cell">The cell (fields left out stay null and are taken from the MIB).</param>
/// <param name="Rntis">The RNTIs to search besides SI-RNTI.</param>
public sealed record UeCellDescriptionFile(UeCellDescription Cell, IReadOnlyList<UeRnti> Rntis)
{
    private static readonly string[] s_rntiTypes = ["c", "tc", "ra", "p", "si"];

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
        string space = root.Choice("search-space", "common0", "common0", "common1", "common3", "ue");
        if (space != "common0")
        {
            throw root.Error("search-space", $"'{space}' is not followed so far; valid: common0 (the Type0-PDCCH CSS on CORESET#0; SIB1's ra-SearchSpace and pagingSearchSpace are followed once SIB1 is decoded).");
        }

        if (root.Has("coreset"))
        {
            throw root.Error("coreset", "only CORESET#0 (from the MIB or cell.coreset0-index) is followed so far; leave coreset out.");
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

        root.ThrowIfUnknownKeys();
        return new UeCellDescriptionFile(cell, rntis);
    }
}
