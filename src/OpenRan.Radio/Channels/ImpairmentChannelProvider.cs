using System;
using System.Collections.Generic;

namespace OpenRan.Radio.Channels;

/// <summary><c>model=impairment</c>: <see cref="ImpairmentChannel"/> with <c>delay</c>, <c>gain_db</c>, <c>noise_db</c>, <c>seed</c>.</summary>
public sealed class ImpairmentChannelProvider : ISampleChannelProvider
{
    /// <inheritdoc />
    public string Name => "impairment";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments =>
    [
        new("delay", "integer delay in samples, 0..10000000 (default 0)"),
        new("gain_db", "gain in dB, -200..200 (default 0)"),
        new("noise_db", "AWGN power in dB relative to full scale, -300..100 (default: no noise)"),
        new("seed", "noise seed, 0..2^63-1 (default 1); receive channel c uses seed + c"),
    ];

    /// <inheritdoc />
    public void Validate(RadioArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _ = Read(arguments);
    }

    /// <inheritdoc />
    public ISampleChannel Create(RadioArguments arguments, int txChannel, int rxChannel, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        (int delay, double gainDb, double? noiseDb, long seed) = Read(arguments);
        return new ImpairmentChannel(delay, gainDb, noiseDb, (ulong)seed + (ulong)rxChannel);
    }

    private static (int Delay, double GainDb, double? NoiseDb, long Seed) Read(RadioArguments a) => (
        (int)a.GetInt64("delay", 0, 0, 10_000_000),
        a.GetDouble("gain_db", 0, -200, 200),
        a.Contains("noise_db") ? a.GetDouble("noise_db", 0, -300, 100) : null,
        a.GetInt64("seed", 1, 0, long.MaxValue));
}
