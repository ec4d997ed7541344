using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Radio.Streaming;

namespace OpenRan.Simulation.Waveforms;

/// <summary>
/// A downlink waveform as a stream of slots: each <see cref="NextSlot"/> composes the next absolute slot with a
/// <see cref="DownlinkSlotComposer"/> and OFDM-modulates every antenna port into a <see cref="SampleBlock{T}"/>, scaled by
/// <see cref="Scale"/>. Slots follow each other without gaps, frame after frame (the SFN counts on), so a source feeding a
/// radio loops the waveform's period seamlessly.
/// </summary>
/// <remarks>Buffers are sized at construction; once the waveform's period has been seen, a slot allocates nothing.</remarks>
public sealed class DownlinkWaveformSource
{
    private readonly DownlinkSlotComposer _composer;
    private readonly SampleBlock<ComplexF32> _block;
    private long _slot;

    /// <summary>Builds the composer for <paramref name="configuration"/>; samples are multiplied by <paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentException">The configuration is invalid (the message lists every problem).</exception>
    public DownlinkWaveformSource(DownlinkWaveformConfiguration configuration, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!float.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "a finite scale > 0");
        }

        _composer = new DownlinkSlotComposer(configuration);
        Scale = scale;
        _block = new SampleBlock<ComplexF32>(configuration.Carrier.AntennaPortCount, _composer.Timing.MaxSlotSampleCount);
    }

    /// <summary>The composer (its grid and annotations describe the last slot).</summary>
    public DownlinkSlotComposer Composer => _composer;

    /// <summary>The configuration.</summary>
    public DownlinkWaveformConfiguration Configuration => _composer.Configuration;

    /// <summary>The sample rate, Hz.</summary>
    public double SampleRateHz => _composer.Timing.SampleRateHz;

    /// <summary>Antenna ports (channels of each block).</summary>
    public int PortCount => _block.ChannelCount;

    /// <summary>The amplitude factor applied to the modulated samples.</summary>
    public float Scale { get; }

    /// <summary>The absolute slot the next <see cref="NextSlot"/> composes.</summary>
    public long Slot => _slot;

    /// <summary>Samples written so far (the timestamp of the next block).</summary>
    public long SampleCount { get; private set; }

    /// <summary>
    /// The factor that puts the RMS of a fully loaded carrier (unit energy in every resource element) at
    /// <paramref name="rmsDbfs"/> dB relative to full scale 1.0 (the OFDM modulator scales by 1/N_FFT, TS 38.211 §5.3.1).
    /// </summary>
    public static float ScaleForRms(DownlinkCarrier carrier, double rmsDbfs)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        OfdmTiming timing = carrier.Timing();
        double fullLoadRms = Math.Sqrt(carrier.SubcarrierCount) / timing.FftSize;
        return (float)(Math.Pow(10, rmsDbfs / 20) / fullLoadRms);
    }

    /// <summary>Composes and modulates the next slot; the returned block (owned by this source) holds every port's samples.</summary>
    public SampleBlock<ComplexF32> NextSlot()
    {
        _composer.Compose(_slot);
        int n = _composer.SlotSampleCount(_slot);
        _block.Count = n;
        _block.TimestampSamples = SampleCount;
        for (int port = 0; port < _block.ChannelCount; port++)
        {
            Span<ComplexF32> samples = _block[port];
            _composer.Modulate(port, samples);
            if (Scale != 1f)
            {
                ComplexKernels.Scale(samples, Scale, samples);
            }
        }

        _slot++;
        SampleCount += n;
        return _block;
    }
}
