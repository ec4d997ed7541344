using System;
using System.Collections.Generic;
using System.Globalization;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// Soft demapping against MATLAB's <c>nrSymbolDemodulate(…, 'soft')</c> (<c>py5gphy_matlab/modulation/demapper_llr</c>):
/// the max-log LLRs of <c>demod_data</c> with noise variance <c>noise_power</c> must agree with <c>LLR</c> in sign
/// everywhere and in value within 1e-4·max(1, |LLR|) (natural units, compared in float before quantization); the int8
/// LLRs of the default demapper must equal the quantized MATLAB values within one step.
/// </summary>
/// <remarks>
/// Convention check (done once, recorded here): MATLAB's 'soft' output is the approximate (max-log) LLR
/// (d₁² − d₀²)/N₀ with N₀ = <c>noise_power</c> the complex noise variance and positive values favouring bit 0, which is
/// the project convention; no sign or scale conversion is applied.
/// </remarks>
public sealed class DemapperLlrCheck : IConformanceCheck
{
    /// <summary>Relative tolerance on natural-unit LLRs (single-precision arithmetic against MATLAB's double).</summary>
    public const double RelativeTolerance = 1e-4;

    /// <inheritdoc />
    public string Category => "demapper-llr";

    /// <inheritdoc />
    public string Description => "max-log soft demapping, all schemes (TS 38.211 §5.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/modulation/demapper_llr";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        string type = ((MatCharArray)mat["modtype"]).Text;
        ModulationScheme scheme = ModulationMapperCheck.ParseScheme(type, caseId);
        ComplexF32[] symbols = mat.Numeric("demod_data").ToComplexF32Array();
        double noise = mat.Numeric("noise_power").ScalarDouble;
        double[] expected = mat.Numeric("LLR").ToDoubleArray();
        var noiseVariances = new float[symbols.Length];
        Array.Fill(noiseVariances, (float)noise);
        var llrs = new float[symbols.Length * scheme.BitsPerSymbol()];
        if (llrs.Length != expected.Length)
        {
            return CaseResult.Fail($"{type}: {llrs.Length} LLRs computed, {expected.Length} in the file");
        }

        DemodulationMapperGeneric.DemodulateToFloat(symbols, noiseVariances, scheme, llrs);
        double worst = 0;
        for (int i = 0; i < llrs.Length; i++)
        {
            double err = Math.Abs(llrs[i] - expected[i]);
            if (Math.Sign(llrs[i]) != Math.Sign(expected[i]) || err > RelativeTolerance * Math.Max(1, Math.Abs(expected[i])))
            {
                return CaseResult.Fail(string.Create(CultureInfo.InvariantCulture, $"{type}: LLR[{i}] = {llrs[i]:G7}, expected {expected[i]:G7}"));
            }

            worst = Math.Max(worst, err / Math.Max(1, Math.Abs(expected[i])));
        }

        IDemodulationMapper mapper = DemodulationMapperFactory.Create();
        var quantized = new sbyte[llrs.Length];
        mapper.Demodulate(symbols, noiseVariances, scheme, quantized);
        for (int i = 0; i < quantized.Length; i++)
        {
            sbyte reference = LogLikelihoodRatio.Quantize((float)expected[i], mapper.LlrScale);
            if (Math.Abs(quantized[i] - reference) > 1)
            {
                return CaseResult.Fail($"{type}: int8 LLR[{i}] = {quantized[i]}, quantized MATLAB value {reference} ({mapper.Name})");
            }
        }

        return CaseResult.Pass(string.Create(CultureInfo.InvariantCulture, $"{type}, {llrs.Length} LLRs, worst relative error {worst:G2}"));
    }
}
