using System;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// The scalar FFT: every pass runs <see cref="FftScalarPass"/>. Any length 1..2^20 (radix 2, 3, 4, 5, 8 butterflies and
/// direct DFTs for other primes). It is the oracle of the vector plans (STYLE.md §7.1).
/// </summary>
public sealed class FftPlanGeneric : FftPlan
{
    /// <summary>Plans a transform of <paramref name="length"/> points.</summary>
    /// <param name="length">N, 1..2^20.</param>
    /// <param name="scaling">The normalisation convention.</param>
    public FftPlanGeneric(int length, FftScaling scaling = FftScaling.None)
        : base(length, scaling)
    {
    }

    /// <summary>The factory name of this implementation.</summary>
    public const string Name = "generic";

    /// <inheritdoc />
    public override string Implementation => Name;

    private protected override void RunPass(int index, ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y, FftDirection direction)
    {
        FftPass pass = Passes[index];
        ReadOnlySpan<ComplexF32> twiddles = Twiddles.AsSpan(pass.TwiddleOffset, pass.Groups * (pass.Radix - 1));
        GenericRadixContext generic = pass.IsGenericRadix ? new(Roots.AsSpan(pass.RootsOffset, pass.Radix), GenericScratch) : default;
        if (direction == FftDirection.Forward)
        {
            FftScalarPass.Run<ForwardFft>(x, y, pass, twiddles, 0, pass.Groups, generic);
        }
        else
        {
            FftScalarPass.Run<InverseFft>(x, y, pass, twiddles, 0, pass.Groups, generic);
        }
    }
}
