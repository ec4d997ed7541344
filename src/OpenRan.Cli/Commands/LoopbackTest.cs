using System.Diagnostics;
using OpenRan.Dsp;
using OpenRan.Radio;

namespace OpenRan.Cli.Commands;

/// <summary>
/// Exchanges a known QPSK pattern between the transmit and receive streams of one radio: transmits two blocks ahead of
/// what it reads, finds the delay from the first received energy, and checks every later sample's I/Q signs against
/// the pattern, so it works through gain, delay and moderate noise.
/// </summary>
internal static class LoopbackTest
{
    /// <summary>|x|² above which the first pattern sample is detected (the pattern has |x|² = 0.5; noise at −20 dBFS stays below).</summary>
    private const float DetectionThreshold = 0.1f;

    /// <summary>The pattern sample at timestamp <paramref name="t"/>: ±0.5 ± 0.5j from a multiplicative hash of t.</summary>
    public static ComplexF32 Pattern(long t)
    {
        ulong h = (ulong)t * 0x9E3779B97F4A7C15UL;
        return new ComplexF32((h >> 63) == 0 ? 0.5f : -0.5f, ((h >> 62) & 1) == 0 ? 0.5f : -0.5f);
    }

    public static LoopbackResult Run(IRadio radio, RadioConfiguration config, int blockSamples, long totalSamples)
    {
        var rx = new ComplexF32[blockSamples];
        var tx = new ComplexF32[blockSamples];
        long firstTx = 2L * blockSamples;
        long txTs = firstTx;
        long expected = 0;
        long gaps = 0;
        long? delay = null;
        long checkedCount = 0;
        long errors = 0;
        radio.Start();
        var watch = Stopwatch.StartNew();
        while (expected < totalSamples)
        {
            long ts = 0;
            int got = radio.Rx.Read(rx, ref ts);
            if (got == 0)
            {
                break;
            }

            if (ts != expected)
            {
                gaps++;
            }

            for (int i = 0; i < got; i++)
            {
                long t = ts + i;
                if (delay is null)
                {
                    if (rx[i].MagnitudeSquared > DetectionThreshold)
                    {
                        delay = t - firstTx;
                    }
                    else
                    {
                        continue;
                    }
                }

                ComplexF32 p = Pattern(t - delay.Value);
                checkedCount++;
                if ((rx[i].Re > 0) != (p.Re > 0) || (rx[i].Im > 0) != (p.Im > 0))
                {
                    errors++;
                }
            }

            expected = ts + got;
            for (int i = 0; i < tx.Length; i++)
            {
                tx[i] = Pattern(txTs + i);
            }

            radio.Tx.Write(tx, ref txTs);
        }

        double wall = watch.Elapsed.TotalSeconds;

        // The events of the exchange; stopping then drops the two blocks written ahead, by design, not by fault.
        RadioEventCounters events = radio.Events.Snapshot();
        radio.Stop();
        var failures = new System.Collections.Generic.List<string>();
        if (expected < totalSamples)
        {
            failures.Add($"received {expected} of {totalSamples} samples: the stream stopped delivering (stream timeout {config.StreamTimeout.TotalSeconds} s).");
        }

        if (delay is null)
        {
            failures.Add("the transmitted pattern never arrived (no sample above the detection threshold), so no delay was measured.");
        }

        if (errors > 0)
        {
            failures.Add($"{errors} of {checkedCount} received samples differ from the transmitted pattern.");
        }

        if (gaps > 0)
        {
            failures.Add($"{gaps} read(s) did not continue the previous timestamp.");
        }

        if (!events.IsClean)
        {
            failures.Add($"the radio reported events: {events.Describe()}.");
        }

        // Rates are defined only over a measured, non-empty interval (never a division by ~0 after a fault).
        bool measured = expected > 0 && wall > 0;
        return new LoopbackResult(
            expected,
            wall,
            measured ? expected / wall / 1e6 : double.NaN,
            measured ? expected / config.SampleRateHz / wall : double.NaN,
            delay,
            checkedCount,
            errors,
            gaps,
            events,
            failures);
    }
}
