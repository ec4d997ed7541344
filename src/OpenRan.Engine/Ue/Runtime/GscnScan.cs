using System;
using System.Collections.Generic;
using OpenRan.Engine.Configuration;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Ue.Downlink;

namespace OpenRan.Engine.Ue.Runtime;

/// <summary>
/// The cells a UE scanning the synchronization raster may find (<see cref="UeConfiguration.GscnScan"/>): the configured
/// cell with its SS/PBCH block moved to each GSCN of its band whose block lies wholly inside the received band
/// (<see cref="SsbCandidate.For"/>: TS 38.104 §5.4.3.1 SS_REF = N·1200 kHz + M·50 kHz below 3 GHz, the band's GSCN range
/// and step of Table 5.4.3.3-1), where the carrier still holds CORESET#0, SIB1 and the phy-test grants. The configured
/// GSCN comes first, then the others nearest the carrier's centre first.
/// </summary>
public static class GscnScan
{
    /// <summary>The cells of <paramref name="configured"/> at every usable GSCN of its band inside the received band.</summary>
    public static IReadOnlyList<CellSetup> Cells(CellSetup configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var cells = new List<CellSetup> { configured };
        var receiver = new UeDownlinkConfiguration
        {
            SampleRateHz = configured.SampleRateHz,
            CenterFrequencyHz = configured.DownlinkCenterHz,
            SsbSubcarrierSpacingKhz = configured.Plan.SsbSubcarrierSpacingKhz,
        };
        foreach (SsbCandidate candidate in SsbCandidate.For(receiver))
        {
            if (candidate.Gscn is not int gscn || gscn == configured.Plan.SsbGscn || !configured.Band.ContainsDownlinkFrequency(candidate.FrequencyHz))
            {
                continue;
            }

            try
            {
                GnbConfiguration options = configured.Options with { Ssb = configured.Options.Ssb with { Gscn = gscn } };
                CellSetup cell = CellSetup.Derive(options);

                // The block there must leave room for SIB1 and the phy-test grants (the scheduler checks them).
                _ = new PhyTestScheduler(cell);
                cells.Add(cell);
            }
            catch (Exception e) when (e is ConfigurationException or ArgumentException)
            {
                // Not a place this carrier can have its block.
            }
        }

        return cells;
    }
}
