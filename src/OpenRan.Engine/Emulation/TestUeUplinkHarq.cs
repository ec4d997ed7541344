using System;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Emulation;

/// <summary>
/// The uplink HARQ entity of the emulated phy-test UE (TS 38.321 §5.4.2): each uplink grant (DCI 0_1/0_0 with its C-RNTI,
/// found by <see cref="TestUeDownlink"/>) names a HARQ process, an NDI and a redundancy version for the PUSCH K2 slots
/// later. A toggled NDI makes a new transport block (pseudo-random bytes) in that process; otherwise the process's block
/// is sent again with the grant's redundancy version. Allocation-free after construction.
/// </summary>
public sealed class TestUeUplinkHarq
{
    private const int MaxPending = 32;

    private readonly byte[][] _blocks;
    private readonly int[] _ndi;
    private readonly long[] _pendingSlot = new long[MaxPending];
    private readonly int[] _pendingProcess = new int[MaxPending];
    private readonly int[] _pendingRv = new int[MaxPending];
    private int _pendingCount;

    /// <summary>Prepares <paramref name="processes"/> HARQ processes for transport blocks of <paramref name="transportBlockBytes"/> bytes.</summary>
    public TestUeUplinkHarq(int processes, int transportBlockBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(processes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(transportBlockBytes, 1);
        _blocks = new byte[processes][];
        _ndi = new int[processes];
        for (int i = 0; i < processes; i++)
        {
            _blocks[i] = new byte[transportBlockBytes];
            _ndi[i] = -1;
        }
    }

    /// <summary>Uplink grants received.</summary>
    public long Grants { get; private set; }

    /// <summary>Grants that asked for a retransmission (NDI not toggled).</summary>
    public long Retransmissions { get; private set; }

    /// <summary>Records the grant of PUSCH slot <paramref name="puschSlot"/>.</summary>
    public void OnGrant(long puschSlot, int harqProcess, int newDataIndicator, int redundancyVersion)
    {
        if ((uint)harqProcess >= (uint)_blocks.Length || _pendingCount == MaxPending)
        {
            return;
        }

        Grants++;
        if (newDataIndicator != _ndi[harqProcess])
        {
            _ndi[harqProcess] = newDataIndicator;
            MacPdu.FillPseudoRandom(_blocks[harqProcess], (ulong)puschSlot * 0x9E3779B97F4A7C15UL);
        }
        else
        {
            Retransmissions++;
        }

        _pendingSlot[_pendingCount] = puschSlot;
        _pendingProcess[_pendingCount] = harqProcess;
        _pendingRv[_pendingCount++] = redundancyVersion;
    }

    /// <summary>
    /// The grant of slot <paramref name="slot"/>: its HARQ process (−1 when there is none) and redundancy version; grants of
    /// earlier slots are dropped.
    /// </summary>
    public int Take(long slot, out int redundancyVersion)
    {
        redundancyVersion = 0;
        int process = -1;
        int kept = 0;
        for (int i = 0; i < _pendingCount; i++)
        {
            if (_pendingSlot[i] == slot && process < 0)
            {
                process = _pendingProcess[i];
                redundancyVersion = _pendingRv[i];
                continue;
            }

            if (_pendingSlot[i] > slot)
            {
                _pendingSlot[kept] = _pendingSlot[i];
                _pendingProcess[kept] = _pendingProcess[i];
                _pendingRv[kept++] = _pendingRv[i];
            }
        }

        _pendingCount = kept;
        return process;
    }

    /// <summary>The transport block of HARQ process <paramref name="harqProcess"/>.</summary>
    public ReadOnlySpan<byte> TransportBlock(int harqProcess) => _blocks[harqProcess];

    /// <summary>Forgets every grant and block.</summary>
    public void Reset()
    {
        _pendingCount = 0;
        Array.Fill(_ndi, -1);
    }
}
