using System;
using OpenRan.Dsp;

namespace OpenRan.Engine.Ue.Runtime;

/// <summary>
/// The UE's N_TA from Timing Advance Commands (TS 38.321 §6.1.3.4 MAC CE, TS 38.213 §4.2), applied when the
/// specification says: a command received in a PDSCH that ends in (downlink, hence uplink) slot n adjusts the uplink
/// timing from the beginning of uplink slot n + k + 1, with
/// k = ⌈N_slot^subframe,μ · (N_T,1 + N_T,2 + N_TA,max + 0.5) / T_sf⌉ (<see cref="DelaySlots"/>). Each command moves N_TA
/// by (T_A − 31)·16·64/2^μ T_c. Commands wait in a fixed ring (no allocation per slot).
/// </summary>
public sealed class UplinkTimingAdvance
{
    private const int RingSize = 64;

    private readonly int _delaySlots;
    private readonly long[] _applyFrom = new long[RingSize];
    private readonly long[] _stepsAfter = new long[RingSize];
    private int _head;
    private int _count;
    private long _received;

    /// <summary>The UE's timing advance bookkeeping for numerology <paramref name="mu"/> (0..3).</summary>
    public UplinkTimingAdvance(int mu)
    {
        _delaySlots = DelaySlots(mu);
    }

    /// <summary>k of TS 38.213 §4.2 for this numerology.</summary>
    public int K => _delaySlots;

    /// <summary>The sum of T_A − 31 of the commands applied so far (in effect for the last slot asked about).</summary>
    public long AppliedSteps { get; private set; }

    /// <summary>The downlink slot of the PDSCH that carried the last command with a non-zero step (−1: none).</summary>
    public long LastCommandSlot { get; private set; } = -1;

    /// <summary>The sum of T_A − 31 of every command received (applied or pending).</summary>
    public long ReceivedSteps => _received;

    /// <summary>
    /// k = ⌈N_slot^subframe,μ · (N_T,1 + N_T,2 + N_TA,max + 0.5) / T_sf⌉ (TS 38.213 §4.2): N_T,1 the duration of N_1
    /// symbols, the PDSCH processing time of UE capability 1 with additional DM-RS (TS 38.214 Table 5.3-1: 14, 13, 20, 24
    /// for μ = 0..3; §4.2 takes N_1,0 = 14 for μ = 0); N_T,2 of N_2 symbols, the PUSCH preparation time of capability 1
    /// (TS 38.214 Table 6.4-1: 10, 12, 23, 36); N_TA,max the largest N_TA a 12-bit T_A gives, 3846·16·64/2^μ T_c;
    /// T_sf = 1 ms. A symbol lasts (2048 + 144)·64/2^μ T_c (normal cyclic prefix): k = 5, 5, 8, 11 for μ = 0..3.
    /// </summary>
    public static int DelaySlots(int mu)
    {
        ThrowHelper.ThrowIfOutside(mu, 0, 3);
        ReadOnlySpan<int> n1 = [14, 13, 20, 24];
        ReadOnlySpan<int> n2 = [10, 12, 23, 36];
        const double TcMs = 1e3 / (480e3 * 4096);
        double symbolMs = (2048 + 144) * 64.0 / (1 << mu) * TcMs;
        double taMaxMs = 3846 * 16 * 64.0 / (1 << mu) * TcMs;
        double slotsPerSubframe = 1 << mu;
        return (int)Math.Ceiling(slotsPerSubframe * ((n1[mu] * symbolMs) + (n2[mu] * symbolMs) + taMaxMs + 0.5) / 1.0);
    }

    /// <summary>
    /// Records that the PDSCH of downlink slot <paramref name="slot"/> carried Timing Advance Commands summing
    /// <paramref name="steps"/> (T_A − 31 each); they apply from uplink slot <paramref name="slot"/> + k + 1.
    /// </summary>
    public void Receive(long slot, long steps)
    {
        if (steps == 0)
        {
            return;
        }

        _received += steps;
        LastCommandSlot = slot;
        if (_count == RingSize)
        {
            // Cannot happen (one PDSCH per slot, k + 1 slots pending at most): apply the oldest now rather than lose it.
            AppliedSteps = _stepsAfter[_head];
            _head = (_head + 1) % RingSize;
            _count--;
        }

        int tail = (_head + _count) % RingSize;
        _applyFrom[tail] = slot + _delaySlots + 1;
        _stepsAfter[tail] = _received;
        _count++;
    }

    /// <summary>The sum of T_A − 31 in effect for uplink slot <paramref name="slot"/> (slots asked about in increasing order).</summary>
    public long StepsFor(long slot)
    {
        while (_count > 0 && _applyFrom[_head] <= slot)
        {
            AppliedSteps = _stepsAfter[_head];
            _head = (_head + 1) % RingSize;
            _count--;
        }

        return AppliedSteps;
    }

    /// <summary>Forgets every command (a new attach).</summary>
    public void Reset()
    {
        _head = 0;
        _count = 0;
        _received = 0;
        AppliedSteps = 0;
        LastCommandSlot = -1;
    }
}
