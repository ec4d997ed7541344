using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Sweeps;
using OpenRan.TestSupport;

namespace OpenRan.Simulation.Tests.Sweeps;

/// <summary>
/// Acceptance: uncoded BPSK/QPSK/16QAM/64QAM bit-error rates over AWGN, simulated with the sweep runner, match AFF3CT's
/// reference curves (aff3ct/error_rate_references, Gray-mapped QAM; BER does not depend on the Gray labelling) within
/// 0.2 dB at every reference point with 2e-4 ≤ BER ≤ 0.15.
/// </summary>
public class Aff3ctUncodedQamTests
{
    public static TheoryData<string, ModulationScheme> Curves() => new()
    {
        { "Uncoded_K4003_BPSK.txt", ModulationScheme.Bpsk },
        { "Uncoded_K4003_QAM_max_bps2.txt", ModulationScheme.Qpsk },
        { "Uncoded_K4003_QAM_max_bps4.txt", ModulationScheme.Qam16 },
        { "Uncoded_K4003_QAM_max_bps6.txt", ModulationScheme.Qam64 },
    };

    [Theory]
    [MemberData(nameof(Curves))]
    public void UncodedBer_AwgnSweep_WithinTwoTenthsDbOfAff3ct(string file, ModulationScheme scheme)
    {
        string path = VectorCases.RequireFile($"aff3ct/ber_fer_curves/{file}");
        List<(double EbN0Db, double Ber)> reference = ReadTrace(path);
        var used = reference.FindAll(r => r.Ber is >= 2e-4 and <= 0.15);
        Assert.True(used.Count >= 4, $"{file}: only {used.Count} reference points in range");

        // Our curve on the same Eb/N0 grid plus one point beyond each end, so every reference BER is bracketed.
        int qm = scheme.BitsPerSymbol();
        var ebN0 = new List<double>();
        for (double x = used[0].EbN0Db - 1; x <= used[^1].EbN0Db + 1 + 1e-9; x += 1)
        {
            ebN0.Add(x);
        }

        // ≥ 500 errors at the lowest BER used: 2.5e6 bits per point; 620 frames of 4032 bits.
        var plan = new SweepPlan
        {
            SnrDb = ebN0.ConvertAll(x => SnrDefinition.EsN0DbFromEbN0Db(x, qm, 1)),
            SlotsPerBatch = 62,
            MaxSlotsPerPoint = 620,
            MinBlockErrors = 0,
            Seed = 2024,
        };
        SweepResult result = new SweepRunner(plan, () => new UncodedQamSimulator(scheme), 2).Run(null, TestContext.Current.CancellationToken);

        foreach ((double refEbN0, double refBer) in used)
        {
            double ours = EbN0AtBer(ebN0, result.Points, refBer);
            TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"{file}: BER {refBer:E2}: AFF3CT {refEbN0:F2} dB, OpenRan {ours:F3} dB, Δ {ours - refEbN0:+0.000;-0.000} dB"));
            Assert.True(Math.Abs(ours - refEbN0) <= 0.2,
                $"{file}: AFF3CT reaches BER {refBer:E2} at {refEbN0:F2} dB, OpenRan at {ours:F2} dB (Δ {ours - refEbN0:+0.00;-0.00} dB)");
        }
    }

    /// <summary>Eb/N0 where our BER crosses <paramref name="ber"/>, interpolating log10(BER) linearly in dB.</summary>
    private static double EbN0AtBer(List<double> ebN0, IReadOnlyList<PointResult> points, double ber)
    {
        for (int i = 1; i < points.Count; i++)
        {
            double hi = points[i - 1].Ber;
            double lo = points[i].Ber;
            if (hi >= ber && lo <= ber && lo > 0)
            {
                double t = (Math.Log10(hi) - Math.Log10(ber)) / (Math.Log10(hi) - Math.Log10(lo));
                return ebN0[i - 1] + (t * (ebN0[i] - ebN0[i - 1]));
            }
        }

        throw new InvalidOperationException($"BER {ber:E2} is not bracketed by the simulated curve.");
    }

    /// <summary>Reads the [trace] table rows "Es/N0 | Eb/N0 || FRA | BE | FE | BER | FER || …" (see the vector README).</summary>
    private static List<(double EbN0Db, double Ber)> ReadTrace(string path)
    {
        var rows = new List<(double, double)>();
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || !line.Contains("||", StringComparison.Ordinal))
            {
                continue;
            }

            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            rows.Add((double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[5], CultureInfo.InvariantCulture)));
        }

        Assert.True(rows.Count > 5, $"{path}: no trace rows found");
        return rows;
    }
}
