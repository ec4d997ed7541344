using System;
using System.Diagnostics;
using System.Globalization;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran decode --driver …</c>: reads <c>--seconds</c> of one receive channel from a radio of the same factory as
/// <c>openran gnb</c> (zmq, soapy, hackrf, file, loopback) into memory, to be decoded like a recording. The file driver's
/// replay says its sample rate and centre frequency; every other driver needs <c>--sample-rate</c> and
/// <c>--center-frequency</c>. Reading stops early when the radio stops, a file replay ends, or nothing arrives for
/// <see cref="SilenceLimit"/>.
/// </summary>
internal static class DecodeRadioInput
{
    /// <summary>How long reads may return nothing before the capture ends with what arrived.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(3);

    /// <summary>What was read: the samples, the sample rate and centre frequency, the radio's label and why reading stopped early (null when it did not).</summary>
    public sealed record Capture(ComplexF32[] Samples, double SampleRateHz, double? CenterFrequencyHz, string Label, string? StoppedEarly);

    /// <summary>Opens <paramref name="driver"/> with <paramref name="arguments"/> and reads <paramref name="seconds"/> of samples.</summary>
    /// <exception cref="ArgumentException">A radio argument or option is invalid (the message names it).</exception>
    /// <exception cref="RadioUnavailableException">The driver or device is not available.</exception>
    public static Capture Read(string driver, string? arguments, double? sampleRateHz, double? centreHz, double rxGainDb, double seconds)
    {
        using IRadio radio = RadioCommand.CreateFactory().Open(driver, RadioArguments.Parse(arguments));
        double rate;
        double? centre = centreHz;
        if (radio is SigMfRadio { ReplayMetadata: { } replay })
        {
            rate = replay.SampleRateHz;
            if (sampleRateHz is double r && Math.Abs(r - rate) > 1e-6 * rate)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--sample-rate {r:G} Hz contradicts the replayed recording's core:sample_rate {rate:G} Hz (--args rx=…)."));
            }

            double? replayCentre = replay.Captures.Count > 0 ? replay.Captures[0].FrequencyHz : null;
            if (centreHz is double c && replayCentre is double m && Math.Abs(c - m) > 1)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--center-frequency {c:G} Hz contradicts the replayed recording's core:frequency {m:G} Hz (--args rx=…)."));
            }

            centre ??= replayCentre;
        }
        else
        {
            rate = sampleRateHz ?? throw new ArgumentException($"--driver {driver} needs --sample-rate (Hz) and --center-frequency (Hz): the radio is tuned to them.");
            if (centre is null)
            {
                throw new ArgumentException($"--driver {driver} needs --center-frequency (Hz): the radio is tuned to it.");
            }
        }

        double total = Math.Round(seconds * rate);
        if (total > int.MaxValue / 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--seconds {seconds:G} at {rate:G} Hz is {total:G} samples, more than this decoder holds in memory ({int.MaxValue / 2}); valid: --seconds ≤ {int.MaxValue / 2 / rate:F1}."));
        }

        radio.Configure(new RadioConfiguration
        {
            SampleRateHz = rate,
            RxCenterFrequencyHz = centre ?? 1e9,
            TxCenterFrequencyHz = centre ?? 1e9,
            RxGainDb = rxGainDb,
            RxChannelCount = 1,
            TxChannelCount = 0,
            StreamFormat = SampleFormat.ComplexF32,
        });
        var samples = new ComplexF32[(int)total];
        int read = 0;
        string? stopped = null;
        var silence = Stopwatch.StartNew();
        radio.Start();
        try
        {
            while (read < samples.Length)
            {
                long timestamp = 0;
                int n = radio.Rx.Read(samples.AsSpan(read, Math.Min(8192, samples.Length - read)), ref timestamp);
                read += n;
                if (n > 0)
                {
                    silence.Restart();
                    continue;
                }

                if (radio is SigMfRadio { ReplayFinished: true })
                {
                    stopped = "the replayed recording ended";
                    break;
                }

                if (radio.State != RadioState.Streaming || silence.Elapsed >= SilenceLimit)
                {
                    stopped = radio.State != RadioState.Streaming ? $"the radio stopped ({radio.State})" : string.Create(CultureInfo.InvariantCulture, $"no samples for {SilenceLimit.TotalSeconds:0} s");
                    break;
                }
            }
        }
        finally
        {
            radio.Stop();
        }

        return new Capture(samples[..read], rate, centre, radio.Label, stopped);
    }
}
