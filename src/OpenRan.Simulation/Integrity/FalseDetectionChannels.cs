using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Simulation.Integrity;

/// <summary>The command-line names of <see cref="FalseDetectionChannel"/> values, their payload ranges and defaults.</summary>
public static class FalseDetectionChannels
{
    private static readonly (FalseDetectionChannel Channel, string Name)[] s_names =
    [
        (FalseDetectionChannel.Pbch, "pbch"),
        (FalseDetectionChannel.Pdcch, "pdcch"),
        (FalseDetectionChannel.UciPolar, "uci-polar"),
        (FalseDetectionChannel.UciSmall, "uci-small"),
        (FalseDetectionChannel.PucchF0, "pucch-f0"),
        (FalseDetectionChannel.PucchF1, "pucch-f1"),
        (FalseDetectionChannel.PucchF2, "pucch-f2"),
        (FalseDetectionChannel.PucchF3, "pucch-f3"),
        (FalseDetectionChannel.PucchF4, "pucch-f4"),
        (FalseDetectionChannel.Pusch, "pusch"),
        (FalseDetectionChannel.Pdsch, "pdsch"),
    ];

    /// <summary>Every name, in enum order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_names.Select(n => n.Name)];

    /// <summary>The name of <paramref name="channel"/>.</summary>
    public static string Name(FalseDetectionChannel channel) => s_names.First(n => n.Channel == channel).Name;

    /// <summary>The channel named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name (the valid ones are listed).</exception>
    public static FalseDetectionChannel Parse(string name)
    {
        foreach ((FalseDetectionChannel channel, string n) in s_names)
        {
            if (string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return channel;
            }
        }

        throw new ArgumentException($"channel '{name}' is unknown; valid: {string.Join(", ", Names)}.");
    }

    /// <summary>The valid payload bits of <paramref name="channel"/> ((0, 0) when it takes none).</summary>
    public static (int Minimum, int Maximum) PayloadRange(FalseDetectionChannel channel) => channel switch
    {
        FalseDetectionChannel.UciPolar => (12, 1706),
        FalseDetectionChannel.UciSmall => (1, 11),
        FalseDetectionChannel.PucchF2 => (1, 40),
        FalseDetectionChannel.PucchF3 => (1, 90),
        FalseDetectionChannel.PucchF4 => (1, 40),
        _ => (0, 0),
    };

    /// <summary>The payload bits used when none are given (0 when the channel takes none).</summary>
    public static int DefaultPayloadBits(FalseDetectionChannel channel) => channel switch
    {
        FalseDetectionChannel.UciPolar => 22,
        FalseDetectionChannel.UciSmall => 6,
        FalseDetectionChannel.PucchF2 => 4,
        FalseDetectionChannel.PucchF3 or FalseDetectionChannel.PucchF4 => 22,
        _ => 0,
    };
}
