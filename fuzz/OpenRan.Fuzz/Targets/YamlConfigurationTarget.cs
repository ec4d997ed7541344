using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Fuzz.Targets;

/// <summary>
/// A link-simulation YAML file through <see cref="LinkConfiguration.ReadYaml"/> and then <see cref="LinkConfiguration.Build(LinkKind, IEnumerable{LinkOptionAssignment}, IEnumerable{LinkOptionAssignment})"/>
/// for PUSCH and PDSCH: a <see cref="ConfigurationException"/> (with its file:line:column) is the expected outcome of a bad file.
/// </summary>
internal sealed class YamlConfigurationTarget : FuzzTarget
{
    public override string Name => "yaml";

    public override string Description => "simulator YAML configuration through LinkConfiguration.ReadYaml and Build";

    public override IReadOnlyList<string> Dictionary =>
        [.. LinkOptionCatalog.All.Select(o => o.Name + ": "), "---", "...", "&a ", "*a", "? ", ": ", "- ", "[", "]", "{", "}", "!!str ", "!!int ", "|", ">", "\"", "'", "#", "~", "<<: "];

    public override void Run(ReadOnlySpan<byte> input)
    {
        IReadOnlyList<LinkOptionAssignment> assignments;
        try
        {
            assignments = LinkConfiguration.ReadYaml(Encoding.UTF8.GetString(input), "fuzz.yaml");
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
    }

    private static FuzzSeed Seed(string name, string text) => new($"{name}.yaml", Encoding.UTF8.GetBytes(text));
}
