using System.Collections.Generic;

namespace OpenRan.Simulation.Measurement;

/// <summary>
/// What <see cref="DownlinkEvmAnalyzer"/> measured on a downlink recording: synchronisation, frequency error, EVM per
/// modulation, per OFDM symbol and per resource block, power and occupied bandwidth.
/// </summary>
public sealed record DownlinkEvmResult
{
    /// <summary>The reference waveform's name.</summary>
    public required string Waveform { get; init; }

    /// <summary>Sample rate, Hz.</summary>
    public required double SampleRateHz { get; init; }

    /// <summary>FFT size of the analysis.</summary>
    public required int FftSize { get; init; }

    /// <summary>Sample of the recording where a period of the reference waveform starts (slot 0 of its first frame), 0 ≤ value &lt; period.</summary>
    public required long FrameStartSample { get; init; }

    /// <summary>Slots analysed (whole slots of the recording carrying PDSCH).</summary>
    public required int SlotsAnalyzed { get; init; }

    /// <summary>Frequency error of the recording relative to its nominal centre, Hz (positive: the signal is high).</summary>
    public required double FrequencyErrorHz { get; init; }

    /// <summary>Frequency error in ppm of the carrier frequency (null without a carrier frequency).</summary>
    public double? FrequencyErrorPpm { get; init; }

    /// <summary>EVM window length W, samples.</summary>
    public required int EvmWindowSamples { get; init; }

    /// <summary>Cyclic prefix length used for W (normal CP), samples.</summary>
    public required int CyclicPrefixSamples { get; init; }

    /// <summary>RMS EVM per PDSCH modulation.</summary>
    public required IReadOnlyList<ModulationEvm> Evm { get; init; }

    /// <summary>RMS EVM over all PDSCH data, percent (larger window position).</summary>
    public required double EvmPercent { get; init; }

    /// <summary>RMS EVM per OFDM symbol of the slot (0..13), percent; NaN where no PDSCH data was measured.</summary>
    public required IReadOnlyList<double> EvmPerSymbolPercent { get; init; }

    /// <summary>RMS EVM per resource block of the carrier, percent; NaN where no PDSCH data was measured.</summary>
    public required IReadOnlyList<double> EvmPerRbPercent { get; init; }

    /// <summary>Mean power of the analysed slots, dB relative to full scale 1.0 (dBFS).</summary>
    public required double ChannelPowerDbfs { get; init; }

    /// <summary>99 % occupied bandwidth from the demodulated subcarriers, Hz.</summary>
    public required double OccupiedBandwidthHz { get; init; }

    /// <summary>Equalized constellation samples per modulation.</summary>
    public required IReadOnlyList<ConstellationSample> Constellations { get; init; }
}
