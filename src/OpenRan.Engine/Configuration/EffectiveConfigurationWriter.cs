using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OpenRan.Engine.Configuration;

/// <summary>
/// Prints a <see cref="CellSetup"/> as the YAML file that would configure it with every default made explicit
/// (<c>openran gnb --print-config</c>), with what the engine derived (frequency plan, CORESET#0, occasions, sample rate)
/// as comments. Reading the printed text back gives the same cell.
/// </summary>
public static class EffectiveConfigurationWriter
{
    /// <summary>The effective configuration of <paramref name="cell"/>.</summary>
    public static string Write(CellSetup cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        GnbConfiguration o = cell.Options;
        var w = new StringBuilder();
        void Line(FormattableString text) => w.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# effective configuration ({o.Source.Source}); derived values are comments");
        Line($"cell:");
        Line($"  band: {cell.Band.Name}");
        Line($"  dl-arfcn: {cell.Plan.DownlinkArfcn}                # F_REF {cell.Plan.DownlinkFrequencyHz / 1e6:F4} MHz");
        Line($"  channel-bandwidth-mhz: {o.Cell.ChannelBandwidthMhz}     # N_RB {cell.NRb}");
        Line($"  scs-khz: {o.Cell.ScsKhz}");
        Line($"  pci: {o.Cell.Pci}");
        Line($"  duplex: {cell.Duplex.ToString().ToLowerInvariant()}");
        if (cell.Tdd is { } t)
        {
            Line($"  tdd: {{ period-ms: {t.PeriodMs}, dl-slots: {t.DownlinkSlots}, dl-symbols: {t.DownlinkSymbols}, ul-slots: {t.UplinkSlots}, ul-symbols: {t.UplinkSymbols} }}   # {t}");
        }

        Line($"  dmrs-type-a-position: {o.Cell.DmrsTypeAPosition}");
        Line($"  # Point A {cell.Plan.PointAFrequencyHz / 1e6:F4} MHz (absoluteFrequencyPointA {Arfcn(cell.Plan.PointAArfcn)}), DL OFDM centre {cell.DownlinkCenterHz / 1e6:F4} MHz, UL OFDM centre {cell.UplinkCenterHz / 1e6:F4} MHz{(cell.Plan.UplinkArfcn is int ul ? $" (UL NR-ARFCN {ul})" : string.Empty)}");
        Line($"ssb:");
        Line($"  gscn: {cell.Plan.SsbGscn}                    # SS_REF {cell.Plan.SsbFrequencyHz / 1e6:F4} MHz (absoluteFrequencySSB {Arfcn(cell.Plan.SsbArfcn)})");
        Line($"  period-ms: {o.Ssb.PeriodMs}");
        Line($"  positions-in-burst: \"{string.Concat(Enumerable.Range(0, cell.LMax).Select(i => cell.SsbIndices.Contains(i) ? '1' : '0'))}\"");
        Line($"  power-offset-db: {o.Ssb.PowerOffsetDb}");
        Line($"  # case {cell.SsbCase}, L_max {cell.LMax}, {cell.Plan.SsbSubcarrierSpacingKhz} kHz; offsetToPointA {cell.Plan.OffsetToPointA}, k_SSB {cell.Plan.KSsb}; first subcarrier {cell.SsbFirstSubcarrier} (CRB {cell.SsbFirstCrb}); first symbols {string.Join(", ", cell.SsbIndices.Select(i => cell.SsbFirstSymbols[i]))}");
        Line($"pdcch:");
        Line($"  coreset0-index: {cell.Coreset0Index}             # {cell.Coreset0Row.RbCount} RB x {cell.Coreset0Row.SymbolCount} symbols, CRBs {cell.Coreset0.FirstRb}..{cell.Coreset0.FirstRb + cell.Coreset0Row.RbCount - 1}, offset {cell.Coreset0Row.Offset(cell.Plan.KSsb)}; pdcch-ConfigSIB1 {cell.PdcchConfigSib1}");
        Line($"  search-space-zero: {o.Pdcch.SearchSpaceZero}          # Type0-PDCCH occasions (SSB: slot, SFN parity, symbol): {string.Join("; ", cell.SsbIndices.Zip(cell.Type0Occasions).Select(p => $"{p.First}: {p.Second.Slot}, {p.Second.SfnParity}, {p.Second.FirstSymbol}"))}");
        Line($"  coreset1-start-rb: {cell.Coreset1.FirstRb}");
        Line($"  coreset1-rb-count: {cell.Coreset1.FrequencyResources.Length * 6}");
        Line($"  coreset1-duration: {cell.Coreset1.Duration}");
        Line($"  ue-aggregation-level: {o.Pdcch.UeAggregationLevel}");
        Line($"  sib1-aggregation-level: {o.Pdcch.Sib1AggregationLevel}");
        Line($"sib1:");
        Line($"  hex: \"{Convert.ToHexString(cell.Sib1.Span).ToLowerInvariant()}\"   # {cell.Sib1.Length} bytes");
        Line($"  period-ms: {o.Sib1.PeriodMs}");
        Line($"  mcs: {o.Sib1.Mcs}");
        Line($"prach:");
        Line($"  config-index: {o.Prach.ConfigIndex}");
        Line($"  root-sequence-index: {o.Prach.RootSequenceIndex}");
        Line($"  zero-correlation-zone: {o.Prach.ZeroCorrelationZone}");
        Line($"  frequency-start: {o.Prach.FrequencyStart}");
        Line($"  msg3-max-transmissions: {o.Prach.Msg3MaxTransmissions}");
        Line($"  enabled: {Bool(o.Prach.Enabled)}");
        Line($"pucch:");
        foreach (PucchResourceOptions r in o.Pucch)
        {
            Line($"  - {{ format: {r.Format}, start-prb: {r.StartPrb}, start-symbol: {r.StartSymbol}, symbols: {r.SymbolCount}, prbs: {r.PrbCount}, initial-cyclic-shift: {r.InitialCyclicShift}, time-domain-occ: {r.TimeDomainOcc} }}");
        }

        if (o.PucchResourceCommon is int common)
        {
            Line($"pucch-resource-common: {common}");
        }

        Line($"antennas: {{ tx: {o.Antennas.Tx}, rx: {o.Antennas.Rx} }}");
        Line($"radio:");
        Line($"  driver: {o.Radio.Driver}");
        Line($"  args: \"{o.Radio.Args}\"");
        Line($"  sample-rate-hz: {cell.SampleRateHz:R}          # FFT {cell.Timing.FftSize}");
        Line($"  tx-gain-db: {o.Radio.TxGainDb}");
        Line($"  rx-gain-db: {o.Radio.RxGainDb}");
        Line($"  tx-time-advance-samples: {o.Radio.TxTimeAdvanceSamples}");
        Line($"  baseband-scale: {o.Radio.BasebandScale}");
        Line($"engine:");
        Line($"  tx-advance-slots: {o.Engine.TxAdvanceSlots}");
        Line($"  workers: {o.Engine.Workers}");
        Line($"  uplink-budget-slots: {o.Engine.UplinkBudgetSlots ?? o.Engine.TxAdvanceSlots}");
        Line($"  start-sfn: {o.Engine.StartSfn}");
        Line($"  ldpc-iterations: {o.Engine.LdpcIterations}");
        Line($"test-ue:");
        Line($"  enabled: {Bool(o.TestUe.Enabled)}");
        Line($"  rnti: 0x{o.TestUe.Rnti:x4}");
        WriteLink(w, "downlink", cell.Downlink, o.TestUe.Downlink);
        WriteLink(w, "uplink", cell.Uplink, o.TestUe.Uplink);
        Line($"  harq-processes: {o.TestUe.HarqProcesses}");
        Line($"  k1: {o.TestUe.K1}");
        Line($"  k2: {o.TestUe.K2}");
        Line($"  dl-harq-feedback: {o.TestUe.DlHarqFeedback}");
        Line($"  max-transmissions: {o.TestUe.MaxTransmissions}");
        Line($"  attach: {o.TestUe.Attach}");
        Line($"  uci-on-pusch: {Bool(o.TestUe.UciOnPusch)}");
        Line($"  beta-offset-harq-ack: {o.TestUe.BetaOffsetHarqAckIndex}");
        return w.ToString();
    }

    private static void WriteLink(StringBuilder w, string name, LinkSetup link, LinkOptions options)
    {
        string table = link.Table switch
        {
            Phy.Upper.Channels.McsTable.Qam64 => "qam64",
            Phy.Upper.Channels.McsTable.Qam256 => "qam256",
            _ => "qam64LowSE",
        };
        w.Append(CultureInfo.InvariantCulture, $"  {name}: {{ mcs-table: {table}, mcs: {link.Mcs}, start-prb: {link.StartPrb}, prbs: {link.PrbCount}, layers: {link.Layers}, dci: {options.Dci} }}   # Q_m {link.Entry.ModulationOrder}, R {link.Entry.TargetCodeRateBy1024}/1024\n");
    }

    private static string Arfcn(int? arfcn) => arfcn?.ToString(CultureInfo.InvariantCulture) ?? "off raster";

    private static string Bool(bool value) => value ? "true" : "false";
}
