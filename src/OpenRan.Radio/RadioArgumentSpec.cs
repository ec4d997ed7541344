namespace OpenRan.Radio;

/// <summary>One argument a driver accepts, for validation and for <c>openran radio list</c>.</summary>
/// <param name="Name">The key; a trailing <c>N</c> stands for a channel number (<c>tx_portN</c>).</param>
/// <param name="Description">What it sets, its unit, range and default.</param>
public sealed record RadioArgumentSpec(string Name, string Description);
