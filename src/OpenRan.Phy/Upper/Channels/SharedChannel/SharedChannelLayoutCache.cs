using System;
using System.Collections.Generic;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.SharedChannel;

/// <summary>
/// The validated layouts of the configurations a shared-channel processor has seen, so a configuration is validated and
/// laid out once and later slots with an equal configuration reuse the result without allocating; and the per-slot
/// argument checks every processor makes.
/// </summary>
/// <remarks>Keeps up to <see cref="Capacity"/> configurations and starts over when full. Not thread-safe.</remarks>
internal sealed class SharedChannelLayoutCache
{
    /// <summary>Most configurations kept.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<SharedChannelConfiguration, SharedChannelLayout> _layouts = new(Capacity);
    private SharedChannelConfiguration? _lastConfiguration;
    private SharedChannelLayout? _lastLayout;

    /// <summary>Creates the cache of a processor for up to <paramref name="maxLayers"/> layers (1..4).</summary>
    public SharedChannelLayoutCache(int maxLayers)
    {
        ThrowHelper.ThrowIfOutside(maxLayers, 1, 4);
        MaxLayers = maxLayers;
    }

    /// <summary>The processor's largest number of layers.</summary>
    public int MaxLayers { get; }

    /// <summary>The layout of <paramref name="configuration"/>; validates it (throwing with every problem) on first use.</summary>
    public SharedChannelLayout Get(SharedChannelConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
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

    /// <summary>The layout of <paramref name="configuration"/> after checking the slot number and the layer count.</summary>
    public SharedChannelLayout Prepare(SharedChannelConfiguration configuration, int slot)
    {
        SharedChannelLayout layout = Get(configuration);
        ThrowHelper.ThrowIfOutside(slot, 0, configuration.SlotsPerFrame - 1);
        if (configuration.LayerCount > MaxLayers)
        {
            ThrowHelper.ThrowOutOfRange(nameof(configuration), configuration.LayerCount, $"at most {MaxLayers} layers for this processor");
        }

        return layout;
    }
}
