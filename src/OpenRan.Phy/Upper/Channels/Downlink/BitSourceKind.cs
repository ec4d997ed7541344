namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>What a <see cref="BitSourceDefinition"/> creates.</summary>
public enum BitSourceKind
{
    /// <summary>ITU-T O.150 PN23 from all ones (<see cref="Pn23BitSource"/>).</summary>
    Pn23,

    /// <summary>A repeated pattern (<see cref="PatternBitSource"/>).</summary>
    Pattern,

    /// <summary>Seeded random bits (<see cref="RandomBitSource"/>).</summary>
    Random,

    /// <summary>A caller-supplied factory.</summary>
    Custom,
}
