using System;
using OpenRan.Dsp;
using OpenRan.Engine.Configuration;
using OpenRan.Radio.Channels;

namespace OpenRan.Engine.Tests.Emulation;

/// <summary>
/// Passes a signal through, but buries the first slot <c>slot()</c> names (a slot of the transmitter, arriving
/// <paramref name="delaySamples"/> later) in noise of <paramref name="noisePowerDb"/> dB: a jammed PRACH, Msg3 or PUCCH on
/// the uplink, or a jammed PDCCH and PDSCH on the downlink. Deterministic (seeded noise).
/// </summary>
internal sealed class SlotJammer(CellSetup cell, int delaySamples, double noisePowerDb, Func<long> slot) : ISampleChannel
{
    private readonly ImpairmentChannel _noise = new(0, 0, noisePowerDb, 77);
    private readonly Timing.SlotClock _clock = new(cell.Timing);
    private ComplexF32[] _noisy = [];
    private long _jammed = -1;

    /// <summary>The slot jammed (−1 before <c>slot()</c> named one).</summary>
    public long JammedSlot => _jammed;

    public void Apply(ReadOnlySpan<ComplexF32> tx, Span<ComplexF32> rx, long timestampSamples)
    {
        tx.CopyTo(rx);
        if (_jammed < 0 && slot() >= 0)
        {
            _jammed = slot();
        }

        if (_jammed < 0)
        {
            return;
        }

        long from = _clock.SlotStart(_jammed) + delaySamples;
        long to = _clock.SlotStart(_jammed + 1) + delaySamples;
        long start = Math.Max(from, timestampSamples);
        long end = Math.Min(to, timestampSamples + tx.Length);
        if (end <= start)
        {
            return;
        }

        if (_noisy.Length < tx.Length)
        {
            _noisy = new ComplexF32[tx.Length];
        }

        _noise.Apply(tx, _noisy.AsSpan(0, tx.Length), timestampSamples);
        _noisy.AsSpan((int)(start - timestampSamples), (int)(end - start)).CopyTo(rx[(int)(start - timestampSamples)..]);
    }

    public void Reset() => _jammed = -1;
}
