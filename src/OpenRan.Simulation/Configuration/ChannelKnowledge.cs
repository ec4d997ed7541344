namespace OpenRan.Simulation.Configuration;

/// <summary>How the receiver learns the channel.</summary>
public enum ChannelKnowledge
{
    /// <summary>Estimated from the DM-RS by the receiver under test.</summary>
    Estimated,

    /// <summary>The true channel frequency response and noise variance (an upper bound for receiver algorithms).</summary>
    Perfect,
}
