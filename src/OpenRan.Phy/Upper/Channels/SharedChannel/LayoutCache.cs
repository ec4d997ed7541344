using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// Validated layouts of the configurations a processor has seen, so a configuration is validated and laid out once
/// and later slots with an equal configuration reuse the result without allocating.
/// </summary>
/// <remarks>Keeps up to <see cref="Capacity"/> configurations and starts over when full. Not thread-safe.</remarks>
internal sealed class LayoutCache
{
    /// <summary>Most configurations kept.</summary>
    public const int Capacity = 64;

    private readonly Dictionary<SharedChannelConfiguration, SharedChannelLayout> _layouts = new(Capacity);
    private SharedChannelConfiguration? _lastConfiguration;
    private SharedChannelLayout? _lastLayout;

    /// <summary>The layout of <paramref name="configuration"/>; validates it (throwing with every problem) on first use.</summary>
    public SharedChannelLayout Get(SharedChannelConfiguration configuration)
    {
        if (ReferenceEquals(configuration, _lastConfiguration))
        {
            return _lastLayout!;
        }

        if (!_layouts.TryGetValue(configuration, out SharedChannelLayout? layout))
        {
            configuration.ThrowIfInvalid();
            layout = configuration.BuildLayout();
            if (_layouts.Count >= Capacity)
            {
                _layouts.Clear();
            }

            _layouts.Add(configuration, layout);
        }

        _lastConfiguration = configuration;
        _lastLayout = layout;
        return layout;
    }
}
