namespace OpenRan.Simulation.Link;

/// <summary>What a link simulator does in one slot for the HARQ process the scheduler chose.</summary>
public interface IHarqTransmission
{
    /// <summary>
    /// Transmits and receives one slot: a new transport block for <paramref name="harqProcess"/> when
    /// <paramref name="newData"/> (the receiver then clears that process's soft buffer), else a retransmission of its
    /// current block, with redundancy version <paramref name="redundancyVersion"/>. Returns true when the transport-block
    /// CRC passes after soft combining.
    /// </summary>
    bool Transmit(int slot, int harqProcess, int redundancyVersion, bool newData);
}
