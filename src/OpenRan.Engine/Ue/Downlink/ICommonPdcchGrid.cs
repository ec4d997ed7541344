using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// A demodulated band that holds a CORESET whose DCI format 1_0 schedules PDSCH inside the same band: CORESET#0's band
/// (<see cref="SlotDemodulator"/>) or the carrier with a described CORESET (<see cref="CoresetMonitor"/>).
/// </summary>
internal interface ICommonPdcchGrid
{
    /// <summary>The last demodulated slot.</summary>
    ResourceGrid Grid { get; }

    /// <summary>The CORESET searched.</summary>
    Coreset Coreset { get; }

    /// <summary>The DCI 0_0/1_0 sizes (and fields) of the search space.</summary>
    DciSizes0_0And1_0 DciSizes { get; }

    /// <summary>The payload sizes a blind search tries: the DCI 1_0 size only.</summary>
    int[] DciSizeList { get; }

    /// <summary>N_RB of the DCI's frequency domain resource assignment (TS 38.212 §7.3.1.2.1).</summary>
    int FdraBwpSize { get; }

    /// <summary>The PDSCH that a DCI 1_0 allocation in this CORESET schedules.</summary>
    PdschConfiguration PdschFor(CellContext cell, UeDownlinkAllocation allocation, int rnti, bool siType0, int slot);
}
