using System.Collections.Generic;

namespace OpenRan.Radio.Channels;

/// <summary><c>model=ideal</c>: the identity channel.</summary>
public sealed class IdealChannelProvider : ISampleChannelProvider
{
    /// <inheritdoc />
    public string Name => "ideal";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments => [];

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
    }

    /// <inheritdoc />
    public ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz) => new IdealChannel();
}
