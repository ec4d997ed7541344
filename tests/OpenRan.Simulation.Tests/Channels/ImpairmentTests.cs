using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class ImpairmentTests
{
    [Fact]
    public void CarrierFrequencyOffset_ConstantInput_PhaseGrowsLinearlyAcrossCalls()
    {
        const double Fs = 30.72e6;
        const double Offset = 1234.5;
        var cfo = new CarrierFrequencyOffset(Offset, Fs);
        var samples = new ComplexF32[2 * 5000];
        samples.AsSpan().Fill(ComplexF32.One);
        cfo.Apply(samples.AsSpan(0, 5000), 1, 0);
        cfo.Apply(samples.AsSpan(5000, 5000), 1, 5000);
        for (int n = 0; n < samples.Length; n += 97)
        {
            double expected = Math.IEEERemainder(2 * Math.PI * Offset * n / Fs, 2 * Math.PI);
            Assert.Equal(expected, samples[n].Phase, 4);
            Assert.Equal(1f, samples[n].Magnitude, 5);
        }
    }

    [Fact]
    public void CarrierFrequencyOffset_BeyondNyquist_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CarrierFrequencyOffset(20e6, 30.72e6));

    [Fact]
    public void WienerPhaseNoise_PhaseIncrementVariance_IsTwoPiLinewidthOverRate()
    {
        // Increment variance 2π·β/f_s; 2^18 increments give a 0.3 % standard error; tolerance ±3 %.
        const double Fs = 1e6;
        const double Linewidth = 2000;
        var noise = new WienerPhaseNoise(Linewidth, Fs);
        noise.Reset(8);
        const int N = 1 << 18;
        var samples = new ComplexF32[2 * N];
        samples.AsSpan().Fill(ComplexF32.One);
        noise.Apply(samples, 2);
        double sum = 0;
        for (int n = 1; n < N; n++)
        {
            double d = Math.IEEERemainder(samples[n].Phase - samples[n - 1].Phase, 2 * Math.PI);
            sum += d * d;
            Assert.Equal(samples[n].Phase, samples[N + n].Phase, 6); // common oscillator on both antennas
        }

        Assert.InRange(sum / (N - 1) / noise.IncrementVariance, 0.97, 1.03);
        Assert.Equal(2 * Math.PI * Linewidth / Fs, noise.IncrementVariance, 12);
    }

    [Fact]
    public void AdditiveWhiteGaussianNoise_MeasuredVariance_WithinOnePercent()
    {
        var awgn = new AdditiveWhiteGaussianNoise(3) { NoiseVariance = 0.02 };
        var samples = new ComplexF32[1 << 20];
        awgn.Apply(samples);
        double p = ComplexKernels.SumOfMagnitudesSquared(samples) / samples.Length;
        Assert.InRange(p / 0.02, 0.99, 1.01);
    }

    [Fact]
    public void SnrDefinition_NoiseThroughUnnormalisedFft_GivesRequestedPerReSnr()
    {
        // σ² per sample with G = N_FFT: after an unnormalised FFT each bin carries N_FFT·σ² = E_RE / SNR.
        const int Nfft = 1024;
        const double SnrDb = 7.5;
        const double ReEnergy = 2.0;
        double variance = SnrDefinition.NoiseVariancePerSample(SnrDb, ReEnergy, Nfft);
        var source = new ComplexGaussianSource(4);
        var block = new ComplexF32[Nfft];
        var bins = new System.Numerics.Complex[Nfft];
        double noisePerRe = 0;
        const int Symbols = 400;
        for (int s = 0; s < Symbols; s++)
        {
            source.Generate(block, variance);
            for (int i = 0; i < Nfft; i++)
            {
                bins[i] = block[i].ToComplex();
            }

            MathNet.Numerics.IntegralTransforms.Fourier.Forward(bins, MathNet.Numerics.IntegralTransforms.FourierOptions.NoScaling);
            foreach (System.Numerics.Complex b in bins)
            {
                noisePerRe += b.Real * b.Real + b.Imaginary * b.Imaginary;
            }
        }

        noisePerRe /= Symbols * Nfft;
        Assert.Equal(SnrDb, 10 * Math.Log10(ReEnergy / noisePerRe), 0.05);
    }

    [Fact]
    public void EsN0DbFromEbN0Db_16QamUncoded_AddsSixDb() =>
        Assert.Equal(10 + (10 * Math.Log10(4)), SnrDefinition.EsN0DbFromEbN0Db(10, 4, 1), 12);
}
