using System;
using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Pucch;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Link;

namespace OpenRan.Simulation.Configuration;

/// <summary>
/// The PUCCH performance requirements of TS 38.104 V16.4 §8.3 for 20 MHz at 15 kHz (106 PRB), 1 Tx, 2 Rx, normal CP,
/// TDLC300-100 with low antenna correlation, as presets: formats 0, 1, 2 and 3 (Tables 8.3.2.2-1, 8.3.3.1.2-1, 8.3.3.2.2-1,
/// 8.3.4.1.2-1, 8.3.4.2.2-1, 8.3.5.2-1), plus the false-ACK (DTX-to-ACK ≤ 1 %) conditions of §8.3.2, §8.3.3.1 and §8.3.4.1.
/// </summary>
/// <remarks>
/// Test parameters (TS 38.104 Tables 8.3.2.1-1, 8.3.3.1-1, 8.3.4.1-1, 8.3.5.1-1; TS 38.141-1 §8.3): the first PRB before
/// hopping is 0 and after hopping the last PRBs of the carrier (N_RB − N_PRB^PUCCH), group and sequence hopping neither,
/// hopping ID 0, initial cyclic shift 0, time-domain OCC 0; format 0: 1 HARQ-ACK bit, 1 PRB, 1 symbol at symbol 13 without
/// hopping or 2 symbols at 12 with hopping; format 1: 2 HARQ-ACK bits, 1 PRB, 14 symbols from 0 with hopping; format 2: 4
/// HARQ-ACK bits on 4 PRB, 1 symbol at 13, no hopping (ACK missed), or 22 UCI bits on 9 PRB, 2 symbols at 12 with hopping
/// (UCI BLER), DM-RS scrambling ID 0; format 3: 16 UCI bits, QPSK, with hopping, 1 PRB over 14 symbols from 0 without and
/// with additional DM-RS, or 3 PRB over 4 symbols. No frequency or timing offset. Numbers from the specification tables.
/// </remarks>
public static class Ts38104Table8_3
{
    /// <summary>Carrier of every requirement here: 20 MHz at 15 kHz.</summary>
    public const int GridPrbs = 106;

    private const string Channel = "TDLC300-100-low";

    /// <summary>Every preset, in table order.</summary>
    public static IReadOnlyList<PucchRequirement> All { get; } = Build();

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static PucchRequirement? Find(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static PucchRequirement[] Build()
    {
        var f0Symbol1 = new PucchConfiguration { Format = PucchFormat.Format0, NSizeBwp = GridPrbs, StartSymbol = 13, SymbolCount = 1, StartPrb = 0 };
        PucchConfiguration f0Symbol2 = f0Symbol1 with { StartSymbol = 12, SymbolCount = 2, SecondHopPrb = GridPrbs - 1 };
        var f1 = new PucchConfiguration { Format = PucchFormat.Format1, NSizeBwp = GridPrbs, StartSymbol = 0, SymbolCount = 14, StartPrb = 0, SecondHopPrb = GridPrbs - 1 };
        var f2Ack = new PucchConfiguration { Format = PucchFormat.Format2, NSizeBwp = GridPrbs, StartSymbol = 13, SymbolCount = 1, StartPrb = 0, PrbCount = 4, NId0 = 0, NId = 0, NRnti = 1 };
        PucchConfiguration f2Uci = f2Ack with { StartSymbol = 12, SymbolCount = 2, PrbCount = 9, SecondHopPrb = GridPrbs - 9 };
        var f3Long = new PucchConfiguration { Format = PucchFormat.Format3, NSizeBwp = GridPrbs, StartSymbol = 0, SymbolCount = 14, StartPrb = 0, PrbCount = 1, SecondHopPrb = GridPrbs - 1, Modulation = ModulationScheme.Qpsk, NId = 0, NRnti = 1 };
        PucchConfiguration f3Dmrs = f3Long with { AdditionalDmrs = true };
        PucchConfiguration f3Short = f3Long with { SymbolCount = 4, PrbCount = 3, SecondHopPrb = GridPrbs - 3 };
        var oneAck = new PucchUciSizes(1);
        var twoAck = new PucchUciSizes(2);
        var fourAck = new PucchUciSizes(4);
        var csi22 = new PucchUciSizes(0, 0, 22);
        var csi16 = new PucchUciSizes(0, 0, 16);
        return
        [
            Make("F0-1SYM-ACK", "8.3.2.2-1", "format 0, 1 symbol: ACK missed ≤ 1 %", f0Symbol1, oneAck, PucchTest.AckMissed, 0.01, 9.3),
            Make("F0-1SYM-DTX", "8.3.2", "format 0, 1 symbol: false ACK (DTX to ACK) ≤ 1 %", f0Symbol1, oneAck, PucchTest.DtxToAck, 0.01, 9.3),
            Make("F0-2SYM-ACK", "8.3.2.2-1", "format 0, 2 symbols with hopping: ACK missed ≤ 1 %", f0Symbol2, oneAck, PucchTest.AckMissed, 0.01, 3.3),
            Make("F0-2SYM-DTX", "8.3.2", "format 0, 2 symbols: false ACK (DTX to ACK) ≤ 1 %", f0Symbol2, oneAck, PucchTest.DtxToAck, 0.01, 3.3),
            Make("F1-NACK", "8.3.3.1.2-1", "format 1: NACK to ACK ≤ 0.1 %", f1, twoAck, PucchTest.NackToAck, 0.001, -3.6),
            Make("F1-DTX", "8.3.3.1", "format 1: false ACK (DTX to ACK) ≤ 1 %", f1, twoAck, PucchTest.DtxToAck, 0.01, -3.6),
            Make("F1-ACK", "8.3.3.2.2-1", "format 1: ACK missed ≤ 1 %", f1, twoAck, PucchTest.AckMissed, 0.01, -5.0),
            Make("F2-ACK", "8.3.4.1.2-1", "format 2, 1 symbol, 4 PRB, 4 HARQ-ACK bits: ACK missed ≤ 1 %", f2Ack, fourAck, PucchTest.AckMissed, 0.01, 5.9),
            Make("F2-DTX", "8.3.4.1", "format 2, 1 symbol: false ACK (DTX to ACK) ≤ 1 %", f2Ack, fourAck, PucchTest.DtxToAck, 0.01, 5.9),
            Make("F2-UCI", "8.3.4.2.2-1", "format 2, 2 symbols, 9 PRB, 22 UCI bits: UCI BLER ≤ 1 %", f2Uci, csi22, PucchTest.UciBler, 0.01, 1.2),
            Make("F3-14SYM", "8.3.5.2-1", "format 3, 14 symbols, 1 PRB, 16 UCI bits: UCI BLER ≤ 1 %", f3Long, csi16, PucchTest.UciBler, 0.01, 0.3),
            Make("F3-14SYM-ADDDMRS", "8.3.5.2-1", "format 3, 14 symbols, additional DM-RS: UCI BLER ≤ 1 %", f3Dmrs, csi16, PucchTest.UciBler, 0.01, -0.1),
            Make("F3-4SYM", "8.3.5.2-1", "format 3, 4 symbols, 3 PRB, 16 UCI bits: UCI BLER ≤ 1 %", f3Short, csi16, PucchTest.UciBler, 0.01, 2.0),
        ];
    }

    private static PucchRequirement Make(string name, string table, string description, PucchConfiguration configuration, PucchUciSizes sizes, PucchTest test, double target, double snrDb) =>
        new(name, table, description, configuration, sizes, test, 15, GridPrbs, Channel, 2, target, snrDb);
}
