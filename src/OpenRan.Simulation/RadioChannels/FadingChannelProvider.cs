using System;
using System.Collections.Generic;
using OpenRan.Radio;
using OpenRan.Radio.Channels;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.RadioChannels;

/// <summary>
/// <c>model=fading</c> for the loopback radio: the simulation's propagation channels (TDL fading, CFO, timing offset,
/// phase noise, AWGN) between one transmit and one receive channel, so a gNB and a UE (or a receiver test) can run over
/// 3GPP channel conditions in process. Each (transmit, receive) pair fades independently (seed derived from
/// <c>seed</c>, the transmit and the receive channel); antenna correlation across pairs is not modelled here.
/// </summary>
public sealed class FadingChannelProvider : ISampleChannelProvider
{
    /// <inheritdoc />
    public string Name => "fading";

    /// <inheritdoc />
    public IReadOnlyList<RadioArgumentSpec> Arguments =>
    [
        new("propagation", "propagation condition: AWGN, TDLA30-10, TDLB100-400, TDLC300-100, TDL<A..E><DS ns>-<fD Hz> (default TDLA30-10)"),
        new("noise_db", "AWGN power in dB relative to a full-scale (|x| = 1) sample, -300..100 (default: no noise)"),
        new("cfo_hz", "carrier frequency offset in Hz (default 0)"),
        new("timing_offset_ns", "extra delay in ns, 0..1e6 (default 0)"),
        new("phase_noise_hz", "Wiener phase-noise linewidth in Hz, 0..1e7 (default 0)"),
        new("seed", "seed of fading and noise, 0..2^63-1 (default 1)"),
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
        (PropagationConditions conditions, double? noiseDb, ulong seed) = Read(arguments);
        ulong linkSeed = SeedSequence.Derive(seed, (ulong)txChannel, (ulong)rxChannel);
        return new FadingSampleChannel(new LinkChannel(conditions, sampleRateHz, 1, 1, LinkDirection.Uplink, GaussianNoiseGenerator.Vectorized), noiseDb, linkSeed);
    }

    private static (PropagationConditions Conditions, double? NoiseDb, ulong Seed) Read(RadioArguments a)
    {
        PropagationConditions named;
        try
        {
            named = PropagationConditions.Parse(a.GetString("propagation", "TDLA30-10"));
        }
        catch (FormatException e)
        {
            throw new RadioArgumentException("propagation", "radio argument " + e.Message);
        }

        PropagationConditions conditions = named with
        {
            FrequencyOffsetHz = a.GetDouble("cfo_hz", 0, -1e6, 1e6),
            TimingOffsetSeconds = a.GetDouble("timing_offset_ns", 0, 0, 1e6) * 1e-9,
            PhaseNoiseLinewidthHz = a.GetDouble("phase_noise_hz", 0, 0, 1e7),
        };
        double? noise = a.Contains("noise_db") ? a.GetDouble("noise_db", 0, -300, 100) : null;
        return (conditions, noise, (ulong)a.GetInt64("seed", 1, 0, long.MaxValue));
    }
}
