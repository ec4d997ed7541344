using System;
using System.Globalization;
using System.IO;
using System.Text;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Writes the per-point results of a whole sweep as CSV (comma-separated, invariant culture, one header line): SNR, slots,
/// transmissions, errors, BLER with its 95 % interval, residual BLER, throughput share with interval, Mbit/s and BER.
/// </summary>
public static class SweepCsv
{
    /// <summary>The header line.</summary>
    public const string Header =
        "snr_db,slots,transmissions,transmission_errors,bler,bler_lower,bler_upper,transport_blocks,residual_errors,residual_bler," +
        "throughput_share,throughput_share_lower,throughput_share_upper,throughput_mbps,max_throughput_mbps,bit_errors,bits,ber";

    /// <summary>The CSV text of <paramref name="result"/>'s points.</summary>
    public static string Format(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        foreach (PointResult p in result.Points)
        {
            LinkCounters c = p.Counters;
            text.Append(CultureInfo.InvariantCulture,
                $"{p.SnrDb:R},{c.Slots},{c.Transmissions},{c.TransmissionErrors},{Number(p.Bler)},{Number(p.BlerLower)},{Number(p.BlerUpper)},");
            text.Append(CultureInfo.InvariantCulture,
                $"{c.TransportBlocks},{c.ResidualErrors},{Number(p.ResidualBler)},{Number(p.ThroughputShare)},{Number(p.ThroughputShareLower)},{Number(p.ThroughputShareUpper)},");
            text.Append(CultureInfo.InvariantCulture,
                $"{Number(p.ThroughputMbps)},{Number(p.MaxThroughputMbps)},{c.BitErrors},{c.Bits},{Number(p.Ber)}\n");
        }

        return text.ToString();
    }

    /// <summary>Writes the CSV to <paramref name="path"/>.</summary>
    public static void Write(SweepResult result, string path) => File.WriteAllText(path, Format(result));

    private static string Number(double value) => double.IsNaN(value) ? "" : value.ToString("G9", CultureInfo.InvariantCulture);
}
