using System;
using OpenRan.Dsp;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>The test radio link's resampler against the continuous signal it samples.</summary>
public sealed class FractionalDelayInterpolatorTests
{
    [Theory]
    [InlineData(0.39, 5e-6, -60)]    // the 5 MHz carrier at 5.76 Msps
    [InlineData(0.39, -5e-6, -60)]
    [InlineData(0.414, 5e-6, -40)]   // 20 MHz at 23.04 Msps (its edge tones: about −43 dB)
    public void Interpolate_TonesUpToTheBandEdge_MatchTheContinuousSignal(double edge, double epsilon, double boundDb)
    {
        double[] frequencies = [-edge, -0.23, 0.01, 0.17, edge];
        const int Length = 8192;
        var x = new ComplexF32[Length];
        for (int i = 0; i < Length; i++)
        {
            x[i] = Signal(frequencies, i);
        }

        // Positions origin + m·ratio over most of the input (a clock off by ε, and a fractional start).
        double ratio = 1 + epsilon;
        const double Origin = 40.37;
        var y = new ComplexF32[Length - 100];
        new FractionalDelayInterpolator().Interpolate(x, 0, Origin, ratio, 0, y);
        double error = 0;
        double power = 0;
        for (int m = 0; m < y.Length; m++)
        {
            ComplexF32 expected = Signal(frequencies, Origin + (m * ratio));
            double dr = y[m].Re - expected.Re;
            double di = y[m].Im - expected.Im;
            error += (dr * dr) + (di * di);
            power += (expected.Re * expected.Re) + (expected.Im * expected.Im);
        }

        double db = 10 * Math.Log10(error / power);
        Assert.True(db <= boundDb, $"error {db:F1} dB");
    }

    private static ComplexF32 Signal(double[] frequencies, double t)
    {
        double re = 0;
        double im = 0;
        for (int k = 0; k < frequencies.Length; k++)
        {
            double phase = (2 * Math.PI * frequencies[k] * t) + k;
            re += Math.Cos(phase);
            im += Math.Sin(phase);
        }

        return new ComplexF32((float)(re / frequencies.Length), (float)(im / frequencies.Length));
    }
}
