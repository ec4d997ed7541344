namespace OpenRan.Engine.Ue.Downlink;

/// <summary>Wall-clock time per stage of one <see cref="UeDownlinkReceiver.Decode"/> call, in milliseconds, with the counts.</summary>
public sealed record UeDownlinkTimings
{
    /// <summary>The initial cell search (every candidate and frequency offset hypothesis tried).</summary>
    public double CellSearchMs { get; init; }

    /// <summary>Re-finding and decoding the SS/PBCH blocks while following the cell.</summary>
    public double BlocksMs { get; init; }

    /// <summary>Candidate block positions examined.</summary>
    public int Blocks { get; init; }

    /// <summary>Mixing and OFDM demodulation of the slots searched.</summary>
    public double SlotDemodulationMs { get; init; }

    /// <summary>Slots demodulated and searched.</summary>
    public int Slots { get; init; }

    /// <summary>PDCCH blind search in those slots.</summary>
    public double PdcchMs { get; init; }

    /// <summary>PDSCH receptions (channel estimation, demodulation, LDPC, CRC).</summary>
    public double PdschMs { get; init; }

    /// <summary>PDSCH receptions attempted.</summary>
    public int Pdsch { get; init; }
}
