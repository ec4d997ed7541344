using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;

namespace OpenRan.Cli.Bench;

/// <summary>Quick benchmark of the simulation channel (fading, impairments and noise) on one slot.</summary>
internal sealed class ChannelQuickBenchmark : IQuickBenchmark
{
    private readonly Option<string> _propagation = new("--propagation") { Description = "Propagation condition, e.g. AWGN, TDLA30-10, TDLB100-400, TDLC300-100.", DefaultValueFactory = _ => "TDLB100-400" };
    private readonly Option<int> _rx = new("--rx-antennas") { Description = "Receive antennas: 1, 2, 4, 8.", DefaultValueFactory = _ => 2 };
    private readonly Option<int> _fft = new("--fft-size") { Description = "FFT size at 15 kHz (sample rate = 15 kHz × size), 128 … 4096.", DefaultValueFactory = _ => 2048 };

    public string Name => "channel";

    public string Description => "LinkChannel.Process: TDL fading + AWGN on one 1 ms slot at 15 kHz, 1 Tx";

    public IReadOnlyList<Option> Options => [_propagation, _rx, _fft];

    public PreparedBenchmark Prepare(ParseResult options)
    {
        string name = options.GetValue(_propagation) ?? "TDLB100-400";
        int rx = options.GetValue(_rx);
        int fft = options.GetValue(_fft);
        ThrowHelper.ThrowIfOutside(fft, 128, 4096, "--fft-size");
        PropagationConditions conditions;
        try
        {
            conditions = PropagationConditions.Parse(name);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("--propagation: " + e.Message, e);
        }

        double rate = 15_000.0 * fft;
        int samples = 15 * fft; // one 1 ms slot at 15 kHz: 14 symbols of N + CP samples
        var channel = new LinkChannel(conditions, rate, 1, rx, LinkDirection.Uplink) { NoiseVariance = 0.01 };
        channel.Reset(1, 2);
        var tx = new ComplexF32[samples];
        var rxSamples = new ComplexF32[rx * samples];
        new ComplexGaussianSource(3).Generate(tx, 1);
        return new PreparedBenchmark(
            () => channel.Process(tx, rxSamples, samples),
            samples / 1e6,
            "Msample",
            new Dictionary<string, string>
            {
                ["propagation"] = conditions.Name,
                ["rx-antennas"] = rx.ToString(CultureInfo.InvariantCulture),
                ["sample-rate"] = (rate / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " Msps",
            },
            RealTimeBudgetMicroseconds: 1000);
    }
}
