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
    /// <summary>The implementation name (<c>generic</c>, <c>avx2</c>, <c>avx512</c>).</summary>
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
