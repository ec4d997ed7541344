using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Fuzz.Targets;

namespace OpenRan.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
internal static class FuzzTargets
{
    /// <summary>New instances of all targets, in the order fuzz/run runs them.</summary>
    public static IReadOnlyList<FuzzTarget> All() =>
    [
        new MatTarget(),
        new NpyTarget(),
        new NpzTarget(),
        new SigMfMetadataTarget(),
        new SigMfDataTarget(),
        new YamlConfigurationTarget(),
        new ZmqMessageTarget(),
        new PuschTarget(),
        new PdschTarget(),
        new PbchTarget(),
        new PdcchTarget(),
        new SsbSearchTarget(),
        new LdpcTarget(),
        new PolarTarget(),
    ];

    /// <summary>The target called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such target; the message lists them.</exception>
    public static FuzzTarget Get(string name) => All().FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown fuzz target '{name}'; targets: {string.Join(", ", All().Select(t => t.Name))}.", nameof(name));
}
