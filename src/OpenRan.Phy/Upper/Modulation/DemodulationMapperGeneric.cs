using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>The scalar soft demapper: the reference for the vector implementations.</summary>
public sealed class DemodulationMapperGeneric : IDemodulationMapper
{
    /// <summary>The name of this implementation.</summary>
    public const string ImplementationName = "generic";

    /// <summary>Creates the demapper with the given quantization scale.</summary>
    public DemodulationMapperGeneric(float llrScale = DemodulationMapperFactory.DefaultLlrScale) => LlrScale = llrScale;

    /// <inheritdoc />
    public string Name => ImplementationName;

    /// <inheritdoc />
    public float LlrScale { get; }

    /// <inheritdoc />
    public void Demodulate(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs, int symbolIndexOffset = 0)
    {
        ValidateLengths(symbols.Length, noiseVariances.Length, scheme, llrs.Length);
        DemodulateScalar(symbols, noiseVariances, scheme, llrs, symbolIndexOffset, LlrScale);
    }

    /// <summary>Checks one noise variance per symbol and Q_m LLRs per symbol; returns Q_m.</summary>
    internal static int ValidateLengths(int symbols, int noiseVariances, ModulationScheme scheme, int llrs)
    {
        int qm = scheme.BitsPerSymbol();
        ThrowHelper.ThrowIfLengthDiffers(noiseVariances, symbols, nameof(noiseVariances));
        ThrowHelper.ThrowIfLengthDiffers(llrs, symbols * qm, nameof(llrs));
        return qm;
    }

    /// <summary>
    /// The float reference: natural-unit max-log LLRs llrs[i·Q_m + b] = (min_{s: b = 1}|y − s|² − min_{s: b = 0}|y − s|²)/σ²
    /// of symbols[i] with noise variance noiseVariances[i] (σ² that is not a positive finite number gives 0).
    /// </summary>
    /// <param name="symbols">Equalized symbols.</param>
    /// <param name="noiseVariances">Per-symbol complex noise variance.</param>
    /// <param name="scheme">The modulation scheme.</param>
    /// <param name="llrs">Receives symbols.Length · Q_m values.</param>
    /// <param name="symbolIndexOffset">For π/2-BPSK only: the index of the first symbol.</param>
    public static void DemodulateToFloat(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<float> llrs, int symbolIndexOffset = 0) =>
        SoftDemapping.Demodulate(symbols, noiseVariances, scheme, llrs, symbolIndexOffset);

    /// <summary>Scalar demapping of every symbol; also the tail of the vector implementations.</summary>
    internal static void DemodulateScalar(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs, int symbolIndexOffset, float llrScale)
    {
        int qm = scheme.BitsPerSymbol();
        if (qm == 1)
        {
            for (int i = 0; i < symbols.Length; i++)
            {
                bool rotated = scheme == ModulationScheme.Pi2Bpsk && ((i + symbolIndexOffset) & 1) == 1;
                llrs[i] = Quantize(SoftDemapping.BpskSymbol(symbols[i], rotated, 1f), llrScale * SoftDemapping.InverseNoise(noiseVariances[i]));
            }

            return;
        }

        QamAxisTable table = SoftDemapping.Table(scheme);
        for (int i = 0; i < symbols.Length; i++)
        {
            float factor = llrScale * SoftDemapping.InverseNoise(noiseVariances[i]);
            ComplexF32 s = symbols[i];
            Span<sbyte> out8 = llrs.Slice(i * qm, qm);
            for (int j = 0; j < table.BitsPerAxis; j++)
            {
                out8[2 * j] = Quantize(table.Llr(j, s.Re), factor);
                out8[(2 * j) + 1] = Quantize(table.Llr(j, s.Im), factor);
            }
        }
    }

    /// <summary>clamp(round(value·factor), ±120); NaN gives 0. Same operation order as the vector paths.</summary>
    private static sbyte Quantize(float value, float factor) => LogLikelihoodRatio.Quantize(value * factor, 1f);
}
