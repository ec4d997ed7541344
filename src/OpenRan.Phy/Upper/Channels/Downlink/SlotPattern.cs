using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Phy.Upper.Channels.Downlink;

/// <summary>
/// The slots a periodic transmission occupies: slot indices within a period of <see cref="PeriodSlots"/> slots, counted
/// from slot 0 of frame 0 (absolute slot = frame·N_slot^frame + slot).
/// </summary>
public sealed record SlotPattern
{
    private readonly bool[] _inPeriod;
    private readonly int[] _slots;

    /// <summary>Creates the pattern: <paramref name="slots"/> within a period of <paramref name="periodSlots"/> slots.</summary>
    public SlotPattern(int periodSlots, IEnumerable<int> slots)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (periodSlots < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periodSlots), periodSlots, "the period needs at least one slot");
        }

        _slots = [.. slots.Distinct().Order()];
        foreach (int s in _slots)
        {
            if (s < 0 || s >= periodSlots)
            {
                throw new ArgumentOutOfRangeException(nameof(slots), s, $"slot index: valid 0..{periodSlots - 1}");
            }
        }

        PeriodSlots = periodSlots;
        _inPeriod = new bool[periodSlots];
        foreach (int s in _slots)
        {
            _inPeriod[s] = true;
        }
    }

    /// <summary>Every slot.</summary>
    public static SlotPattern EverySlot { get; } = new(1, [0]);

    /// <summary>The period in slots.</summary>
    public int PeriodSlots { get; }

    /// <summary>The slots within the period, ascending.</summary>
    public IReadOnlyList<int> Slots => _slots;

    /// <summary>Whether absolute slot <paramref name="absoluteSlot"/> belongs to the pattern.</summary>
    public bool Contains(long absoluteSlot) => _inPeriod[(int)(((absoluteSlot % PeriodSlots) + PeriodSlots) % PeriodSlots)];

    /// <summary>Value equality.</summary>
    public bool Equals(SlotPattern? other) => other is not null && PeriodSlots == other.PeriodSlots && _slots.AsSpan().SequenceEqual(other._slots);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(PeriodSlots, _slots.Length);

    /// <summary>"every slot" or "slots 0,3 of 10".</summary>
    public override string ToString() => PeriodSlots == 1 ? "every slot" : $"slots {string.Join(",", _slots)} of {PeriodSlots}";
}
