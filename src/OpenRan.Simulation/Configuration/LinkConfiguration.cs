using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// Builds <see cref="LinkSimulationOptions"/> from YAML files and command-line assignments. Precedence: defaults, then the
/// preset (the command line's over the file's), then the file's other keys, then the command line. Unknown keys, wrong
/// value shapes and invalid values are <see cref="ConfigurationException"/>s naming the file, line and column (or the
/// option), and the combined options are validated at the end.
/// </summary>
public static class LinkConfiguration
{
    /// <summary>Reads the option assignments of a YAML document (a mapping of option names to scalars or sequences).</summary>
    /// <param name="yaml">The document text.</param>
    /// <param name="sourceName">The file name used in messages.</param>
    /// <exception cref="ConfigurationException">Malformed YAML, a duplicate or unknown key, or a value of the wrong kind, at <c>file:line:column</c>.</exception>
    public static IReadOnlyList<LinkOptionAssignment> ReadYaml(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return LinkYamlReader.Read(yaml, sourceName);
    }

    /// <summary>Reads the option assignments of a YAML file (at most <see cref="MaxConfigurationFileBytes"/>).</summary>
    /// <exception cref="ConfigurationException">The file cannot be read, is a directory, too large, not UTF-8, or not a valid configuration.</exception>
    public static IReadOnlyList<LinkOptionAssignment> ReadYamlFile(string path) => LinkYamlReader.ReadFile(path);

    /// <summary>The largest configuration file read, in bytes.</summary>
    public const long MaxConfigurationFileBytes = LinkYamlReader.MaxFileBytes;

    /// <summary>
    /// Builds validated options for <paramref name="link"/> from file assignments and command-line assignments.
    /// </summary>
    public static LinkSimulationOptions Build(LinkKind link, IEnumerable<LinkOptionAssignment> file, IEnumerable<LinkOptionAssignment> commandLine) =>
        Build(link, [], file, commandLine);

    /// <summary>
    /// As <see cref="Build(LinkKind, IEnumerable{LinkOptionAssignment}, IEnumerable{LinkOptionAssignment})"/> with a first layer of
    /// <paramref name="defaults"/> (e.g. the main job's), overridden by the file and the command line.
    /// </summary>
    public static LinkSimulationOptions Build(LinkKind link, IEnumerable<LinkOptionAssignment> defaults, IEnumerable<LinkOptionAssignment> file, IEnumerable<LinkOptionAssignment> commandLine)
    {
        List<LinkOptionAssignment> fromDefaults = defaults.ToList();
        List<LinkOptionAssignment> fromFile = file.ToList();
        List<LinkOptionAssignment> fromCli = commandLine.ToList();
        var options = new LinkSimulationOptions { Link = link };
        LinkOptionAssignment? preset = fromCli.LastOrDefault(a => a.Option.Name == "preset")
            ?? fromFile.LastOrDefault(a => a.Option.Name == "preset")
            ?? fromDefaults.LastOrDefault(a => a.Option.Name == "preset");
        if (preset is not null)
        {
            Apply(options, preset);
        }

        foreach (LinkOptionAssignment a in fromDefaults.Concat(fromFile).Concat(fromCli).Where(a => a.Option.Name != "preset"))
        {
            Apply(options, a);
        }

        // A requirement check that only a default layer asked for (the main job's) lapses when the user's changes leave
        // no matching TS 38.104 requirement; one the user asked for must match (Validate says so).
        if (options.Requirement && options.FindRequirement() is null && !fromFile.Concat(fromCli).Any(a => a.Option.Name == "requirement"))
        {
            options.Requirement = false;
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            string source = fromCli.Concat(fromFile).LastOrDefault(a => a.Option.Name == e.ParamName)?.Source ?? $"--{e.ParamName}";
            throw new ConfigurationException(source, e.Message.Split(" (Parameter", 2)[0], e);
        }

        return options;
    }

    private static void Apply(LinkSimulationOptions options, LinkOptionAssignment assignment)
    {
        try
        {
            assignment.Option.Apply(options, assignment.Values);
        }
        catch (FormatException e)
        {
            throw new ConfigurationException(assignment.Source, $"{assignment.Option.Name}: {e.Message}", e);
        }
    }

}
