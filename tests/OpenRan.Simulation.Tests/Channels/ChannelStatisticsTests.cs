using System;
using System.Numerics;
using MathNet.Numerics;
using MathNet.Numerics.IntegralTransforms;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

/// <summary>
/// Statistical properties of the fading channel against the model (TR 38.901 §7.7.2 with the classical Doppler spectrum,
/// TS 38.104 Annex G correlation). Seeds are fixed; each tolerance is stated next to its standard error.
/// </summary>
public class ChannelStatisticsTests
{
    private const double SampleRate = 30.72e6;

    [Fact]
    public void PathGains_ManyRealisations_AveragePowerMatchesTdlb100Table()
    {
        // 400 realisations × 5 instants 10 ms apart (4 coherence times at 400 Hz): 2000 nearly independent exponential
        // samples per tap, standard error 2.2 % of the mean; tolerance ±10 % (4.5σ).
        PowerDelayProfile profile = Ts38104TableG_2_1_1.Create(FixedTdlProfile.Tdlb100);
        var channel = new MultipathFadingChannel(new MultipathChannelOptions { Profile = profile, SampleRateHz = SampleRate, MaximumDopplerHz = 400 });
        double[] expected = profile.NormalizedLinearPowers();
        var sum = new double[profile.Taps.Count];
        var gains = new ComplexF32[profile.Taps.Count];
        const int Realisations = 400;
        const int Instants = 5;
        for (int r = 0; r < Realisations; r++)
        {
            channel.Reset((ulong)r + 1000);
            for (int i = 0; i < Instants; i++)
            {
                channel.GetPathGains(i * 307_200L, gains);
                for (int p = 0; p < gains.Length; p++)
                {
                    sum[p] += gains[p].MagnitudeSquared;
                }
            }
        }

        for (int p = 0; p < sum.Length; p++)
        {
            double ratio = sum[p] / (Realisations * Instants) / expected[p];
            Assert.True(ratio is > 0.9 and < 1.1, $"tap {p}: measured/expected power {ratio:F3}");
        }
    }

    [Fact]
    public void PathGains_EnsembleAutocorrelation_FollowsBesselJ0()
    {
        // Classical Doppler spectrum ⇔ normalised autocorrelation J0(2π f_D τ) (the power itself is checked by the tap
        // power test). 3000 realisations: standard error of each normalised estimate ≤ 0.018; tolerance 0.05.
        const double Fs = 10_000;
        const double Fd = 100;
        var channel = new MultipathFadingChannel(new MultipathChannelOptions
        {
            Profile = PowerDelayProfile.FlatRayleigh(),
            SampleRateHz = Fs,
            MaximumDopplerHz = Fd,
            GainUpdateIntervalSamples = 1,
        });
        const int Lags = 13;
        const int LagStep = 5; // 0.5 ms
        var acc = new Complex[Lags];
        var g0 = new ComplexF32[1];
        var g = new ComplexF32[1];
        const int Realisations = 3000;
        for (int r = 0; r < Realisations; r++)
        {
            channel.Reset((ulong)(r * 7) + 3);
            channel.GetPathGains(0, g0);
            for (int k = 0; k < Lags; k++)
            {
                channel.GetPathGains(k * LagStep, g);
                acc[k] += g[0].ToComplex() * Complex.Conjugate(g0[0].ToComplex());
            }
        }

        for (int k = 0; k < Lags; k++)
        {
            double tau = k * LagStep / Fs;
            double expected = SpecialFunctions.BesselJ(0, 2 * Math.PI * Fd * tau);
            Complex measured = acc[k] / acc[0].Real;
            Assert.True(Math.Abs(measured.Real - expected) < 0.05, $"lag {tau * 1e3} ms: Re ρ = {measured.Real:F3}, J0 = {expected:F3}");
            Assert.True(Math.Abs(measured.Imaginary) < 0.05, $"lag {tau * 1e3} ms: Im ρ = {measured.Imaginary:F3}");
        }
    }

    [Fact]
    public void Process_FlatFadingOfConstant_DopplerSpectrumIsClassical()
    {
        // A constant through a flat Rayleigh tap gives the fading process itself. Averaged Hann-windowed periodograms of
        // 64 realisations: the classical spectrum S(f) ∝ 1/√(1 − (f/f_D)²) puts the fraction (2/π)·asin(a) of the power in
        // |f| ≤ a·f_D and none beyond f_D. Tolerances: ±0.04 on band fractions, < 1 % beyond 1.05 f_D.
        const double Fs = 2_000;
        const double Fd = 100;
        const int N = 4096;
        var channel = new MultipathFadingChannel(new MultipathChannelOptions
        {
            Profile = PowerDelayProfile.FlatRayleigh(),
            SampleRateHz = Fs,
            MaximumDopplerHz = Fd,
        });
        Assert.Equal(0, channel.LatencySamples);
        var input = new ComplexF32[N];
        input.AsSpan().Fill(ComplexF32.One);
        var output = new ComplexF32[N];
        var psd = new double[N];
        var buffer = new Complex[N];
        for (int r = 0; r < 64; r++)
        {
            channel.Reset((ulong)r + 77);
            channel.Process(input, output, N);
            for (int n = 0; n < N; n++)
            {
                double w = 0.5 - (0.5 * Math.Cos(2 * Math.PI * n / N));
                buffer[n] = output[n].ToComplex() * w;
            }

            Fourier.Forward(buffer, FourierOptions.NoScaling);
            for (int k = 0; k < N; k++)
            {
                psd[k] += buffer[k].MagnitudeSquared();
            }
        }

        double total = 0, within05 = 0, within09 = 0, beyond = 0;
        for (int k = 0; k < N; k++)
        {
            double f = Math.Abs((k <= N / 2 ? k : k - N) * Fs / N);
            total += psd[k];
            within05 += f <= 0.5 * Fd ? psd[k] : 0;
            within09 += f <= 0.9 * Fd ? psd[k] : 0;
            beyond += f > 1.05 * Fd ? psd[k] : 0;
        }

        Assert.InRange(within05 / total, (2 / Math.PI * Math.Asin(0.5)) - 0.04, (2 / Math.PI * Math.Asin(0.5)) + 0.04);
        Assert.InRange(within09 / total, (2 / Math.PI * Math.Asin(0.9)) - 0.04, (2 / Math.PI * Math.Asin(0.9)) + 0.04);
        Assert.True(beyond / total < 0.01, $"power beyond 1.05 f_D: {beyond / total:P2}");
    }

    [Fact]
    public void PathGains_Uplink2x4Medium_SampleCovarianceMatchesKroneckerMatrix()
    {
        // 4000 realisations of the 8 links of the strongest TDLA30 tap: standard error of each normalised covariance entry
        // ≈ 1/√4000 = 0.016; tolerance 0.07.
        MimoCorrelation correlation = MimoCorrelation.FromLevel(MimoCorrelationLevel.Medium, LinkDirection.Uplink, 2, 4);
        PowerDelayProfile profile = Ts38104TableG_2_1_1.Create(FixedTdlProfile.Tdla30);
        var channel = new MultipathFadingChannel(new MultipathChannelOptions
        {
            Profile = profile,
            SampleRateHz = SampleRate,
            MaximumDopplerHz = 10,
            TxAntennaCount = 2,
            RxAntennaCount = 4,
            Correlation = correlation,
        });
        const int Path = 1;
        double power = profile.NormalizedLinearPowers()[Path];
        var gains = new ComplexF32[12 * 8];
        var cov = new Complex[8, 8];
        var link = new Complex[8];
        const int Realisations = 4000;
        for (int r = 0; r < Realisations; r++)
        {
            channel.Reset((ulong)r + 500);
            channel.GetPathGains(0, gains);
            for (int rx = 0; rx < 4; rx++)
            {
                for (int tx = 0; tx < 2; tx++)
                {
                    // GetPathGains layout (p·N_Rx + r)·N_Tx + t; vec(H) link index m = t·N_Rx + r.
                    link[(tx * 4) + rx] = gains[(((Path * 4) + rx) * 2) + tx].ToComplex();
                }
            }

            for (int i = 0; i < 8; i++)
            {
                for (int j = 0; j < 8; j++)
                {
                    cov[i, j] += link[i] * Complex.Conjugate(link[j]);
                }
            }
        }

        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                Complex c = cov[i, j] / (Realisations * power);
                Assert.True(Math.Abs(c.Real - correlation.Spatial(i, j)) < 0.07, $"R[{i},{j}]: {c.Real:F3} vs {correlation.Spatial(i, j):F3}");
                Assert.True(Math.Abs(c.Imaginary) < 0.07, $"Im R[{i},{j}] = {c.Imaginary:F3}");
            }
        }
    }

    [Fact]
    public void Process_WhiteInputThroughTdlc300_OutputPowerEqualsInputPower()
    {
        // Normalised power delay profile ⇒ unit average power gain per receive antenna. 400 realisations × 2 antennas:
        // the realisation-to-realisation spread of Σ|g|² is ≈ 0.35, standard error 0.012; tolerance ±0.06.
        var channel = PropagationConditions.Parse("TDLC300-100").CreateChannel(SampleRate, 1, 2, LinkDirection.Uplink);
        var noise = new ComplexGaussianSource(1);
        const int N = 4096;
        var tx = new ComplexF32[N];
        var rx = new ComplexF32[2 * N];
        double inPower = 0, outPower = 0;
        for (int r = 0; r < 400; r++)
        {
            channel.Reset((ulong)r);
            noise.Generate(tx, 1);
            channel.Process(tx, rx, N);
            channel.Process(tx, rx, N); // second block: the delay line is full
            inPower += ComplexKernels.SumOfMagnitudesSquared(tx);
            outPower += ComplexKernels.SumOfMagnitudesSquared(rx) / 2;
        }

        Assert.InRange(outPower / inPower, 0.94, 1.06);
    }

    [Fact]
    public void PathGains_TdlDLineOfSight_ConstantMagnitudeRotatingAtSevenTenthsOfDoppler()
    {
        const double Fs = 1e5;
        const double Fd = 100;
        PowerDelayProfile profile = Tr38901Table7_7_2.Create(TdlModel.D, 100e-9);
        var channel = new MultipathFadingChannel(new MultipathChannelOptions { Profile = profile, SampleRateHz = Fs, MaximumDopplerHz = Fd });
        channel.Reset(4);
        int b = channel.GainUpdateIntervalSamples;
        var g1 = new ComplexF32[profile.Taps.Count];
        var g2 = new ComplexF32[profile.Taps.Count];
        long n1 = 10 * b;
        long n2 = 37 * b;
        channel.GetPathGains(n1, g1);
        channel.GetPathGains(n2, g2);
        double amplitude = Math.Sqrt(profile.NormalizedLinearPowers()[0]);
        Assert.Equal(amplitude, g1[0].Magnitude, 5);
        Assert.Equal(amplitude, g2[0].Magnitude, 5);
        double expected = Math.IEEERemainder(2 * Math.PI * 0.7 * Fd * (n2 - n1) / Fs, 2 * Math.PI);
        double measured = Math.IEEERemainder(g2[0].Phase - g1[0].Phase, 2 * Math.PI);
        Assert.Equal(expected, measured, 4);
    }
}
