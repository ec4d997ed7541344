using System;
using System.Collections.Generic;
using OpenRan.Engine.Rrc;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Common;
using OpenRan.Phy.Common.Frequency;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The RA-RNTIs a cell's random-access responses can be addressed to: RA-RNTI = 1 + s_id + 14·t_id + 14·80·f_id
/// (TS 38.321 §5.1.3, ul_carrier_id 0) for every PRACH occasion of SIB1's RACH-ConfigCommon (prach-ConfigurationIndex
/// in TS 38.211 Table 6.3.3.2-2 for FDD, -3 for TDD, over the 16 frames after which every configuration repeats) and every
/// frequency index f_id below msg1-FDM.
/// </summary>
internal static class PrachRaRntis
{
    /// <summary>The sorted RA-RNTIs of <paramref name="sib1"/>'s PRACH configuration, or empty with the reason.</summary>
    public static IReadOnlyList<int> From(Sib1 sib1, out string? problem)
    {
        problem = null;
        if (sib1.RachConfigCommon is not RachConfigCommon rach)
        {
            problem = "SIB1 has no rach-ConfigCommon";
            return [];
        }

        int ulScsKhz = sib1.InitialUplinkBwp?.SubcarrierSpacingKhz ?? sib1.UplinkCarriers.Count switch { 0 => 15, _ => sib1.UplinkCarriers[0].SubcarrierSpacingKhz };
        int ulPrbs = sib1.UplinkCarriers.Count > 0 ? sib1.UplinkCarriers[0].CarrierBandwidth : sib1.InitialUplinkBwp?.RbCount ?? NrConstants.MaxPrb;
        PrachConfiguration configuration;
        try
        {
            PrachConfigurationTableRow row = sib1.TddUlDlConfigCommon is null ? Ts38211Table6_3_3_2_2.Get(rach.PrachConfigurationIndex) : Ts38211Table6_3_3_2_3.Get(rach.PrachConfigurationIndex);
            configuration = new PrachConfiguration(new PrachParameters
            {
                ConfigurationIndex = rach.PrachConfigurationIndex,
                DuplexMode = sib1.TddUlDlConfigCommon is null ? DuplexMode.Fdd : DuplexMode.Tdd,
                Msg1SubcarrierSpacingKhz = row.IsLongFormat ? null : rach.Msg1SubcarrierSpacingKhz ?? ulScsKhz,
                PuschNumerology = Numerology.FromSubcarrierSpacingKhz(ulScsKhz),
                NSizeGrid = Math.Clamp(ulPrbs, 1, NrConstants.MaxPrb),
                RootSequenceIndex = rach.PrachRootSequenceIndex,
                ZeroCorrelationZoneConfig = rach.ZeroCorrelationZoneConfig,
                RestrictedSet = rach.RestrictedSetConfig switch { 1 => PrachRestrictedSet.TypeA, 2 => PrachRestrictedSet.TypeB, _ => PrachRestrictedSet.Unrestricted },
                Msg1Fdm = rach.Msg1Fdm,
            });
        }
        catch (ArgumentException e)
        {
            problem = $"prach-ConfigurationIndex {rach.PrachConfigurationIndex}: {e.Message.Split(" (Parameter", 2)[0]}";
            return [];
        }

        var rntis = new SortedSet<int>();
        var occasions = new PrachOccasion[PrachConfiguration.MaxOccasionsPerSubframe];
        for (int sfn = 0; sfn < CellPrach.PeriodFrames; sfn++)
        {
            for (int subframe = 0; subframe < NrConstants.SubframesPerFrame; subframe++)
            {
                int count = configuration.GetOccasions(sfn, subframe, occasions);
                for (int i = 0; i < count; i++)
                {
                    for (int f = 0; f < rach.Msg1Fdm; f++)
                    {
                        rntis.Add(CellPrach.RaRnti(configuration, occasions[i], f));
                    }
                }
            }
        }

        return [.. rntis];
    }
}
