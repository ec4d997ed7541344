using System;
using OpenRan.Engine.Configuration;
using OpenRan.Phy.Upper.Channels.Pucch;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The PUCCH resources of the <c>pucch:</c> list as PHY configurations (PUCCH-Resource of TS 38.331; TS 38.211 §6.3.2,
/// TS 38.213 §9.2): the phy-test UE's HARQ-ACK goes on resource 0 (PUCCH resource indicator 0, the list standing for
/// resource set 0), without intra-slot hopping, group hopping "neither", n_ID = N_ID^cell and n_RNTI = the test UE's
/// C-RNTI for the scrambling of formats 2–4.
/// </summary>
public static class CellPucch
{
    /// <summary>
    /// HARQ-ACK bits the phy-test scheduler puts in one occasion of resource <paramref name="index"/>: 1 for formats 0/1
    /// (so a UE that missed its DCI leaves the occasion empty, which the gNB detects as DTX), up to 8 for formats 2–4 (a
    /// missed DCI other than the occasion's last is found from the counter DAI, TS 38.213 §9.1.3.1, and sent as a NACK).
    /// </summary>
    public static int MaxHarqAckBits(CellSetup cell, int index)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Options.Pucch[index].Format <= 1 ? 1 : 8;
    }

    /// <summary>The PRBs of resource <paramref name="index"/>: first and last.</summary>
    public static (int First, int Last) Prbs(CellSetup cell, int index)
    {
        ArgumentNullException.ThrowIfNull(cell);
        PucchResourceOptions r = cell.Options.Pucch[index];
        return (r.StartPrb, r.StartPrb + (r.Format is 2 or 3 ? r.PrbCount : 1) - 1);
    }

    /// <summary>
    /// The sixteen PUCCH configurations (r_PUCCH = 0..15) of <c>pucch-resource-common</c> (TS 38.213 Table 9.2.1-1) in the
    /// initial uplink BWP, which is the carrier here; null when the key is absent. Allocates: at construction only.
    /// </summary>
    public static PucchConfiguration[]? CommonConfigurations(CellSetup cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Options.PucchResourceCommon is not int index)
        {
            return null;
        }

        PucchResourceCommon row = PucchResourceCommon.Row(index, cell.NRb);
        var configurations = new PucchConfiguration[PucchResourceCommon.ResourceCount];
        for (int r = 0; r < configurations.Length; r++)
        {
            configurations[r] = row.Configuration(cell, r);
        }

        return configurations;
    }

    /// <summary>The configuration of resource <paramref name="index"/> for the UE with <paramref name="rnti"/>.</summary>
    public static PucchConfiguration Configuration(CellSetup cell, int index, int rnti)
    {
        ArgumentNullException.ThrowIfNull(cell);
        PucchResourceOptions r = cell.Options.Pucch[index];
        var format = (PucchFormat)r.Format;
        return new PucchConfiguration
        {
            Format = format,
            Numerology = cell.Numerology.Mu,
            NStartBwp = 0,
            NSizeBwp = cell.NRb,
            NIdCell = cell.Pci,
            StartSymbol = r.StartSymbol,
            SymbolCount = r.SymbolCount,
            StartPrb = r.StartPrb,
            PrbCount = format is PucchFormat.Format2 or PucchFormat.Format3 ? r.PrbCount : 1,
            GroupHopping = PucchGroupHopping.Neither,
            InitialCyclicShift = format is PucchFormat.Format0 or PucchFormat.Format1 ? r.InitialCyclicShift : 0,
            TimeDomainOcc = format == PucchFormat.Format1 ? r.TimeDomainOcc : 0,
            NRnti = rnti,
        };
    }
}
