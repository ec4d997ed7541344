namespace OpenRan.Engine.Ue.Downlink;

/// <summary>What a whole recording gave: the cell (if found) and counts, or the reason nothing could be decoded.</summary>
/// <param name="CellFound">An SS/PBCH block decoded (or a complete cell description was given).</param>
/// <param name="Pci">N_ID^cell (−1 when no cell).</param>
/// <param name="Problem">Why the recording could not be followed (null when it could).</param>
/// <param name="ProblemOption">The command-line option a contradiction concerns (e.g. <c>--pci</c>), or null.</param>
/// <param name="MibCount">MIBs decoded.</param>
/// <param name="PdschDecoded">PDSCH transport blocks whose CRC passed.</param>
/// <param name="PdschFailed">PDSCH transport blocks whose CRC failed.</param>
public sealed record UeDownlinkSummary(bool CellFound, int Pci, string? Problem, string? ProblemOption, int MibCount, int PdschDecoded, int PdschFailed)
{
    /// <summary>Where the decoding time went (wall clock of this process; figures depend on the machine and its load).</summary>
    public UeDownlinkTimings Timings { get; init; } = new();
}
