using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A tapped-delay-line power delay profile with absolute delays: the delay/power table of a TDL model after delay
/// scaling (TR 38.901 §7.7.3), or a fixed profile of TS 38.104 Annex G / TS 38.101-4 Annex B.
/// </summary>
public sealed class PowerDelayProfile
{
    private readonly ChannelTap[] _taps;

    /// <summary>Creates a profile named <paramref name="name"/> from its taps (at least one; delays ≥ 0; powers finite).</summary>
    public PowerDelayProfile(string name, IReadOnlyList<ChannelTap> taps)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(taps);
        if (taps.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(taps), "a power delay profile needs at least one tap.");
        }

        _taps = new ChannelTap[taps.Count];
        for (int i = 0; i < taps.Count; i++)
        {
            ChannelTap tap = taps[i];
            if (!(tap.DelaySeconds >= 0) || double.IsInfinity(tap.DelaySeconds))
            {
                ThrowHelper.ThrowOutOfRange($"{nameof(taps)}[{i}].{nameof(ChannelTap.DelaySeconds)}", tap.DelaySeconds, "a finite delay ≥ 0 s");
            }

            if (!double.IsFinite(tap.PowerDb))
            {
                ThrowHelper.ThrowOutOfRange($"{nameof(taps)}[{i}].{nameof(ChannelTap.PowerDb)}", tap.PowerDb, "a finite power in dB");
            }

            _taps[i] = tap;
        }

        Name = name;
    }

    /// <summary>The profile's name, e.g. <c>TDLB100</c> or <c>TDL-C (DS = 300 ns)</c>.</summary>
    public string Name { get; }

    /// <summary>The taps in table order.</summary>
    public IReadOnlyList<ChannelTap> Taps => _taps;

    /// <summary>The largest tap delay in seconds.</summary>
    public double MaximumDelaySeconds
    {
        get
        {
            double max = 0;
            foreach (ChannelTap tap in _taps)
            {
                max = Math.Max(max, tap.DelaySeconds);
            }

            return max;
        }
    }

    /// <summary>
    /// The linear tap powers normalised to a total of one, in table order (the channel's average power gain is 1, so that
    /// the SNR at each receive antenna is the configured SNR).
    /// </summary>
    public double[] NormalizedLinearPowers()
    {
        double total = 0;
        var powers = new double[_taps.Length];
        for (int i = 0; i < _taps.Length; i++)
        {
            powers[i] = Math.Pow(10, _taps[i].PowerDb / 10);
            total += powers[i];
        }

        for (int i = 0; i < powers.Length; i++)
        {
            powers[i] /= total;
        }

        return powers;
    }

    /// <summary>The RMS delay spread of the profile in seconds (square root of the second central moment of the normalised power delay profile).</summary>
    public double RmsDelaySpreadSeconds()
    {
        double[] p = NormalizedLinearPowers();
        double mean = 0;
        double second = 0;
        for (int i = 0; i < p.Length; i++)
        {
            mean += p[i] * _taps[i].DelaySeconds;
            second += p[i] * _taps[i].DelaySeconds * _taps[i].DelaySeconds;
        }

        return Math.Sqrt(Math.Max(0, second - (mean * mean)));
    }

    /// <summary>A single static tap of unit gain at <paramref name="delaySeconds"/>: the flat channel used for AWGN links.</summary>
    public static PowerDelayProfile SingleStaticTap(double delaySeconds = 0) =>
        new("static", [new ChannelTap(delaySeconds, 0, TapKind.Static)]);

    /// <summary>A single Rayleigh tap at delay 0: flat (frequency-non-selective) fading.</summary>
    public static PowerDelayProfile FlatRayleigh() => new("flat-rayleigh", [new ChannelTap(0, 0, TapKind.Rayleigh)]);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({_taps.Length} taps, max delay {MaximumDelaySeconds * 1e9:F1} ns)");
}
