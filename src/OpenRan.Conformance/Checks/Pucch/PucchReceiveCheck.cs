using OpenRan.Phy.Common;

namespace OpenRan.Conformance.Checks.Pucch;

/// <summary>TEMPORARY.</summary>
internal sealed class PucchReceiveCheck(PucchVector vector, double snrDb, int seed)
{
    public string? Receive(ResourceGrid grid, int slot, PucchSlotUci uci) => vector is null || snrDb < -1000 || seed == 0 || grid is null || slot < 0 || uci is null ? "x" : null;
}
