using System.Collections.Generic;
using System.IO;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.TransformPrecoding;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// PUSCH transform precoding (TS 38.211 §6.3.1.4) against MATLAB's <c>nrTransformPrecode</c> embedded in py3gpp's tests
/// (<c>py3gpp/transformPrecode.json</c>): the QPSK symbols of <c>cw</c> transform-precoded for M_RB = 2 and 40 must equal
/// <c>desired_result_2</c> and <c>desired_result_40</c> within 1e-5, and deprecoding must give the symbols back.
/// </summary>
public sealed class TransformPrecodingCheck : IConformanceCheck
{
    /// <summary>Complex tolerance (the references are rounded to 15 digits; the error is single-precision DFT rounding).</summary>
    public const double Tolerance = 1e-5;

    /// <inheritdoc />
    public string Category => "transform-precoding";

    /// <inheritdoc />
    public string Description => "PUSCH transform precoding and its inverse (TS 38.211 §6.3.1.4)";

    /// <inheritdoc />
    public string RelativeFolder => "py3gpp";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder)
    {
        string path = Path.Combine(folder, "transformPrecode.json");
        return File.Exists(path) ? [path + "#2", path + "#40"] : [];
    }

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        int hash = caseId.LastIndexOf('#');
        string path = caseId[..hash];
        int prbCount = int.Parse(caseId[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        Py3gppVectorFile file = Py3gppVectorFile.Load(path);
        byte[] bits = [.. System.Linq.Enumerable.Select(file["cw"].ToDoubles(), b => (byte)b)];
        var symbols = new ComplexF32[bits.Length / 2];
        ModulationMapper.Map(bits, ModulationScheme.Qpsk, symbols);
        var precoded = new ComplexF32[symbols.Length];
        var precoder = new TransformPrecoder();
        precoder.Precode(symbols, prbCount, precoded);
        string? diff = Compare.FirstDifference(precoded, file[$"desired_result_{prbCount}"].ToComplex(), Tolerance, $"y (M_RB = {prbCount})");
        if (diff is not null)
        {
            return CaseResult.Fail(diff);
        }

        var restored = new ComplexF32[symbols.Length];
        precoder.Deprecode(precoded, prbCount, restored);
        diff = Compare.FirstDifference(restored, System.Array.ConvertAll(symbols, s => s.ToComplex()), Tolerance, "deprecoded x");
        return diff is null ? CaseResult.Pass($"M_RB = {prbCount}, {symbols.Length / (12 * prbCount)} symbol(s)") : CaseResult.Fail(diff);
    }
}
