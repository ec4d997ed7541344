using System;
using System.Linq;
using OpenRan.Engine.Configuration;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Engine.Scheduling;

/// <summary>
/// The 27-bit UL grant of a MAC RAR (TS 38.213 §8.2, Table 8.2-1) and the Msg3 PUSCH it schedules, as both ends read it:
/// the gNB to know what to receive, the UE to know what to send. The Msg3 follows TS 38.213 §8.3 and TS 38.214 §6.1.2:
/// slot n + K2 + Δ after the RAR's PDSCH slot n (K2 from the default table A row, Δ of Table 6.1.2.1.1-5), PRBs from the
/// RIV over the initial uplink BWP (the carrier; no frequency hopping), MCS of the first 16 rows of the 64QAM table,
/// transform precoding disabled, DM-RS type 1 single symbol with dmrs-AdditionalPosition pos2 and two CDM groups without
/// data (TS 38.214 §6.2.2), data scrambled with the TC-RNTI and N_ID^cell.
/// </summary>
/// <param name="FrequencyHopping">The frequency hopping flag (the engine sends 0).</param>
/// <param name="FrequencyAllocation">The 14-bit PUSCH frequency resource allocation (an RIV when the BWP has ≤ 180 RBs).</param>
/// <param name="TimeAllocation">The 4-bit PUSCH time resource allocation (a row of TS 38.214 Table 6.1.2.1.1-2).</param>
/// <param name="Mcs">The 4-bit MCS.</param>
/// <param name="Tpc">The 3-bit TPC command for PUSCH (3: 0 dB, TS 38.213 Table 8.2-2).</param>
/// <param name="CsiRequest">The CSI request bit.</param>
public readonly record struct RarUplinkGrant(bool FrequencyHopping, int FrequencyAllocation, int TimeAllocation, int Mcs, int Tpc, bool CsiRequest)
{
    /// <summary>The 27 bits, frequency hopping flag first (MSB).</summary>
    public int Pack() => MacPdu.RarUplinkGrant(FrequencyHopping, FrequencyAllocation, TimeAllocation, Mcs, Tpc, CsiRequest);

    /// <summary>The fields of a 27-bit grant.</summary>
    public static RarUplinkGrant Unpack(int bits) => new(
        ((bits >> 26) & 1) != 0,
        (bits >> 12) & 0x3FFF,
        (bits >> 8) & 0xF,
        (bits >> 4) & 0xF,
        (bits >> 1) & 0x7,
        (bits & 1) != 0);

    /// <summary>Δ of TS 38.214 Table 6.1.2.1.1-5 in slots: 2, 3, 4, 6 for μ = 0..3.</summary>
    public static int Delta(int mu) => mu switch { 0 => 2, 1 => 3, 2 => 4, _ => 6 };

    /// <summary>Slots from the RAR's PDSCH to the Msg3: K2 of the time allocation row + Δ.</summary>
    public int Msg3SlotOffset(int mu) => Ts38214Table6_1_2_1_1_2.Row(TimeAllocation, mu).K2 + Delta(mu);

    /// <summary>The grant for <paramref name="prbCount"/> PRBs from <paramref name="firstPrb"/> of a BWP of <paramref name="bwpSize"/> RBs.</summary>
    public static RarUplinkGrant For(int firstPrb, int prbCount, int bwpSize, int timeAllocation, int mcs)
    {
        int riv = ResourceIndicatorValue.Compute(firstPrb, prbCount, bwpSize);
        if (riv >= 1 << 14)
        {
            throw new ArgumentOutOfRangeException(nameof(prbCount), prbCount, $"the RIV {riv} of {prbCount} PRBs from {firstPrb} does not fit the 14-bit RAR field.");
        }

        return new RarUplinkGrant(false, riv, timeAllocation, mcs, 3, false);
    }

    /// <summary>
    /// The first PRB and the number of PRBs (TS 38.213 §8.3, no hopping: for N_BWP ≤ 180 the ⌈log2(N(N+1)/2)⌉ LSBs, above
    /// 180 the field with zeros inserted at its MSB side; either way the field's value is the RIV of TS 38.214 §6.1.2.2.2).
    /// </summary>
    public (int FirstPrb, int PrbCount) Prbs(int bwpSize)
    {
        int riv = FrequencyAllocation & ((1 << Math.Min(14, DciBits(bwpSize))) - 1);
        int a = riv / bwpSize;
        int b = riv % bwpSize;
        return a + b + 1 <= bwpSize ? (b, a + 1) : (bwpSize - 1 - b, bwpSize - a + 1);
    }

    /// <summary>The Msg3 PUSCH of this grant in <paramref name="cell"/> for <paramref name="temporaryCRnti"/> (allocates; once per random access).</summary>
    public PuschConfiguration Msg3Configuration(CellSetup cell, int temporaryCRnti)
    {
        ArgumentNullException.ThrowIfNull(cell);
        (int first, int count) = Prbs(cell.NRb);
        (bool typeA, _, int s, int l) = Ts38214Table6_1_2_1_1_2.Row(TimeAllocation, cell.Numerology.Mu);
        McsEntry mcs = McsTables.Lookup(McsTable.Qam64, Mcs);
        var config = new PuschConfiguration
        {
            Numerology = cell.Numerology.Mu,
            NSizeGrid = cell.NRb,
            NStartGrid = 0,
            NIdCell = cell.Pci,
            NStartBwp = 0,
            NSizeBwp = cell.NRb,
            PrbSet = Enumerable.Range(first, count).ToArray(),
            StartSymbol = s,
            SymbolCount = l,
            MappingType = typeA ? SchMappingType.A : SchMappingType.B,
            Modulation = ModulationSchemeExtensions.FromBitsPerSymbol(mcs.ModulationOrder),
            LayerCount = 1,
            AntennaPortCount = 1,
            NRnti = temporaryCRnti,
            NId = cell.Pci,
            Dmrs = new DmrsConfiguration
            {
                ConfigurationType = DmrsConfigurationType.Type1,
                Length = 1,
                AdditionalPosition = 2,
                TypeAPosition = cell.Options.Cell.DmrsTypeAPosition,
                CdmGroupsWithoutData = 2,
                ScramblingId0 = cell.Pci,
                ScramblingId1 = cell.Pci,
                Ports = [0],
            },
            TargetCodeRate = mcs.TargetCodeRate,
        };
        config.ThrowIfInvalid();
        return config;
    }

    private static int DciBits(int bwpSize)
    {
        long values = (long)bwpSize * (bwpSize + 1) / 2;
        int bits = 0;
        while ((1L << bits) < values)
        {
            bits++;
        }

        return bits;
    }
}
