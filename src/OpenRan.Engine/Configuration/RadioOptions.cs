namespace OpenRan.Engine.Configuration;

/// <summary>The <c>radio:</c> section.</summary>
public sealed record RadioOptions
{
    /// <summary>Driver name: zmq, file, loopback, soapy, hackrf.</summary>
    public string Driver { get; init; } = "loopback";

    /// <summary>Driver arguments (<c>key=value,…</c>).</summary>
    public string Args { get; init; } = string.Empty;

    /// <summary>Sample rate in Hz; null picks the compact FFT size (srsRAN's rates: 23.04 Msps at 20 MHz/15 kHz).</summary>
    public double? SampleRateHz { get; init; }

    /// <summary>Transmit gain in dB.</summary>
    public double TxGainDb { get; init; }

    /// <summary>Receive gain in dB.</summary>
    public double RxGainDb { get; init; }

    /// <summary>TX time advance in samples: transmit samples are stamped this much earlier (radio time alignment).</summary>
    public int TxTimeAdvanceSamples { get; init; }

    /// <summary>Amplitude of the baseband relative to full scale (keeps OFDM peaks below clipping), 1e-4..1.</summary>
    public double BasebandScale { get; init; } = 0.05;
}
