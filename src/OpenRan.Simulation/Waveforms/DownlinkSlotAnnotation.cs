using System;
using System.Globalization;
using System.Text;
using OpenRan.Phy.Upper.Channels.Downlink;
using OpenRan.Radio.SigMf;

namespace OpenRan.Simulation.Waveforms;

/// <summary>
/// The SigMF annotation of one composed downlink slot: its samples, a label naming the slot and the kinds of its channels, and a
/// comment listing each channel's parameters (kind, name, RNTI or N_ID, CRBs, symbols, modulation, power, TBS/CCE),
/// with the frequency edges of the occupied resource blocks.
/// </summary>
public static class DownlinkSlotAnnotation
{
    /// <summary>The annotation of absolute slot <paramref name="absoluteSlot"/> whose samples start at <paramref name="sampleStart"/>.</summary>
    /// <param name="absoluteSlot">The slot (frame = slot / slots per frame).</param>
    /// <param name="carrier">The carrier.</param>
    /// <param name="channels">The composer's annotations of the slot.</param>
    /// <param name="sampleStart">The first sample of the slot in the recording.</param>
    /// <param name="sampleCount">The slot's samples.</param>
    /// <param name="centerFrequencyHz">The RF centre of the recording (null: the edges are left out).</param>
    public static SigMfAnnotation Create(long absoluteSlot, DownlinkCarrier carrier, ReadOnlySpan<DownlinkChannelAnnotation> channels, long sampleStart, long sampleCount, double? centerFrequencyHz)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        var label = new StringBuilder();
        label.Append(CultureInfo.InvariantCulture, $"frame {absoluteSlot / carrier.SlotsPerFrame} slot {absoluteSlot % carrier.SlotsPerFrame}: ");
        var comment = new StringBuilder();
        int kindsSeen = 0;
        int lowCrb = int.MaxValue;
        int highCrb = int.MinValue;
        for (int i = 0; i < channels.Length; i++)
        {
            DownlinkChannelAnnotation c = channels[i];
            if ((kindsSeen & (1 << (int)c.Kind)) == 0)
            {
                label.Append(kindsSeen == 0 ? "" : ", ").Append(KindText(c.Kind));
                kindsSeen |= 1 << (int)c.Kind;
            }
            comment.Append(i == 0 ? "" : "; ").Append(Describe(c));
            if (c.Kind != DownlinkChannelKind.ZpCsiRs)
            {
                lowCrb = Math.Min(lowCrb, c.FirstCrb);
                highCrb = Math.Max(highCrb, c.FirstCrb + c.CrbCount);
            }
        }

        if (channels.Length == 0)
        {
            label.Append("empty");
            comment.Append(carrier.Tdd is { } tdd && tdd.DownlinkSymbolCount(absoluteSlot) == 0 ? "uplink slot: nothing transmitted" : "no channel in this slot");
        }

        double? lower = null;
        double? upper = null;
        if (centerFrequencyHz is double fc && lowCrb <= highCrb)
        {
            // The carrier's subcarrier k sits at fc + (k − K/2)·Δf (TS 38.211 §5.3.1), k from CRB N_grid^start.
            double scs = carrier.SubcarrierSpacingKhz * 1e3;
            int half = carrier.SubcarrierCount / 2;
            lower = fc + ((((lowCrb - carrier.NStartGrid) * 12) - half - 0.5) * scs);
            upper = fc + ((((highCrb - carrier.NStartGrid) * 12) - half - 0.5) * scs);
        }

        return new SigMfAnnotation(sampleStart, sampleCount, label.ToString(), comment.ToString(), lower, upper);
    }

    /// <summary>One channel: e.g. <c>PDSCH "PDSCH RNTI 0" RNTI 0, CRB 3..50, symbols 0..13, 256QAM, 0.00 dB, TBS 21000</c>.</summary>
    public static string Describe(DownlinkChannelAnnotation channel)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{KindText(channel.Kind)} \"{channel.Name}\" ");
        text.Append(channel.Kind switch
        {
            DownlinkChannelKind.Ssb => string.Create(CultureInfo.InvariantCulture, $"block {channel.Index}, N_ID^cell {channel.Rnti}"),
            DownlinkChannelKind.CsiRs or DownlinkChannelKind.ZpCsiRs => string.Create(CultureInfo.InvariantCulture, $"n_ID {channel.Rnti}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"RNTI {channel.Rnti}"),
        });
        text.Append(CultureInfo.InvariantCulture, $", CRB {channel.FirstCrb}..{channel.FirstCrb + channel.CrbCount - 1}, symbols {channel.FirstSymbol}..{channel.FirstSymbol + channel.SymbolCount - 1}");
        if (channel.BitsPerSymbol > 0)
        {
            text.Append(", ").Append(ModulationText(channel.BitsPerSymbol));
        }

        text.Append(CultureInfo.InvariantCulture, $", {channel.PowerDb:0.00} dB");
        if (channel.Kind == DownlinkChannelKind.Pdsch && channel.Detail > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", TBS {channel.Detail}");
        }
        else if (channel.Kind == DownlinkChannelKind.Pdcch)
        {
            text.Append(CultureInfo.InvariantCulture, $", CCE {channel.Detail % 1000}");
        }

        return text.ToString();
    }

    /// <summary>The modulation of Q_m bits per symbol: π/2-BPSK/BPSK, QPSK, 16QAM … 1024QAM.</summary>
    public static string ModulationText(int bitsPerSymbol) => bitsPerSymbol switch
    {
        1 => "BPSK",
        2 => "QPSK",
        _ => string.Create(CultureInfo.InvariantCulture, $"{1 << bitsPerSymbol}QAM"),
    };

    private static string KindText(DownlinkChannelKind kind) => kind switch
    {
        DownlinkChannelKind.Ssb => "SSB",
        DownlinkChannelKind.Pdcch => "PDCCH",
        DownlinkChannelKind.Pdsch => "PDSCH",
        DownlinkChannelKind.CsiRs => "CSI-RS",
        _ => "ZP-CSI-RS",
    };
}
