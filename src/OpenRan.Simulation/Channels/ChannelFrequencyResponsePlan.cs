using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>Precomputed tap-filter frequency responses for <see cref="MultipathFadingChannel.FrequencyResponse"/>.</summary>
public sealed class ChannelFrequencyResponsePlan
{
    internal ChannelFrequencyResponsePlan(ComplexF32[] table, int frequencyCount, int pathCount, int linkCount)
    {
        Table = table;
        FrequencyCount = frequencyCount;
        PathCount = pathCount;
        LinkCount = linkCount;
    }

    /// <summary>Number of frequencies K.</summary>
    public int FrequencyCount { get; }

    internal int PathCount { get; }

    internal int LinkCount { get; }

    internal ComplexF32[] Table { get; }
}
