using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>The configuration form of a payload bit stream: each channel of a waveform creates its own source from it.</summary>
public sealed record BitSourceDefinition
{
    private readonly byte[] _pattern = [];

    /// <summary>The kind of source.</summary>
    public BitSourceKind Kind { get; init; } = BitSourceKind.Pn23;

    /// <summary>The bits of a <see cref="BitSourceKind.Pattern"/> source.</summary>
    public IReadOnlyList<byte> Pattern
    {
        get => _pattern;
        init => _pattern = [.. value];
    }

    /// <summary>The seed of a <see cref="BitSourceKind.Random"/> source.</summary>
    public ulong Seed { get; init; }

    /// <summary>The factory of a <see cref="BitSourceKind.Custom"/> source.</summary>
    public Func<IBitSource>? Factory { get; init; }

    /// <summary>PN23 (ITU-T O.150).</summary>
    public static BitSourceDefinition Pn23 { get; } = new();

    /// <summary>A repeated pattern.</summary>
    public static BitSourceDefinition Repeat(params byte[] pattern) => new() { Kind = BitSourceKind.Pattern, Pattern = pattern };

    /// <summary>Seeded random bits.</summary>
    public static BitSourceDefinition RandomBits(ulong seed) => new() { Kind = BitSourceKind.Random, Seed = seed };

    /// <summary>A caller-supplied source.</summary>
    public static BitSourceDefinition FromFactory(Func<IBitSource> factory) => new() { Kind = BitSourceKind.Custom, Factory = factory };

    /// <summary>Creates a new source in its initial state.</summary>
    public IBitSource Create() => Kind switch
    {
        BitSourceKind.Pn23 => new Pn23BitSource(),
        BitSourceKind.Pattern => new PatternBitSource(_pattern),
        BitSourceKind.Random => new RandomBitSource(Seed),
        BitSourceKind.Custom => (Factory ?? throw new InvalidOperationException("a Custom bit source needs a Factory"))(),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "valid: Pn23, Pattern, Random, Custom"),
    };

    /// <summary>A short description (pn23, pattern 1001, random seed 5, custom).</summary>
    public override string ToString() => Kind switch
    {
        BitSourceKind.Pattern => $"pattern {string.Concat(_pattern.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)))}",
        BitSourceKind.Random => $"random seed {Seed}",
        BitSourceKind.Custom => "custom",
        _ => "pn23",
    };

    /// <summary>Value equality.</summary>
    public bool Equals(BitSourceDefinition? other) =>
        other is not null && Kind == other.Kind && Seed == other.Seed && _pattern.AsSpan().SequenceEqual(other._pattern) && Equals(Factory, other.Factory);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Seed, _pattern.Length);
}
