using System;
using OpenRan.Phy.Common;

namespace OpenRan.Engine.Timing;

/// <summary>
/// The engine's only notion of time: slot n starts at radio sample t0 + (n div 2^μ)·(samples per subframe) + (offset of
/// slot n mod 2^μ within its subframe), so slot lengths follow the long cyclic prefixes of TS 38.211 §5.3.1. The wall
/// clock never enters; a paced (or real) radio makes the engine real-time.
/// </summary>
public sealed class SlotClock
{
    private readonly OfdmTiming _timing;
    private readonly int _slotsPerSubframe;
    private readonly int _samplesPerSubframe;

    /// <summary>Creates the clock for <paramref name="timing"/> with slot 0 at radio timestamp <paramref name="startTimestamp"/>.</summary>
    public SlotClock(OfdmTiming timing, long startTimestamp = 0)
    {
        ArgumentNullException.ThrowIfNull(timing);
        _timing = timing;
        _slotsPerSubframe = timing.Numerology.SlotsPerSubframe;
        _samplesPerSubframe = timing.SamplesPerSubframe;
        StartTimestamp = startTimestamp;
    }

    /// <summary>t0: the radio timestamp of slot 0.</summary>
    public long StartTimestamp { get; }

    /// <summary>The largest slot length in samples.</summary>
    public int MaxSlotSampleCount => _timing.MaxSlotSampleCount;

    /// <summary>The radio timestamp where slot <paramref name="slotIndex"/> starts.</summary>
    public long SlotStart(long slotIndex) =>
        StartTimestamp + (slotIndex / _slotsPerSubframe * _samplesPerSubframe) + _timing.SlotOffsetInSubframe((int)(slotIndex % _slotsPerSubframe));

    /// <summary>Samples in slot <paramref name="slotIndex"/>.</summary>
    public int SlotLength(long slotIndex) => _timing.SlotSampleCount((int)(slotIndex % _slotsPerSubframe));

    /// <summary>The slot holding radio timestamp <paramref name="timestamp"/> (≥ t0).</summary>
    public long SlotAt(long timestamp)
    {
        long t = timestamp - StartTimestamp;
        long subframe = t / _samplesPerSubframe;
        long within = t - (subframe * _samplesPerSubframe);
        long slot = subframe * _slotsPerSubframe;
        for (int s = _slotsPerSubframe - 1; s > 0; s--)
        {
            if (within >= _timing.SlotOffsetInSubframe(s))
            {
                return slot + s;
            }
        }

        return slot;
    }
}
