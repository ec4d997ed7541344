using System;

namespace OpenRan.Radio.Channels;

/// <summary>Creates <see cref="ISampleChannel"/>s by model name for the loopback driver (<c>model=NAME</c>).</summary>
public interface ISampleChannelProvider
{
    /// <summary>The model name.</summary>
    string Name { get; }

    /// <summary>The driver arguments the model reads (validated by the loopback driver).</summary>
    System.Collections.Generic.IReadOnlyList<RadioArgumentSpec> Arguments { get; }

    /// <summary>Validates the model's arguments (throws <see cref="ArgumentException"/> naming a bad one).</summary>
    void Validate(RadioArguments arguments);

    /// <summary>Creates the channel from transmit channel <paramref name="txChannel"/> to receive channel <paramref name="rxChannel"/>.</summary>
    ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz);
}
