using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Conformance.Checks.Polar;

/// <summary>
/// MATLAB polar reference arrays embedded in py3gpp's tests (<c>py3gpp/test_nrPolar*.json</c>,
/// <c>test_nrRateRecoverPolar.json</c>), with the inputs those tests build: encoding of an all-ones 100-bit payload
/// (and one with its first 10 bits zero) at E = 512, n_max = 9, with and without I_IL; SCL (L = 10) decoding of such
/// codewords with LLRs 1 − 2b and bits 100..299 erased; rate recovery of 0, 1, 2, … (K = 56, N = 512, E = 512 and 864).
/// </summary>
public sealed class Py3gppPolarCheck : IConformanceCheck
{
    /// <inheritdoc />
    public string Category => "polar-py3gpp";

    /// <inheritdoc />
    public string Description => "MATLAB nrPolarEncode / nrPolarDecode / nrRateRecoverPolar arrays (via py3gpp)";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) =>
        ConformanceRunner.FilesIn(folder, "test_nr*Polar*.json");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        Py3gppVectorFile file = Py3gppVectorFile.Load(caseId);
        string name = Path.GetFileNameWithoutExtension(caseId);
        return name switch
        {
            "test_nrPolarEncode" => Encode(file),
            "test_nrPolarDecode" => Decode(file),
            "test_nrRateRecoverPolar" => RateRecover(file),
            _ => CaseResult.Skip($"no recipe for {name}"),
        };
    }

    private static CaseResult Encode(Py3gppVectorFile file)
    {
        // (payload, I_IL) per assignment in file order: ones/no IIL, ones/IIL, first-10-zero/no IIL, first-10-zero/IIL.
        int index = 0;
        foreach (Py3gppAssignment expected in file.Assignments.Where(a => a.Name.StartsWith("cw_desired", StringComparison.Ordinal)))
        {
            bool zeros = index >= 2;
            bool iil = index % 2 == 1;
            byte[] payload = Payload(zeros);
            var code = new PolarCode(payload.Length, 512, 9, iil, 0, 0, false);
            var d = new byte[code.N];
            PolarEncoder.Encode(code, payload, d);
            string? diff = Compare.FirstDifference<byte>(d, Array.ConvertAll(expected.ToDoubles(), v => (byte)v), $"{expected.Name} (line {expected.Line})");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            index++;
        }

        return CaseResult.Pass($"{index} codewords");
    }

    private static CaseResult Decode(Py3gppVectorFile file)
    {
        Py3gppAssignment[] codewords = file.Assignments.Where(a => a.Name == "cw").ToArray();
        Py3gppAssignment[] payloads = file.Assignments.Where(a => a.Name == "payload").ToArray();
        var decoder = new PolarDecoder(16, 512) { ListSize = 10 };
        for (int t = 0; t < codewords.Length; t++)
        {
            byte[] payload = t == 0 ? Payload(false) : Array.ConvertAll(payloads[t - 1].ToDoubles(), v => (byte)v);
            double[] cw = codewords[t].ToDoubles();
            var llrs = new float[cw.Length];
            for (int i = 0; i < cw.Length; i++)
            {
                llrs[i] = i is >= 100 and < 300 ? 0f : (float)(1 - (2 * cw[i]));
            }

            var code = new PolarCode(payload.Length, 512, 9, false, 0, 0, false);
            var c = new byte[payload.Length];
            decoder.Decode(code, llrs, c, default(AcceptAnyPath));
            string? diff = Compare.FirstDifference<byte>(c, payload, $"test case {t + 1}");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }
        }

        return CaseResult.Pass($"{codewords.Length} decodes (SCL, L = 10)");
    }

    private static CaseResult RateRecover(Py3gppVectorFile file)
    {
        int[] lengths = [512, 864];
        int t = 0;
        foreach (Py3gppAssignment expected in file.Assignments.Where(a => a.Name == "result_matlab"))
        {
            int e = lengths[Math.Min(t, lengths.Length - 1)];
            var input = new float[e];
            for (int i = 0; i < e; i++)
            {
                input[i] = i;
            }

            // MATLAB keeps only the first N values under repetition.
            var d = new float[512];
            PolarRateDematcher.Recover(input, 56, false, d, combineRepetitions: false);
            string? diff = Compare.FirstDifference<double>(Array.ConvertAll(d, v => (double)v), expected.ToDoubles(), $"E={e} (line {expected.Line})");
            if (diff is not null)
            {
                return CaseResult.Fail(diff);
            }

            t++;
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{t} recoveries"));
    }

    private static byte[] Payload(bool firstTenZero)
    {
        var payload = new byte[100];
        Array.Fill(payload, (byte)1);
        if (firstTenZero)
        {
            Array.Clear(payload, 0, 10);
        }

        return payload;
    }
}
