using System;
using System.Collections.Generic;
using System.Linq;

namespace OpenRan.Dsp.Fft;

/// <summary>
/// The shared frame of the FFT implementations: a mixed-radix, self-sorting (Stockham) decimation-in-frequency FFT whose
/// passes ping-pong between the output and one scratch buffer of the plan, so no bit-reversal pass is needed. Twiddles
/// are computed once, in double precision, at construction.
/// </summary>
/// <remarks>
/// Pass with radix r, stride s and m = N/(r·s) groups, for every group p &lt; m and every q &lt; s (n = r·m):
/// <code>
///   a_t = x[q + s·(p + t·m)],                 t = 0..r−1
///   y[q + s·(r·p + k)] = w_n^(p·k) · Σ_t a_t·ω_r^(t·k),   k = 0..r−1,   w_n = e^(∓j2π/n), ω_r = e^(∓j2π/r)
/// </code>
/// (the radix-r generalisation of Stockham's radix-2 autosort FFT, as in Van Loan, "Computational Frameworks for the
/// Fast Fourier Transform", §1.7). Inverse transforms use the conjugate twiddles.
/// </remarks>
public abstract class FftPlan : IFft
{
    private readonly FftPass[] _passes;
    private readonly ComplexF32[] _work;

    /// <summary>Builds the passes, twiddles and scratch of a length-<paramref name="length"/> plan.</summary>
    /// <param name="length">N ≥ 1.</param>
    /// <param name="scaling">The normalisation convention.</param>
    private protected FftPlan(int length, FftScaling scaling)
    {
        ThrowHelper.ThrowIfOutside(length, 1, MaxLength);
        if (!Enum.IsDefined(scaling))
        {
            ThrowHelper.ThrowOutOfRange(nameof(scaling), scaling, "None, Unitary, InverseByLength");
        }

        Length = length;
        Scaling = scaling;
        _passes = FftFactorization.Passes(length);
        _work = new ComplexF32[length];
        Twiddles = new ComplexF32[FftFactorization.TwiddleCount(_passes)];
        (int largestGeneric, int rootCount) = FftFactorization.GenericRadices(_passes);
        Roots = new ComplexF32[rootCount];
        GenericScratch = new ComplexF32[2 * largestGeneric];
        for (int i = 0; i < _passes.Length; i++)
        {
            FftPass pass = _passes[i];
            FillTwiddles(pass);
            if (pass.IsGenericRadix)
            {
                for (int t = 0; t < pass.Radix; t++)
                {
                    Roots[pass.RootsOffset + t] = RootOfUnity(t, pass.Radix);
                }
            }
        }
    }

    /// <summary>The largest supported length (2^20).</summary>
    public const int MaxLength = 1 << 20;

    /// <inheritdoc />
    public int Length { get; }

    /// <inheritdoc />
    public FftScaling Scaling { get; }

    /// <inheritdoc />
    public abstract string Implementation { get; }

    /// <summary>The radix of every pass, first pass first (for example 8, 8, 8, 8 for N = 4096).</summary>
    public IReadOnlyList<int> Radices => _passes.Select(p => p.Radix).ToArray();

    /// <summary>The passes.</summary>
    private protected ReadOnlySpan<FftPass> Passes => _passes;

    /// <summary>Forward twiddles w_n^(p·k) of every pass, group-major within a pass: offset + p·(r−1) + k − 1.</summary>
    private protected ComplexF32[] Twiddles { get; }

    /// <summary>Forward roots of unity ω_r^t of the generic-radix passes.</summary>
    private protected ComplexF32[] Roots { get; }

    /// <summary>Scratch for generic-radix butterflies (2·r values).</summary>
    private protected ComplexF32[] GenericScratch { get; }

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output, FftDirection direction)
    {
        ThrowHelper.ThrowIfLengthDiffers(input.Length, Length, nameof(input));
        ThrowHelper.ThrowIfLengthDiffers(output.Length, Length, nameof(output));
        if (input.Overlaps(output, out int offset))
        {
            if (offset != 0)
            {
                ThrowHelper.ThrowArgument(nameof(output), "output partially overlaps input; it must be the same span (in-place) or disjoint.");
            }

            Transform(output, direction);
            return;
        }

        Run(input, output, direction);
    }

    /// <inheritdoc />
    public void Transform(Span<ComplexF32> data, FftDirection direction)
    {
        ThrowHelper.ThrowIfLengthDiffers(data.Length, Length, nameof(data));
        if ((StepCount & 1) == 1)
        {
            // An odd number of passes starts by writing the output: read the input from a copy in the scratch buffer,
            // which the second pass may then overwrite (the first pass has consumed it by then).
            data.CopyTo(_work);
            Run(_work, data, direction);
        }
        else
        {
            Run(data, data, direction);
        }
    }

    /// <summary>Forward transform, out-of-place.</summary>
    public void Forward(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output) => Transform(input, output, FftDirection.Forward);

    /// <summary>Inverse transform, out-of-place.</summary>
    public void Inverse(ReadOnlySpan<ComplexF32> input, Span<ComplexF32> output) => Transform(input, output, FftDirection.Inverse);

    /// <summary>
    /// How many out-of-place steps a transform takes: one per pass unless the implementation fuses passes (each step reads
    /// all N values once and writes them once).
    /// </summary>
    private protected virtual int StepCount => _passes.Length;

    /// <summary>Runs step <paramref name="index"/> (pass <paramref name="index"/> unless passes are fused) from <paramref name="x"/> to <paramref name="y"/> (disjoint, N values each).</summary>
    private protected abstract void RunPass(int index, ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y, FftDirection direction);

    /// <summary>e^(−j2π·t/n), from t mod n so that large products stay exact.</summary>
    internal static ComplexF32 RootOfUnity(long t, int n)
    {
        long r = t % n;
        return ComplexF32.FromPolar(1.0, -2.0 * Math.PI * r / n);
    }

    private void Run(ReadOnlySpan<ComplexF32> source, Span<ComplexF32> output, FftDirection direction)
    {
        int count = StepCount;
        if (count == 0)
        {
            source.CopyTo(output);
        }

        ReadOnlySpan<ComplexF32> x = source;
        for (int i = 0; i < count; i++)
        {
            // The last pass writes the output, the one before it the scratch buffer, and so on backwards.
            Span<ComplexF32> y = ((count - i) & 1) == 1 ? output : _work;
            RunPass(i, x, y, direction);
            x = y;
        }

        float factor = Scaling.Factor(direction, Length);
        if (factor != 1f)
        {
            ComplexKernels.Scale(output, factor, output);
        }
    }

    private void FillTwiddles(FftPass pass)
    {
        int n = pass.Radix * pass.Groups;
        for (int p = 0; p < pass.Groups; p++)
        {
            for (int k = 1; k < pass.Radix; k++)
            {
                Twiddles[pass.TwiddleOffset + (p * (pass.Radix - 1)) + k - 1] = RootOfUnity((long)p * k, n);
            }
        }
    }
}
