using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using OpenRan.Dsp;
using OpenRan.Radio;
using OpenRan.Radio.SigMf;

namespace OpenRan.Cli.Commands;

/// <summary>
/// <c>openran decode --driver …</c>: one receive channel of a radio of the same factory as <c>openran gnb</c> (zmq, soapy,
/// hackrf, file, loopback), read block by block as the receiver asks for samples (it decodes them as they arrive and keeps
/// only about 30 ms), for <c>--seconds</c> or until <see cref="Cancel"/> (Ctrl+C). The file driver's replay says its
/// sample rate and centre frequency; every other driver needs <c>--sample-rate</c> and <c>--center-frequency</c>. The
/// stream ends early when the radio stops, a file replay ends, or nothing arrives for <see cref="SilenceLimit"/>.
/// </summary>
internal sealed class DecodeRadioInput : IDisposable
{
    /// <summary>How long reads may return nothing before the stream ends with what arrived.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(3);

    private const int MaxReadSamples = 8192;

    private readonly IRadio _radio;
    private readonly long _total;
    private readonly Stopwatch _silence = new();
    private volatile bool _cancelled;

    private DecodeRadioInput(IRadio radio, double rate, double? centre, double seconds)
    {
        _radio = radio;
        SampleRateHz = rate;
        CenterFrequencyHz = centre;
        Seconds = seconds;
        _total = (long)Math.Round(seconds * rate);
    }

    /// <summary>The sample rate in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>The centre frequency in Hz (null when neither given nor replayed).</summary>
    public double? CenterFrequencyHz { get; }

    /// <summary><c>--seconds</c>.</summary>
    public double Seconds { get; }

    /// <summary>The radio's label.</summary>
    public string Label => _radio.Label;

    /// <summary>The samples delivered so far.</summary>
    public long SamplesRead { get; private set; }

    /// <summary>Why the stream ended before <c>--seconds</c> (null when it did not).</summary>
    public string? StoppedEarly { get; private set; }

    /// <summary>Opens <paramref name="driver"/> with <paramref name="arguments"/>, configures and starts it.</summary>
    /// <exception cref="ArgumentException">A radio argument or option is invalid (the message names it).</exception>
    /// <exception cref="RadioUnavailableException">The driver or device is not available.</exception>
    public static DecodeRadioInput Open(string driver, string? arguments, double? sampleRateHz, double? centreHz, double rxGainDb, double seconds)
    {
        IRadio radio = RadioCommand.CreateFactory().Open(driver, RadioArguments.Parse(arguments));
        try
        {
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
            var input = new DecodeRadioInput(radio, rate, centre, seconds);
            radio.Start();
            input._silence.Start();
            return input;
        }
        catch
        {
            radio.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> (up to 8192 samples) with the next samples, waiting for the radio; 0 when the
    /// stream has ended (<c>--seconds</c> read, <see cref="Cancel"/>, the radio stopped, a replay ended, or silence).
    /// </summary>
    public int Read(Span<ComplexF32> destination)
    {
        while (!_cancelled && SamplesRead < _total && StoppedEarly is null)
        {
            long timestamp = 0;
            int n = _radio.Rx.Read(destination[..(int)Math.Min(Math.Min(MaxReadSamples, destination.Length), _total - SamplesRead)], ref timestamp);
            if (n > 0)
            {
                SamplesRead += n;
                _silence.Restart();
                return n;
            }

            if (_radio is SigMfRadio { ReplayFinished: true })
            {
                StoppedEarly = "the replayed recording ended";
            }
            else if (_radio.State != RadioState.Streaming || _silence.Elapsed >= SilenceLimit)
            {
                StoppedEarly = _radio.State != RadioState.Streaming ? $"the radio stopped ({_radio.State})" : string.Create(CultureInfo.InvariantCulture, $"no samples for {SilenceLimit.TotalSeconds:0} s");
            }
            else
            {
                Thread.Yield();
            }
        }

        if (_cancelled && StoppedEarly is null && SamplesRead < _total)
        {
            StoppedEarly = "interrupted (Ctrl+C)";
        }

        return 0;
    }

    /// <summary>Ends the stream at the next read (Ctrl+C); thread-safe.</summary>
    public void Cancel() => _cancelled = true;

    /// <summary>Stops and closes the radio.</summary>
    public void Dispose()
    {
        try
        {
            _radio.Stop();
        }
        finally
        {
            _radio.Dispose();
        }
    }
}
