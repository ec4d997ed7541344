using System;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Timing;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.Phy.Upper.Channels.Pdsch;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// A UE's dedicated downlink as the gNB engine configures its test UE (<c>openran decode --gnb-config</c>): the C-RNTI,
/// the carrier (point A, N_RB), CORESET#1, the UE-specific search space, the DCI 1_1 field layout, the MCS table and the
/// PDSCH configuration (DM-RS, layers, limited-buffer rate matching), all taken from the engine's own
/// <see cref="PhyTestScheduler"/> so that the transmitter and this receiver share one definition. The DCI's fields
/// (FDRA over the carrier, TDRA row of default table A, MCS, RV) are read from each decoded DCI.
/// </summary>
public sealed class UeDedicatedDownlink
{
    private readonly CellSetup _cell;
    private readonly PhyTestScheduler _scheduler;

    private UeDedicatedDownlink(CellSetup cell, PhyTestScheduler scheduler)
    {
        _cell = cell;
        _scheduler = scheduler;
        Coreset = scheduler.Coreset1;
        SearchSpace = scheduler.UeSearchSpace;
        DciSizes = [scheduler.UeDownlinkDciSize];
    }

    /// <summary>Derives the test UE of <paramref name="configuration"/> (an <c>openran gnb</c> configuration).</summary>
    /// <exception cref="ConfigurationException">The configuration is invalid, or its test UE's downlink uses DCI 1_0 (followed in CORESET#0 with <c>--rnti</c> instead).</exception>
    public static UeDedicatedDownlink FromGnbConfiguration(GnbConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        CellSetup cell = CellSetup.Derive(configuration);
        if (cell.Downlink.FallbackDci)
        {
            throw configuration.Source.Error("test-ue.downlink", "dci: 1_0 is not followed on the UE-specific search space; valid: dci: 1_1.");
        }

        if (cell.Downlink.Layers != 1)
        {
            throw configuration.Source.Error("test-ue.downlink", $"layers: {cell.Downlink.Layers} cannot be received from a one-antenna recording; valid: layers: 1.");
        }

        return new UeDedicatedDownlink(cell, new PhyTestScheduler(cell));
    }

    /// <summary>The C-RNTI.</summary>
    public int Rnti => _cell.Options.TestUe.Rnti;

    /// <summary>N_RB of the carrier (the BWP of the UE).</summary>
    public int CarrierPrbs => _cell.NRb;

    /// <summary>The common RB (from point A, carrier SCS) that overlaps the SS/PBCH block's first RB.</summary>
    public int SsbCommonRb => _cell.SsbFirstCrb;

    /// <summary>The SS/PBCH block's centre (SS_REF) in Hz.</summary>
    public double SsbFrequencyHz => _cell.Plan.SsbFrequencyHz;

    /// <summary>k_SSB in 15 kHz subcarriers.</summary>
    public int KSsb => _cell.Plan.KSsb;

    /// <summary>dmrs-TypeA-Position.</summary>
    public int DmrsTypeAPosition => _cell.Options.Cell.DmrsTypeAPosition;

    /// <summary>The MCS table of the PDSCH.</summary>
    public McsTable McsTable => _cell.Downlink.Table;

    internal Coreset Coreset { get; }

    internal SearchSpaceConfiguration SearchSpace { get; }

    internal DciFieldLayout Dci1_1 => _scheduler.Dci1_1;

    internal int[] DciSizes { get; }

    /// <summary>The PDSCH template of slot <paramref name="slot"/> of frame <paramref name="sfn"/> (its SS/PBCH symbols decide the PRBs the engine keeps off).</summary>
    internal bool TryGetPdsch(int sfn, int slot, out PdschConfiguration? configuration)
    {
        SlotPoint point = SlotPoint.FromIndex(((long)Math.Max(sfn, 0) * _cell.SlotsPerFrame) + slot, _cell.SlotsPerFrame, 0);
        return _scheduler.TryGetUePdsch(_scheduler.Schedule.SsbSymbolMask(point), out configuration);
    }
}
