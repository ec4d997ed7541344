using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Reporting;

/// <summary>
/// Writes the per-point results of a whole sweep as CSV (comma-separated, invariant culture, one header line), with only
/// the columns that mean something for the sweep: for PUSCH/PDSCH sweeps SNR, slots, transmissions, errors, BLER with its
/// 95 % interval, residual BLER, throughput share with interval and Mbit/s (and bit errors, bits and BER only when the
/// simulation counted bits); for PUCCH sweeps SNR, occasions, trials, errors and the error probability with its interval.
/// An undefined value (no trials) is an empty field.
/// </summary>
public static class SweepCsv
{
    /// <summary>The header line of link sweeps.</summary>
    public const string Header =
        "snr_db,slots,transmissions,transmission_errors,bler,bler_lower,bler_upper,transport_blocks,residual_errors,residual_bler," +
        "throughput_share,throughput_share_lower,throughput_share_upper,throughput_mbps,max_throughput_mbps";

    /// <summary>The extra columns of link sweeps that counted bits.</summary>
    public const string BitColumns = ",bit_errors,bits,ber";

    /// <summary>The header line of PUCCH sweeps.</summary>
    public const string PucchHeader = "snr_db,occasions,trials,errors,error_probability,error_probability_lower,error_probability_upper";

    /// <summary>The CSV text of <paramref name="result"/>'s points.</summary>
    public static string Format(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        if (result.Plan.Description.TryGetValue("link", out string? link) && link == "pucch")
        {
            text.Append(PucchHeader).Append('\n');
            foreach (PointResult p in result.Points)
            {
                LinkCounters c = p.Counters;
                text.Append(CultureInfo.InvariantCulture,
                    $"{p.SnrDb:R},{c.Slots},{c.Transmissions},{c.TransmissionErrors},{Number(p.Bler)},{Number(p.BlerLower)},{Number(p.BlerUpper)}\n");
            }

            return text.ToString();
        }

        bool bits = result.Points.Any(p => p.Counters.Bits > 0);
        text.Append(Header).Append(bits ? BitColumns : "").Append('\n');
        foreach (PointResult p in result.Points)
        {
            LinkCounters c = p.Counters;
            text.Append(CultureInfo.InvariantCulture,
                $"{p.SnrDb:R},{c.Slots},{c.Transmissions},{c.TransmissionErrors},{Number(p.Bler)},{Number(p.BlerLower)},{Number(p.BlerUpper)},");
            text.Append(CultureInfo.InvariantCulture,
                $"{c.TransportBlocks},{c.ResidualErrors},{Number(p.ResidualBler)},{Number(p.ThroughputShare)},{Number(p.ThroughputShareLower)},{Number(p.ThroughputShareUpper)},");
            text.Append(CultureInfo.InvariantCulture, $"{Number(p.ThroughputMbps)},{Number(p.MaxThroughputMbps)}");
            if (bits)
            {
                text.Append(CultureInfo.InvariantCulture, $",{c.BitErrors},{c.Bits},{Number(p.Ber)}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes the CSV to <paramref name="path"/>.</summary>
    public static void Write(SweepResult result, string path) => File.WriteAllText(path, Format(result));

    /// <summary>A number (G9, invariant), or empty when undefined.</summary>
    internal static string Number(double value) => double.IsFinite(value) ? value.ToString("G9", CultureInfo.InvariantCulture) : "";
}
