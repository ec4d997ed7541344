using System;
using System.Numerics;
using System.Runtime.InteropServices;
using OpenRan.Dsp;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// Band-limited interpolation of a sample stream at fractional positions: a Kaiser-windowed sinc (β = 8) of 2·W = 24
/// taps tabulated in 1024 phases (and the 1025th, a whole sample on). Tones up to ±0.39 f_s (the 5 MHz carrier at
/// 5.76 Msps) come out within −60 dB, tones at ±0.414 f_s (the edge of 20 MHz at 23.04 Msps) within about −43 dB
/// (<see cref="FractionalDelayInterpolatorTests"/>). Output positions whose phase and
/// integer step stay the same form runs computed as one FIR (a multiply-add per tap over the run, SIMD). For tests.
/// </summary>
internal sealed class FractionalDelayInterpolator
{
    /// <summary>W: the taps reach W − 1 samples before and W after the position's integer part.</summary>
    public const int HalfWidth = 12;

    /// <summary>Phases per sample.</summary>
    public const int Phases = 1024;

    private const int Taps = 2 * HalfWidth;
    private readonly float[] _taps = new float[(Phases + 1) * Taps];

    public FractionalDelayInterpolator()
    {
        const double Beta = 8;
        double i0Beta = BesselI0(Beta);
        var raw = new double[Taps];
        for (int p = 0; p <= Phases; p++)
        {
            double fraction = (double)p / Phases;
            double sum = 0;
            for (int i = 0; i < Taps; i++)
            {
                // Tap i weighs x[whole − W + 1 + i] for the position whole + fraction.
                double u = i - HalfWidth + 1 - fraction;
                double ratio = u / HalfWidth;
                double window = BesselI0(Beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / i0Beta;
                raw[i] = (Math.Abs(u) < 1e-12 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u)) * window;
                sum += raw[i];
            }

            for (int i = 0; i < Taps; i++)
            {
                _taps[(p * Taps) + i] = (float)(raw[i] / sum);
            }
        }
    }

    /// <summary>
    /// The interpolated values at positions <c>origin + m·ratio</c> for m = firstOutput, firstOutput + 1, … (input
    /// indices; <paramref name="input"/>[0] is input index <paramref name="inputStart"/>). Every position must satisfy
    /// inputStart + W − 1 ≤ ⌊position⌋ and ⌊position⌋ + W &lt; inputStart + input.Length.
    /// </summary>
    public void Interpolate(ReadOnlySpan<ComplexF32> input, long inputStart, double origin, double ratio, long firstOutput, Span<ComplexF32> output)
    {
        int done = 0;
        while (done < output.Length)
        {
            // A run: outputs whose phase stays the same and whose integer position steps by one.
            (long whole, int phase) = Position(origin, ratio, firstOutput + done);
            int run = 1;
            while (done + run < output.Length)
            {
                (long w, int p) = Position(origin, ratio, firstOutput + done + run);
                if (p != phase || w != whole + run)
                {
                    break;
                }

                run++;
            }

            int first = (int)(whole - HalfWidth + 1 - inputStart);
            Filter(_taps.AsSpan(phase * Taps, Taps), input.Slice(first, run + Taps - 1), output.Slice(done, run));
            done += run;
        }
    }

    /// <summary>The integer part and phase of position <c>origin + m·ratio</c>.</summary>
    public static (long Whole, int Phase) Position(double origin, double ratio, long m)
    {
        double position = origin + (m * ratio);
        long whole = (long)Math.Floor(position);
        int phase = (int)Math.Round((position - whole) * Phases);
        return (whole, phase);
    }

    /// <summary>y[j] = Σ_i taps[i]·x[j + i].</summary>
    private static void Filter(ReadOnlySpan<float> taps, ReadOnlySpan<ComplexF32> x, Span<ComplexF32> y)
    {
        Span<float> o = MemoryMarshal.Cast<ComplexF32, float>(y);
        ReadOnlySpan<float> xf = MemoryMarshal.Cast<ComplexF32, float>(x);
        o.Clear();
        int width = Vector<float>.Count;
        for (int i = 0; i < taps.Length; i++)
        {
            float t = taps[i];
            if (t == 0)
            {
                continue;
            }

            ReadOnlySpan<float> xi = xf.Slice(2 * i, o.Length);
            var vt = new Vector<float>(t);
            int k = 0;
            for (; k <= o.Length - width; k += width)
            {
                (new Vector<float>(o[k..]) + (new Vector<float>(xi[k..]) * vt)).CopyTo(o[k..]);
            }

            for (; k < o.Length; k++)
            {
                o[k] += t * xi[k];
            }
        }
    }

    private static double BesselI0(double x)
    {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 60; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
        }

        return sum;
    }
}
