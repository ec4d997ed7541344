using System;
using OpenRan.Simulation.Randomness;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// A bank of independent unit-power Rayleigh fading processes with the classical (Jakes) Doppler spectrum, each a sum of
/// N complex sinusoids (sum-of-sinusoids model, after Y. R. Zheng and C. Xiao, "Simulation models with correct statistical
/// properties for Rayleigh fading channels", IEEE Trans. Commun. 51(6), 2003):
/// w_q(t) = N^(−1/2) Σ_{n=1..N} exp(j(2π f_D cos(α_{q,n}) t + φ_{q,n})), α_{q,n} = (2πn − π + θ_q)/N.
/// </summary>
/// <remarks>
/// θ_q and φ_{q,n} are drawn uniformly in [−π, π) at <see cref="Reset"/>. Averaged over θ the arrival angles are uniform
/// on the circle, so the ensemble autocorrelation is exactly E[w(t+τ)·w*(t)] = J0(2π f_D τ) and the Doppler spectrum is
/// the classical U-shape on [−f_D, f_D] for any N. Time is in samples. The phasors are advanced by a constant rotation per
/// step (double precision) and re-anchored exactly by <see cref="Seek"/>, so rounding does not accumulate across calls.
/// Allocation-free after construction.
/// </remarks>
internal sealed class SumOfSinusoidsFading
{
    private readonly int _processCount;
    private readonly int _sinusoidCount;
    private readonly double[] _omega;
    private readonly double[] _phase;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _stepRe;
    private readonly double[] _stepIm;
    private readonly double _scale;

    /// <summary>Creates <paramref name="processCount"/> processes of <paramref name="sinusoidCount"/> sinusoids each.</summary>
    public SumOfSinusoidsFading(int processCount, int sinusoidCount)
    {
        _processCount = processCount;
        _sinusoidCount = sinusoidCount;
        int n = processCount * sinusoidCount;
        _omega = new double[n];
        _phase = new double[n];
        _re = new double[n];
        _im = new double[n];
        _stepRe = new double[n];
        _stepIm = new double[n];
        _scale = 1 / Math.Sqrt(sinusoidCount);
    }

    /// <summary>Number of independent processes.</summary>
    public int ProcessCount => _processCount;

    /// <summary>Draws new angles and phases from <paramref name="random"/> for a maximum Doppler shift of <paramref name="maxDopplerCyclesPerSample"/> (f_D / f_s).</summary>
    public void Reset(RandomStream random, double maxDopplerCyclesPerSample)
    {
        for (int q = 0; q < _processCount; q++)
        {
            double theta = (2 * random.NextDouble() - 1) * Math.PI;
            for (int n = 0; n < _sinusoidCount; n++)
            {
                int i = (q * _sinusoidCount) + n;
                double alpha = ((2 * Math.PI * (n + 1)) - Math.PI + theta) / _sinusoidCount;
                _omega[i] = 2 * Math.PI * maxDopplerCyclesPerSample * Math.Cos(alpha);
                _phase[i] = (2 * random.NextDouble() - 1) * Math.PI;
            }
        }
    }

    /// <summary>Positions the phasors exactly at time <paramref name="sampleTime"/> and sets the advance per <see cref="Advance"/> to <paramref name="stepSamples"/>.</summary>
    public void Seek(double sampleTime, double stepSamples)
    {
        for (int i = 0; i < _omega.Length; i++)
        {
            (double s, double c) = Math.SinCos((_omega[i] * sampleTime) + _phase[i]);
            _re[i] = c;
            _im[i] = s;
            (double ss, double sc) = Math.SinCos(_omega[i] * stepSamples);
            _stepRe[i] = sc;
            _stepIm[i] = ss;
        }
    }

    /// <summary>Moves the phasors one step forward in time.</summary>
    public void Advance()
    {
        for (int i = 0; i < _re.Length; i++)
        {
            double re = (_re[i] * _stepRe[i]) - (_im[i] * _stepIm[i]);
            _im[i] = (_re[i] * _stepIm[i]) + (_im[i] * _stepRe[i]);
            _re[i] = re;
        }
    }

    /// <summary>Writes the current value of process q as (re, im) to values[2q], values[2q + 1].</summary>
    public void Current(Span<double> values)
    {
        for (int q = 0; q < _processCount; q++)
        {
            double re = 0;
            double im = 0;
            int start = q * _sinusoidCount;
            for (int n = 0; n < _sinusoidCount; n++)
            {
                re += _re[start + n];
                im += _im[start + n];
            }

            values[2 * q] = re * _scale;
            values[(2 * q) + 1] = im * _scale;
        }
    }

    /// <summary>Evaluates every process exactly at <paramref name="sampleTime"/> without touching the running state.</summary>
    public void Evaluate(double sampleTime, Span<double> values)
    {
        for (int q = 0; q < _processCount; q++)
        {
            double re = 0;
            double im = 0;
            int start = q * _sinusoidCount;
            for (int n = 0; n < _sinusoidCount; n++)
            {
                (double s, double c) = Math.SinCos((_omega[start + n] * sampleTime) + _phase[start + n]);
                re += c;
                im += s;
            }

            values[2 * q] = re * _scale;
            values[(2 * q) + 1] = im * _scale;
        }
    }
}
