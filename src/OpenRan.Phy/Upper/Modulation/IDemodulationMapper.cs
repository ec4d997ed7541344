using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// Soft demapper (TS 38.211 §5.1 inverted): complex symbols with per-symbol noise variance to int8 max-log LLRs in the
/// project convention of <see cref="LogLikelihoodRatio"/> (positive favours bit 0, soft values saturate at ±120).
/// </summary>
/// <remarks>
/// Scaling: the natural-unit LLR L (see <see cref="SoftDemapping"/>, L = (d₁² − d₀²)/σ² with σ² the complex noise variance
/// E|n|² of the symbol) is quantized as clamp(round(L·<see cref="LlrScale"/>), −120, 120), so one LLR step is
/// 1/<see cref="LlrScale"/> natural units. A noise variance that is not a positive finite number (0, NaN, +∞) marks an
/// erased symbol, whose LLRs are 0. Implementations differ only in speed; the generic one is the oracle.
/// </remarks>
public interface IDemodulationMapper
{
    /// <summary>The implementation name (<c>generic</c>, <c>avx2</c>).</summary>
    string Name { get; }

    /// <summary>Quantization scale: int8 LLR steps per natural-unit LLR.</summary>
    float LlrScale { get; }

    /// <summary>
    /// Demaps symbols[i] with noise variance noiseVariances[i] to llrs[i·Q_m .. (i+1)·Q_m) in TS 38.211 §5.1 bit order.
    /// </summary>
    /// <param name="symbols">Equalized symbols, unit average power constellation.</param>
    /// <param name="noiseVariances">Per-symbol complex noise variance σ², same length as <paramref name="symbols"/>.</param>
    /// <param name="scheme">The modulation scheme.</param>
    /// <param name="llrs">Receives symbols.Length · Q_m LLRs.</param>
    /// <param name="symbolIndexOffset">For π/2-BPSK only: the index i of the first symbol (odd symbols are rotated by π/2).</param>
    void Demodulate(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs, int symbolIndexOffset = 0);
}

/// <summary>Creates soft demappers by implementation name (STYLE.md §6: <c>auto | avx2 | generic</c>).</summary>
public static class DemodulationMapperFactory
{
    /// <summary>The default quantization scale: 4 int8 steps per natural-unit LLR (±120 ↔ ±30 natural units).</summary>
    public const float DefaultLlrScale = 4f;

    /// <summary>Every name accepted by <see cref="Create"/>.</summary>
    public static string[] Names => ["auto", DemodulationMapperAvx2.ImplementationName, DemodulationMapperGeneric.ImplementationName];

    /// <summary>The implementation <c>auto</c> picks on this machine.</summary>
    public static string AutoChoice => DemodulationMapperAvx2.IsSupported ? DemodulationMapperAvx2.ImplementationName : DemodulationMapperGeneric.ImplementationName;

    /// <summary>Creates the named implementation.</summary>
    /// <param name="implementation"><c>auto</c>, <c>avx2</c> or <c>generic</c>.</param>
    /// <param name="llrScale">Quantization scale, in (0, 1000].</param>
    /// <exception cref="PlatformNotSupportedException"><c>avx2</c> was asked for on a machine without AVX2.</exception>
    public static IDemodulationMapper Create(string implementation = "auto", float llrScale = DefaultLlrScale)
    {
        if (!(llrScale > 0f && llrScale <= 1000f))
        {
            ThrowHelper.ThrowOutOfRange(nameof(llrScale), llrScale, "(0, 1000]");
        }

        string name = implementation == "auto" ? AutoChoice : implementation;
        return name switch
        {
            DemodulationMapperGeneric.ImplementationName => new DemodulationMapperGeneric(llrScale),
            DemodulationMapperAvx2.ImplementationName when DemodulationMapperAvx2.IsSupported => new DemodulationMapperAvx2(llrScale),
            DemodulationMapperAvx2.ImplementationName => throw new PlatformNotSupportedException("the avx2 demapper needs AVX2."),
            _ => throw new ArgumentOutOfRangeException(nameof(implementation), implementation, $"unknown demapper; valid: {string.Join(", ", Names)}."),
        };
    }
}

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
