using System.Collections.Generic;
using OpenRan.Engine.Rrc;
using OpenRan.Engine.Scheduling;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Dci;

namespace OpenRan.Engine.Ue.Downlink;

/// <summary>
/// The PDSCH allocation a DCI format 1_0 in a common search space grants before dedicated configuration (TS 38.214
/// §5.1.2): the FDRA resource indication value over N_BWP^size (CORESET#0's size, §5.1.2.2.2, type 1), the TDRA row of
/// default table A (Table 5.1.2.1.1-2, K0 = 0) or of pdsch-ConfigCommon's list (K0 of the row, absent = 0: the PDSCH is in
/// slot n + K0, §5.1.2.1), the MCS of Table 5.1.3.1-1 (64QAM), the VRB-to-PRB mapping bit (interleaved: bundles of 2 over
/// N_BWP^size, TS 38.211 §7.3.1.6, TS 38.212 §7.3.1.2.1) and the TB scaling factor S of P-RNTI and RA-RNTI DCIs (TS 38.214
/// §5.1.3.2, Table 5.1.3.2-2).
/// </summary>
public static class Dci1_0Allocation
{
    /// <summary>
    /// The allocation of <paramref name="dci"/>, or null (with the reason) when it cannot be resolved. The TDRA row is taken
    /// from <paramref name="timeDomainAllocations"/> (pdsch-ConfigCommon's list, TS 38.214 Table 5.1.2.1.1-1) when given,
    /// else from default table A.
    /// </summary>
    public static UeDownlinkAllocation? Resolve(in Dci1_0 dci, int bwpSize, int dmrsTypeAPosition, out string? problem, IReadOnlyList<TimeDomainAllocation>? timeDomainAllocations = null)
    {
        problem = null;
        if (ResourceIndicatorValue.Decode(dci.FrequencyDomainAssignment, bwpSize) is not (int start, int length))
        {
            problem = $"FDRA {dci.FrequencyDomainAssignment} is not a resource indication value over {bwpSize} RB";
            return null;
        }

        if (dci.TbScaling == 3)
        {
            problem = "TB scaling field 11 is reserved (TS 38.214 Table 5.1.3.2-2)";
            return null;
        }

        McsEntry mcs = McsTables.Lookup(McsTable.Qam64, dci.Mcs);
        if (mcs.IsReserved)
        {
            problem = $"MCS {dci.Mcs} is reserved (a retransmission needs the first transmission's modulation)";
            return null;
        }

        bool typeA;
        int s;
        int l;
        int k0 = 0;
        if (timeDomainAllocations is not null)
        {
            if (dci.TimeDomainAssignment >= timeDomainAllocations.Count)
            {
                problem = $"TDRA {dci.TimeDomainAssignment} is beyond pdsch-TimeDomainAllocationList ({timeDomainAllocations.Count} rows)";
                return null;
            }

            TimeDomainAllocation row = timeDomainAllocations[dci.TimeDomainAssignment];
            (typeA, s, l) = (row.MappingTypeA, row.StartSymbol, row.Length);
            k0 = row.K ?? 0;
        }
        else
        {
            (typeA, s, l) = Ts38214Table5_1_2_1_1_2.Row(dci.TimeDomainAssignment, dmrsTypeAPosition);
        }

        return new UeDownlinkAllocation(start, length, s, l, typeA, mcs.ModulationOrder, dci.Mcs, mcs.TargetCodeRate)
        {
            K0 = k0,
            InterleavedOverRbs = dci.VrbToPrbMapping != 0 ? bwpSize : 0,
            TbScaling = TransportBlockSize.ScalingFactor(dci.TbScaling),
        };
    }
}
