using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Lower.Ofdm;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// Demodulates slots of a recording onto a grid of whole common RBs: the samples are mixed so that the grid centre sits
/// at DC (removing the carrier frequency offset in the same step, with a continuous double-precision oscillator), then
/// OFDM-demodulated with the TS 38.211 §5.4 phase compensation at the grid centre's RF frequency (§5.3.1). The buffers are
/// sized at construction; demodulating a slot allocates nothing.
/// </summary>
internal sealed class BandDemodulator
{
    private readonly double _sampleRateHz;
    private readonly double _gridCentreOffsetHz;
    private readonly OfdmDemodulator _ofdm;
    private readonly ComplexF32[] _mixed;

    /// <summary>A grid of <paramref name="rbCount"/> RBs from common RB <paramref name="gridStartCrb"/>, centred at <paramref name="gridCentreHz"/>.</summary>
    /// <exception cref="ArgumentException">The sample rate does not hold the grid at this numerology.</exception>
    public BandDemodulator(double sampleRateHz, double recordingCentreHz, int mu, int gridStartCrb, int rbCount, double gridCentreHz)
    {
        _sampleRateHz = sampleRateHz;
        _gridCentreOffsetHz = gridCentreHz - recordingCentreHz;
        Timing = OfdmTiming.ForSampleRate(new Numerology(mu), CyclicPrefix.Normal, sampleRateHz, rbCount);
        _ofdm = new OfdmDemodulator(new OfdmConfiguration
        {
            Timing = Timing,
            NSizeGrid = rbCount,
            CarrierFrequencyHz = gridCentreHz,
            FftWindowOffsetSamples = Timing.CyclicPrefixLength(1) / 2,
        });
        _mixed = new ComplexF32[Timing.MaxSlotSampleCount];
        Grid = new ResourceGrid(1, NrConstants.SymbolsPerSlotNormalCp, rbCount * NrConstants.SubcarriersPerRb);
        Grid.Configure(1, NrConstants.SymbolsPerSlotNormalCp, rbCount, gridStartCrb);
    }

    /// <summary>The OFDM timing.</summary>
    public OfdmTiming Timing { get; }

    /// <summary>The last demodulated slot.</summary>
    public ResourceGrid Grid { get; }

    /// <summary>
    /// Mixes and demodulates the slot that starts at sample <paramref name="slotStart"/> of the recording into
    /// <see cref="Grid"/>; <paramref name="samples"/> starts at sample <paramref name="origin"/> (a window of a stream).
    /// </summary>
    public void Demodulate(ReadOnlySpan<ComplexF32> samples, long slotStart, int slot, double frequencyOffsetHz, long origin = 0)
    {
        int count = Timing.SlotSampleCount(slot);
        Span<ComplexF32> mixed = _mixed.AsSpan(0, count);
        ComplexMixer.Mix(samples.Slice((int)(slotStart - origin), count), -(_gridCentreOffsetHz + frequencyOffsetHz) / _sampleRateHz, slotStart, mixed);
        ComplexErasure.Erase(mixed);
        _ofdm.Demodulate(mixed, slot, Grid, 0);
    }
}
