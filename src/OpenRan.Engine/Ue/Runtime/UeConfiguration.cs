using System;
using System.IO;
using OpenRan.Engine.Configuration;

namespace OpenRan.Engine.Ue.Runtime;

/// <summary>
/// The configuration of <c>openran ue</c> (the phy-test UE runtime): the gNB cell YAML it expects to find (carrier, PCI,
/// SSB, CORESETs and the phy-test dedicated configuration, shared as OAI's phy-test mode shares it), the UE's own
/// settings and its radio. Read from a small YAML file:
/// <code>
/// cell: cell-n3-20mhz-fdd.yaml      # the gNB's cell file, relative to this file
/// ue:   { rnti: 0x4601, sync-timeout-s: 5, max-cfo-subcarriers: 2, uplink-lead-slots: 2, lost-ssb-periods: 4, reattach: false, gscn-scan: false }
/// radio: { driver: zmq, args: "tx_port=tcp://*:2001,rx_port=tcp://localhost:2000" }
/// </code>
/// </summary>
public sealed record UeConfiguration
{
    /// <summary>The cell the UE expects (derived from the gNB YAML, with the UE's C-RNTI).</summary>
    public required CellSetup Cell { get; init; }

    /// <summary>The cell file, as resolved.</summary>
    public required string CellFile { get; init; }

    /// <summary>Air time within which the UE must find the cell, seconds.</summary>
    public double SyncTimeoutSeconds { get; init; } = 5;

    /// <summary>Integer carrier frequency offsets searched at initial sync, ± subcarriers.</summary>
    public int MaxCfoSubcarriers { get; init; } = 2;

    /// <summary>How many slots ahead of the downlink slot just received the UE makes its uplink slot (1..min(k1, k2)).</summary>
    public int UplinkLeadSlots { get; init; } = 2;

    /// <summary>SS/PBCH periods without a detected block after which the UE searches for the cell again.</summary>
    public int LostSsbPeriods { get; init; } = 4;

    /// <summary>
    /// What the UE does when it loses the cell it followed (its SS/PBCH blocks missing for <see cref="LostSsbPeriods"/>
    /// periods) or the radio goes silent: false searches again for <see cref="SyncTimeoutSeconds"/> and carries on, or
    /// ends the run (<see cref="UeOutcome.LostCell"/>, <see cref="UeOutcome.RadioGone"/>); true treats the loss as a
    /// radio link failure: it reports it, waits for samples and searches for as long as it takes, and attaches again by
    /// random access (the gNB may have restarted and know nothing of it).
    /// </summary>
    public bool Reattach { get; init; }

    /// <summary>
    /// Whether the initial cell search scans the synchronization raster (every usable GSCN of the band inside the
    /// received band, <see cref="GscnScan"/>) instead of trusting the SS_REF of the cell file; the UE then follows the
    /// cell at the GSCN where it found the block.
    /// </summary>
    public bool GscnScan { get; init; }

    /// <summary>The radio driver.</summary>
    public string Driver { get; init; } = "zmq";

    /// <summary>The radio arguments.</summary>
    public string Args { get; init; } = "tx_port=tcp://*:2001,rx_port=tcp://localhost:2000";

    /// <summary>The UE configuration for <paramref name="cell"/> with every default (tests).</summary>
    public static UeConfiguration For(CellSetup cell) => new() { Cell = cell, CellFile = "(given)" };

    /// <summary>Reads the UE file at <paramref name="path"/> and the cell file it names.</summary>
    /// <exception cref="ConfigurationException">Either file is missing or invalid (naming file:line:column and the key).</exception>
    public static UeConfiguration ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text = GnbConfigurationReader.ReadText(path);
        YamlSection root = YamlSection.Parse(text, path);
        string? cellName = root.Text("cell", "the gNB cell YAML file");
        if (string.IsNullOrEmpty(cellName))
        {
            throw root.Error("cell", "missing; valid: the path of the gNB cell YAML the UE should expect (e.g. cell-n3-20mhz-fdd.yaml), relative to this file.");
        }

        YamlSection ue = root.Section("ue");
        int? rnti = ue.OptionalInt("rnti", 1, 0xFFEF);
        var d = new UeConfiguration { Cell = null!, CellFile = string.Empty };
        double syncTimeout = ue.Double("sync-timeout-s", d.SyncTimeoutSeconds, 0.02, 3600);
        int maxCfo = ue.Int("max-cfo-subcarriers", d.MaxCfoSubcarriers, 0, 8);
        int lead = ue.Int("uplink-lead-slots", d.UplinkLeadSlots, 1, 32);
        int lost = ue.Int("lost-ssb-periods", d.LostSsbPeriods, 1, 10_000);
        bool reattach = ue.Bool("reattach", d.Reattach);
        bool scan = ue.Bool("gscn-scan", d.GscnScan);
        ue.ThrowIfUnknownKeys();
        YamlSection radio = root.Section("radio");
        string driver = radio.Text("driver") ?? d.Driver;
        string args = radio.Text("args") ?? d.Args;
        radio.ThrowIfUnknownKeys();
        root.ThrowIfUnknownKeys();

        string cellFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", cellName);
        GnbConfiguration options = GnbConfigurationReader.ReadFile(cellFile);
        if (rnti is int r)
        {
            options = options with { TestUe = options.TestUe with { Rnti = r } };
        }

        CellSetup cell = CellSetup.Derive(options);
        var configuration = new UeConfiguration
        {
            Cell = cell,
            CellFile = cellFile,
            SyncTimeoutSeconds = syncTimeout,
            MaxCfoSubcarriers = maxCfo,
            UplinkLeadSlots = lead,
            LostSsbPeriods = lost,
            Reattach = reattach,
            GscnScan = scan,
            Driver = driver,
            Args = args,
        };
        string? problem = configuration.Problem();
        if (problem is not null)
        {
            throw problem.StartsWith("ue.", StringComparison.Ordinal) ? ue.Error("uplink-lead-slots", problem) : root.Error("cell", problem);
        }

        return configuration;
    }

    /// <summary>What makes this configuration unusable for the phy-test UE runtime, or null.</summary>
    public string? Problem()
    {
        TestUeOptions t = Cell.Options.TestUe;
        if (!t.Enabled || t.DlHarqFeedback != "pucch")
        {
            return $"the cell file {CellFile} must enable the phy-test UE with test-ue.dl-harq-feedback: pucch (the UE answers each PDSCH on PUCCH; with assume-ack the gNB would not listen), e.g. configs/cell-n3-20mhz-fdd.yaml.";
        }

        int most = Math.Min(t.K1, t.K2);
        if (UplinkLeadSlots > most)
        {
            return FormattableString.Invariant($"ue.uplink-lead-slots {UplinkLeadSlots} exceeds min(test-ue.k1, test-ue.k2) = {most}: the uplink slot would be made before its grant or HARQ-ACK is known; valid: 1..{most}.");
        }

        return null;
    }
}
