using System.Globalization;
using OpenRan.Phy.Upper.Channels;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Engine.Configuration;

/// <summary>One direction of the test UE's grants after validation: MCS table and row, PRBs, layers, DCI format.</summary>
/// <param name="Table">The MCS table (TS 38.214 §5.1.3.1).</param>
/// <param name="Mcs">I_MCS.</param>
/// <param name="Entry">The MCS row: Q_m and R.</param>
/// <param name="StartPrb">First PRB (BWP = carrier).</param>
/// <param name="PrbCount">Number of PRBs.</param>
/// <param name="Layers">Layers.</param>
/// <param name="FallbackDci">True for DCI 1_0 / 0_0, false for 1_1 / 0_1.</param>
public sealed record LinkSetup(McsTable Table, int Mcs, McsEntry Entry, int StartPrb, int PrbCount, int Layers, bool FallbackDci)
{
    /// <summary>The modulation of the MCS.</summary>
    public ModulationScheme Modulation => ModulationSchemeExtensions.FromBitsPerSymbol(Entry.ModulationOrder);

    internal static LinkSetup Derive(GnbConfiguration options, CellSetup cell, bool downlink)
    {
        LinkOptions l = downlink ? options.TestUe.Downlink : options.TestUe.Uplink;
        string prefix = downlink ? "test-ue.downlink." : "test-ue.uplink.";
        SourceMap map = options.Source;
        McsTable table = l.McsTable switch
        {
            "qam64" => McsTable.Qam64,
            "qam256" => McsTable.Qam256,
            _ => McsTable.Qam64LowSe,
        };
        bool fallback = l.Dci is "1_0" or "0_0";
        if (fallback && table != McsTable.Qam64)
        {
            throw map.Error(prefix + "mcs-table", $"DCI {l.Dci} always uses MCS table qam64 (TS 38.214 §5.1.3.1); valid with dci {l.Dci}: qam64.");
        }

        if (fallback && l.Layers != 1)
        {
            throw map.Error(prefix + "layers", $"DCI {l.Dci} schedules one layer; valid with dci {l.Dci}: 1.");
        }

        int lastUsable = table == McsTable.Qam256 ? 27 : 28;
        if (l.Mcs > lastUsable)
        {
            throw map.Error(prefix + "mcs", string.Create(CultureInfo.InvariantCulture, $"MCS {l.Mcs} is reserved for retransmissions in table {l.McsTable}; valid: 0..{lastUsable}."));
        }

        int antennas = downlink ? options.Antennas.Tx : options.Antennas.Rx;
        if (l.Layers > antennas)
        {
            throw map.Error(prefix + "layers", string.Create(CultureInfo.InvariantCulture, $"{l.Layers} layers need {l.Layers} {(downlink ? "transmit" : "receive")} antennas; antennas.{(downlink ? "tx" : "rx")} = {antennas}; valid: 1..{antennas}."));
        }

        int count = l.PrbCount ?? (cell.NRb - l.StartPrb);
        if (l.StartPrb >= cell.NRb || count < 1 || l.StartPrb + count > cell.NRb)
        {
            throw map.Error(prefix + (l.PrbCount is null ? "start-prb" : "prbs"), string.Create(CultureInfo.InvariantCulture, $"PRBs {l.StartPrb}..{l.StartPrb + count - 1} are outside the carrier's 0..{cell.NRb - 1}."));
        }

        return new LinkSetup(table, l.Mcs, McsTables.Lookup(table, l.Mcs), l.StartPrb, count, l.Layers, fallback);
    }
}
