using System;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Modulation;

/// <summary>
/// What the vector soft demappers share: the length checks, QPSK and square QAM handed to the vector kernels of the
/// instruction set, and the generic scalar code (their oracle) for BPSK, π/2-BPSK and the symbols the kernels leave.
/// </summary>
public abstract class VectorDemodulationMapper : IDemodulationMapper
{
    /// <summary>Sets the quantization scale.</summary>
    protected VectorDemodulationMapper(float llrScale) => LlrScale = llrScale;

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public float LlrScale { get; }

    /// <inheritdoc />
    public void Demodulate(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs, int symbolIndexOffset = 0)
    {
        int qm = DemodulationMapperGeneric.ValidateLengths(symbols.Length, noiseVariances.Length, scheme, llrs.Length);
        int done = qm switch
        {
            2 => SoftDemapping.QpskSlope(out float slope) ? DemodulateQpsk(symbols, noiseVariances, slope, llrs) : 0,
            > 2 => DemodulateQam(symbols, noiseVariances, scheme, llrs),
            _ => 0,
        };
        DemodulationMapperGeneric.DemodulateScalar(symbols[done..], noiseVariances[done..], scheme, llrs[(done * qm)..], symbolIndexOffset + done, LlrScale);
    }

    /// <summary>QPSK from the first symbol on, whole vector steps only; returns the symbols processed.</summary>
    protected abstract int DemodulateQpsk(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, float slope, Span<sbyte> llrs);

    /// <summary>16QAM … 1024QAM from the first symbol on, whole vector steps only; returns the symbols processed.</summary>
    protected abstract int DemodulateQam(ReadOnlySpan<ComplexF32> symbols, ReadOnlySpan<float> noiseVariances, ModulationScheme scheme, Span<sbyte> llrs);
}
