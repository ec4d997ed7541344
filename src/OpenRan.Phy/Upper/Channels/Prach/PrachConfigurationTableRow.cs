using System.Collections.Generic;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// One row of a random-access configuration table (TS 38.211 Tables 6.3.3.2-2, -3, -4), indexed by
/// prach-ConfigurationIndex.
/// </summary>
/// <param name="Index">prach-ConfigurationIndex, 0..255.</param>
/// <param name="Format">The preamble format; for the combined rows (A1/B1, A2/B2, A3/B3) the A format.</param>
/// <param name="LastOccasionFormat">
/// For the combined rows, the B format used by the last PRACH occasion of a PRACH slot (TS 38.211 §6.3.3.2); otherwise null.
/// </param>
/// <param name="X">x of n_SFN mod x = y.</param>
/// <param name="Y">y (one value, or two in some FR2 rows).</param>
/// <param name="SubframeNumbers">FR1: subframe numbers 0..9; FR2: 60 kHz slot numbers 0..39 within the frame.</param>
/// <param name="StartingSymbol">The starting symbol l_0.</param>
/// <param name="PrachSlotsPerUnit">
/// Number of PRACH slots within a subframe (FR1) or within a 60 kHz slot (FR2): 1 or 2; 0 for the long formats ("-").
/// </param>
/// <param name="OccasionsPerPrachSlot">N_t^RA,slot, PRACH occasions within a PRACH slot; 0 for the long formats.</param>
/// <param name="Duration">N_dur^RA, the PRACH duration in symbols of Δf_RA; 0 for the long formats.</param>
public sealed record PrachConfigurationTableRow(
    int Index,
    PrachPreambleFormat Format,
    PrachPreambleFormat? LastOccasionFormat,
    int X,
    IReadOnlyList<int> Y,
    IReadOnlyList<int> SubframeNumbers,
    int StartingSymbol,
    int PrachSlotsPerUnit,
    int OccasionsPerPrachSlot,
    int Duration)
{
    /// <summary>Whether the row describes a long preamble (formats 0–3).</summary>
    public bool IsLongFormat => Format <= PrachPreambleFormat.Format3;

    /// <summary>Whether a PRACH occasion can be in system frame <paramref name="sfn"/> (n_SFN mod x ∈ y).</summary>
    public bool IsActiveFrame(int sfn)
    {
        // Indexed loops: enumerating the IReadOnlyList interface would allocate an enumerator on the slot path.
        int r = sfn % X;
        for (int i = 0; i < Y.Count; i++)
        {
            if (r == Y[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="unit"/> (subframe in FR1, 60 kHz slot in FR2) holds PRACH slots.</summary>
    public bool ContainsUnit(int unit)
    {
        for (int i = 0; i < SubframeNumbers.Count; i++)
        {
            if (SubframeNumbers[i] == unit)
            {
                return true;
            }
        }

        return false;
    }
}
