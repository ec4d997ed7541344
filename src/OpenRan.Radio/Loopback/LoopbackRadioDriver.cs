using System;
using System.Collections.Generic;
using OpenRan.Radio.Channels;

namespace OpenRan.Radio.Loopback;

/// <summary>
/// The <c>loopback</c> driver: an in-process radio that receives what it transmits through a channel model chosen by
/// <c>model=NAME</c> from its <see cref="ISampleChannelProvider"/>s (built in: <c>ideal</c>, <c>impairment</c>; the
/// simulation project adds its models by passing providers to the constructor).
/// </summary>
public sealed class LoopbackRadioDriver : IRadioDriver
{
    private readonly Dictionary<string, ISampleChannelProvider> _models = new(StringComparer.Ordinal);
    private readonly List<RadioArgumentSpec> _arguments;

    /// <summary>Creates the driver with the built-in models plus <paramref name="extraModels"/>.</summary>
    public LoopbackRadioDriver(params IEnumerable<ISampleChannelProvider> extraModels)
    {
        ArgumentNullException.ThrowIfNull(extraModels);
        var all = new List<ISampleChannelProvider> { new ImpairmentChannelProvider(), new IdealChannelProvider() };
        all.AddRange(extraModels);
        _arguments =
        [
            new("channels", "channels in each direction, 1..16 (default 1)"),
            new("realtime", "true: the air advances with the wall clock at the sample rate (overflows and underflows as hardware); false (default): as fast as the receiver reads, losing nothing"),
        ];
        var modelNames = new List<string>();
        foreach (ISampleChannelProvider p in all)
        {
            if (!_models.TryAdd(p.Name, p))
            {
                throw new ArgumentException($"two channel models are named '{p.Name}'.", nameof(extraModels));
            }

            modelNames.Add(p.Name);
            foreach (RadioArgumentSpec spec in p.Arguments)
            {
                if (!_arguments.Exists(a => a.Name == spec.Name))
                {
                    _arguments.Add(spec with { Description = $"[{p.Name}] {spec.Description}" });
                }
            }
        }

        _arguments.Insert(0, new("model", $"channel model: {string.Join(" | ", modelNames)} (default impairment: identity unless delay, gain_db or noise_db are given)"));
    }

    /// <inheritdoc />
    public string Name => "loopback";

    /// <inheritdoc />
    public string Description => "in-process radio whose receiver hears its transmitter through a channel model";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments => _arguments;

    /// <inheritdoc />
    public bool IsAvailable(out string reason)
    {
        reason = string.Empty;
        return true;
    }

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        arguments.ThrowIfUnknown(Name, _arguments);
        _ = arguments.GetInt64("channels", 1, 1, 16);
        _ = arguments.GetBoolean("realtime", false);
        Model(arguments).Validate(arguments);
    }

    /// <inheritdoc />
    public IReadOnlyList<RadioDeviceInfo> Find(RadioArguments arguments) =>
        [new RadioDeviceInfo(Name, "in-process loopback", arguments?.ToString() ?? string.Empty)];

    /// <inheritdoc />
    public IRadio Open(RadioArguments arguments)
    {
        Validate(arguments);
        ISampleChannelProvider model = Model(arguments);
        return new LoopbackRadio(
            (int)arguments.GetInt64("channels", 1, 1, 16),
            (tx, rx, rate) => model.Create(arguments, tx, rx, rate),
            arguments.GetBoolean("realtime", false));
    }

    private ISampleChannelProvider Model(RadioArguments arguments)
    {
        string name = arguments.GetString("model", "impairment");
        return _models.TryGetValue(name, out ISampleChannelProvider? p)
            ? p
            : throw new RadioArgumentException("model", $"radio argument model={name} is not valid; valid: {string.Join(" | ", _models.Keys)}.");
    }
}
