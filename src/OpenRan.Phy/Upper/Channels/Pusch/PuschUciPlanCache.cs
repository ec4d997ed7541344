using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Upper.Channels.Pusch;

/// <summary>
/// The UCI multiplexing plans of the configurations a processor has seen, so a plan is built once and later slots with an
/// equal configuration reuse it without allocating. Keeps up to 64 and starts over when full. Not thread-safe.
/// </summary>
internal sealed class PuschUciPlanCache
{
    private const int Capacity = 64;
    private readonly Dictionary<SharedChannelConfiguration, PuschUciMultiplexingPlan> _plans = new(Capacity);
    private SharedChannelConfiguration? _lastConfiguration;
    private PuschUciMultiplexingPlan? _lastPlan;

    /// <summary>The plan of <paramref name="configuration"/> (which must carry UCI) on its layout and coding parameters.</summary>
    public PuschUciMultiplexingPlan Get(SharedChannelConfiguration configuration, SharedChannelLayout layout, SharedChannelCodingParameters coding)
    {
        if (ReferenceEquals(configuration, _lastConfiguration))
        {
            return _lastPlan!;
        }

        if (!_plans.TryGetValue(configuration, out PuschUciMultiplexingPlan? plan))
        {
            PuschUciConfiguration uci = configuration.MultiplexedUci ?? throw new ArgumentException("the configuration carries no UCI.", nameof(configuration));
            plan = Build(configuration, uci, layout, coding);
            if (_plans.Count >= Capacity)
            {
                _plans.Clear();
            }

            _plans.Add(configuration, plan);
        }

        _lastConfiguration = configuration;
        _lastPlan = plan;
        return plan;
    }

    /// <summary>The rate-matched lengths of <paramref name="uci"/> on a configuration's layout.</summary>
    internal static PuschUciLengths Lengths(SharedChannelConfiguration configuration, PuschUciConfiguration uci, SharedChannelLayout layout, SharedChannelCodingParameters coding)
    {
        long codeBlockBits = uci.UlschPresent ? (long)coding.Segmentation.CodeBlockCount * coding.Segmentation.CodeBlockLength : 0;
        return PuschUciLengths.Compute(uci, layout, configuration.LayerCount, configuration.Modulation.BitsPerSymbol(), configuration.TargetCodeRate, codeBlockBits);
    }

    private static PuschUciMultiplexingPlan Build(SharedChannelConfiguration configuration, PuschUciConfiguration uci, SharedChannelLayout layout, SharedChannelCodingParameters coding) =>
        new(uci, layout, configuration.LayerCount, configuration.Modulation.BitsPerSymbol(), Lengths(configuration, uci, layout, coding));
}
