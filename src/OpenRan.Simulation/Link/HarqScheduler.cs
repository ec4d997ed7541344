using System;
using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Link;

/// <summary>
/// Synchronous HARQ with immediate, error-free feedback over <see cref="ProcessCount"/> processes used in turn
/// (slot n serves process n mod N, so a retransmission comes N slots after the previous attempt, as in the NR link
/// examples): a process sends a new transport block with the first redundancy version, retransmits with the next
/// versions of the sequence (TS 38.212 §5.4.2.1; default 0, 2, 3, 1) while the CRC fails, and gives up after the maximum
/// number of transmissions. Counts every slot and transport block into <see cref="LinkCounters"/>.
/// </summary>
public sealed class HarqScheduler
{
    private readonly int[] _rvSequence;
    private readonly int[] _transmissions;

    /// <summary>Creates the scheduler.</summary>
    /// <param name="processCount">HARQ processes N (1 … 32).</param>
    /// <param name="maxTransmissions">The most transmissions of a transport block (1 = no HARQ; 1 … 16).</param>
    /// <param name="rvSequence">Redundancy versions of successive transmissions (each 0 … 3), cycled if shorter than the maximum.</param>
    public HarqScheduler(int processCount, int maxTransmissions, IReadOnlyList<int> rvSequence)
    {
        ThrowHelper.ThrowIfOutside(processCount, 1, 32);
        ThrowHelper.ThrowIfOutside(maxTransmissions, 1, 16);
        ArgumentNullException.ThrowIfNull(rvSequence);
        if (rvSequence.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(rvSequence), "at least one redundancy version is needed.");
        }

        _rvSequence = new int[rvSequence.Count];
        for (int i = 0; i < rvSequence.Count; i++)
        {
            ThrowHelper.ThrowIfOutside(rvSequence[i], 0, 3, $"{nameof(rvSequence)}[{i}]");
            _rvSequence[i] = rvSequence[i];
        }

        ProcessCount = processCount;
        MaxTransmissions = maxTransmissions;
        _transmissions = new int[processCount];
    }

    /// <summary>HARQ processes N.</summary>
    public int ProcessCount { get; }

    /// <summary>The most transmissions per transport block.</summary>
    public int MaxTransmissions { get; }

    /// <summary>
    /// Runs <paramref name="slotCount"/> slots from idle processes, calling <paramref name="link"/> once per slot, and returns
    /// the counts; every slot offers <paramref name="transportBlockBits"/> bits. Transport blocks still pending at the end
    /// count their transmissions but not as finished blocks. Allocation-free.
    /// </summary>
    public LinkCounters Run(int slotCount, int transportBlockBits, IHarqTransmission link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Array.Clear(_transmissions);
        long transmissionErrors = 0;
        long blocks = 0;
        long residual = 0;
        long decodedBits = 0;
        for (int slot = 0; slot < slotCount; slot++)
        {
            int process = slot % ProcessCount;
            bool newData = _transmissions[process] == 0;
            int rv = _rvSequence[_transmissions[process] % _rvSequence.Length];
            bool ok = link.Transmit(slot, process, rv, newData);
            _transmissions[process]++;
            if (ok)
            {
                blocks++;
                decodedBits += transportBlockBits;
                _transmissions[process] = 0;
                continue;
            }

            transmissionErrors++;
            if (_transmissions[process] >= MaxTransmissions)
            {
                blocks++;
                residual++;
                _transmissions[process] = 0;
            }
        }

        return new LinkCounters
        {
            Slots = slotCount,
            Transmissions = slotCount,
            TransmissionErrors = transmissionErrors,
            TransportBlocks = blocks,
            ResidualErrors = residual,
            DecodedBits = decodedBits,
            OfferedBits = (long)slotCount * transportBlockBits,
        };
    }
}
