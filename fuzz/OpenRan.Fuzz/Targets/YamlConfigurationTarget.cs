using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Text;
using CellSetup = OpenRan.Engine.Configuration.CellSetup;
using GnbConfigurationReader = OpenRan.Engine.Configuration.GnbConfigurationReader;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// Both YAML configuration readers on the same text: as a link-simulation file through <see cref="LinkConfiguration.ReadYaml"/>
/// and then <see cref="LinkConfiguration.Build(LinkKind, IEnumerable{LinkOptionAssignment}, IEnumerable{LinkOptionAssignment})"/>
/// for PUSCH and PDSCH, and as a cell configuration (<c>openran gnb --config</c>) through
/// <see cref="GnbConfigurationReader.Read"/> and <see cref="CellSetup.Derive"/>. A configuration exception (with its
/// file:line:column) is the expected outcome of a bad file.
/// </summary>
internal sealed class YamlConfigurationTarget : FuzzTarget
{
    private static readonly string[] s_cellExamples = ["gnb-n3-20mhz-fdd.yaml", "gnb-n78-40mhz-tdd.yaml", "gnb-n78-100mhz-tdd.yaml"];

    private static readonly string[] s_cellKeys =
        ["cell", "  band", "  dl-arfcn", "  center-frequency-mhz", "  channel-bandwidth-mhz", "  scs-khz", "  pci", "  duplex", "  tdd", "    period-ms", "    dl-slots", "    ul-slots",
         "ssb", "  gscn", "  positions-in-burst", "pdcch", "  coreset0-index", "  search-space-zero", "sib1", "  hex", "pucch", "radio", "  driver", "  args", "engine", "test-ue", "antennas"];

    public override string Name => "yaml";

    public override string Description => "YAML text through the simulator's LinkConfiguration.ReadYaml/Build and the engine's GnbConfigurationReader/CellSetup.Derive";

    public override IReadOnlyList<string> Dictionary =>
        [.. LinkOptionCatalog.All.Select(o => o.Name + ": "), .. s_cellKeys.Select(k => k + ": "), "---", "...", "&a ", "*a", "? ", ": ", "- ", "[", "]", "{", "}", "!!str ", "!!int ", "|", ">", "\"", "'", "#", "~", "<<: "];

    public override void Run(ReadOnlySpan<byte> input)
    {
        string text = Encoding.UTF8.GetString(input);
        RunCellConfiguration(text);
        IReadOnlyList<LinkOptionAssignment> assignments;
        try
        {
            assignments = LinkConfiguration.ReadYaml(text, "fuzz.yaml");
        }
        catch (ConfigurationException)
        {
            return;
        }

        foreach (LinkKind link in (ReadOnlySpan<LinkKind>)[LinkKind.Pusch, LinkKind.Pdsch])
        {
            try
            {
                LinkConfiguration.Build(link, assignments, []);
            }
            catch (ConfigurationException)
            {
            }
        }
    }

    public override IEnumerable<FuzzSeed> Seeds(IReadOnlyList<string> vectorRoots)
    {
        yield return Seed("preset", "# A TS 38.104 test\npreset: G-FR1-A3-10\npropagation: TDLB100-400\nrx-antennas: 2\nsnr-db: [-6, -5.5, \"-5:1:-3\"]\nharq-max-transmissions: 2\nchannel-estimation: estimated\nrequirement: true\n");
        yield return Seed("mcs", "mcs: 9\nlayers: 2\nseed: 7\nmax-slots: 100\nrv-sequence:\n  - 0\n  - 2\n");
        yield return Seed("anchors", "seed: &s 5\nmax-slots: *s\nsnr-db: &l [1, *s]\nrv-sequence: *l\n");
        yield return Seed("flow", "{modulation: 16qam, target-rate: 658/1024, snr-db: [0, 1]}\n");
        yield return Seed("documents", "---\nmcs: 3\n...\n");
        foreach (string file in s_cellExamples)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "configs", file);
            if (File.Exists(path))
            {
                yield return new FuzzSeed(file, File.ReadAllBytes(path));
            }
        }

        yield return Seed("gnb-minimal", "cell:\n  band: n78\n  dl-arfcn: 632628\n  channel-bandwidth-mhz: 40\n  scs-khz: 30\n  pci: 1\n  tdd:\n    period-ms: 5\n    dl-slots: 7\n    ul-slots: 2\nradio:\n  driver: zmq\n");
    }

    private static void RunCellConfiguration(string text)
    {
        try
        {
            _ = CellSetup.Derive(GnbConfigurationReader.Read(text, "gnb.yaml"));
        }
        catch (OpenRan.Engine.Configuration.ConfigurationException)
        {
        }
    }

    private static FuzzSeed Seed(string name, string text) => new($"{name}.yaml", Encoding.UTF8.GetBytes(text));
}
