using System;
using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Simulation.Channels;
using OpenRan.TestSupport;

namespace OpenRan.Simulation.Tests.Channels;

public class MultipathFadingChannelTests
{
    private const double SampleRate = 30.72e6;

    private static MultipathFadingChannel StaticTwoPath(out double[] delaysSeconds, out double[] amplitudes)
    {
        delaysSeconds = [0, 10.3e-9, 52.7e-9];
        var profile = new PowerDelayProfile("test", [
            new ChannelTap(delaysSeconds[0], 0, TapKind.Static),
            new ChannelTap(delaysSeconds[1], -3, TapKind.Static),
            new ChannelTap(delaysSeconds[2], -6, TapKind.Static),
        ]);
        amplitudes = Array.ConvertAll(profile.NormalizedLinearPowers(), Math.Sqrt);
        return new MultipathFadingChannel(new MultipathChannelOptions { Profile = profile, SampleRateHz = SampleRate });
    }

    [Fact]
    public void Process_StaticFractionalTaps_FrequencyResponseMatchesIdealDelaysWithin40Db()
    {
        // Impulse response → FFT, compared with Σ a_p e^(−j2πf(τ_p + latency)) over |f| ≤ 0.3 f_s.
        MultipathFadingChannel channel = StaticTwoPath(out double[] delays, out double[] amplitudes);
        const int N = 512;
        var impulse = new ComplexF32[N];
        impulse[0] = ComplexF32.One;
        var h = new ComplexF32[N];
        channel.Process(impulse, h, N);
        var spectrum = Array.ConvertAll(h, v => v.ToComplex());
        Fourier.Forward(spectrum, FourierOptions.NoScaling);
        double worst = 0;
        for (int k = 0; k < N; k++)
        {
            double f = (k <= N / 2 ? k : k - N) / (double)N;
            if (Math.Abs(f) > 0.3)
            {
                continue;
            }

            Complex ideal = Complex.Zero;
            for (int p = 0; p < delays.Length; p++)
            {
                ideal += Complex.FromPolarCoordinates(amplitudes[p], -2 * Math.PI * f * ((delays[p] * SampleRate) + channel.LatencySamples));
            }

            worst = Math.Max(worst, (spectrum[k] - ideal).Magnitude);
        }

        Assert.True(20 * Math.Log10(worst) < -40, $"worst error {20 * Math.Log10(worst):F1} dB");
    }

    [Fact]
    public void FrequencyResponse_StaticChannel_EqualsFftOfTheAppliedImpulseResponse()
    {
        // Perfect channel knowledge must describe exactly what the channel applies (up to float rounding).
        MultipathFadingChannel channel = StaticTwoPath(out _, out _);
        const int N = 256;
        var impulse = new ComplexF32[N];
        impulse[0] = ComplexF32.One;
        var h = new ComplexF32[N];
        channel.Process(impulse, h, N);
        var spectrum = Array.ConvertAll(h, v => v.ToComplex());
        Fourier.Forward(spectrum, FourierOptions.NoScaling);
        var frequencies = new double[N];
        for (int k = 0; k < N; k++)
        {
            frequencies[k] = (k <= N / 2 ? k : k - N) * SampleRate / N;
        }

        ChannelFrequencyResponsePlan plan = channel.CreateFrequencyResponsePlan(frequencies, timingReferenceSamples: 0);
        var response = new ComplexF32[N];
        channel.FrequencyResponse(plan, 0, response);
        for (int k = 0; k < N; k++)
        {
            Assert.True((response[k].ToComplex() - spectrum[k]).Magnitude < 1e-5, $"bin {k}: {response[k]} vs {spectrum[k]}");
        }
    }

    [Fact]
    public void Process_SplitIntoIrregularCalls_SameOutputAsOneCall()
    {
        PropagationConditions conditions = PropagationConditions.Parse("TDLB100-400");
        MultipathFadingChannel a = conditions.CreateChannel(SampleRate, 1, 2, LinkDirection.Uplink);
        MultipathFadingChannel b = conditions.CreateChannel(SampleRate, 1, 2, LinkDirection.Uplink);
        a.Reset(99);
        b.Reset(99);
        const int N = 10_000;
        var tx = new ComplexF32[N];
        new ComplexGaussianSource(3).Generate(tx, 1);
        var whole = new ComplexF32[2 * N];
        a.Process(tx, whole, N);
        var pieces = new ComplexF32[2 * N];
        int done = 0;
        foreach (int length in new[] { 1, 127, 2048, 3000, 4824 })
        {
            var part = new ComplexF32[2 * length];
            b.Process(tx.AsSpan(done, length), part, length);
            part.AsSpan(0, length).CopyTo(pieces.AsSpan(done));
            part.AsSpan(length, length).CopyTo(pieces.AsSpan(N + done));
            done += length;
        }

        Assert.Equal(N, done);
        OpenRan.TestSupport.Tolerance.AssertClose(whole, pieces, 1e-5f);
    }

    [Fact]
    public void Reset_SameSeed_IdenticalOutput_DifferentSeed_DifferentOutput()
    {
        MultipathFadingChannel channel = PropagationConditions.Parse("TDLA30-10").CreateChannel(SampleRate, 1, 1, LinkDirection.Uplink);
        var tx = new ComplexF32[3000];
        tx.AsSpan().Fill(ComplexF32.One);
        var first = new ComplexF32[3000];
        var second = new ComplexF32[3000];
        var third = new ComplexF32[3000];
        channel.Reset(5);
        channel.Process(tx, first, 3000);
        channel.Reset(5);
        channel.Process(tx, second, 3000);
        channel.Reset(6);
        channel.Process(tx, third, 3000);
        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public void Process_SteadyState_AllocatesNothing()
    {
        var conditions = PropagationConditions.Parse("TDLC300-100-medium") with { FrequencyOffsetHz = 200, PhaseNoiseLinewidthHz = 100 };
        var channel = new LinkChannel(conditions, SampleRate, 1, 2, LinkDirection.Uplink) { NoiseVariance = 0.1 };
        const int Slot = 30_720;
        var tx = new ComplexF32[Slot];
        tx.AsSpan().Fill(new ComplexF32(0.5f, -0.5f));
        var rx = new ComplexF32[2 * Slot];
        channel.Reset(1, 2);
        AllocationAssert.SteadyStateAllocatesNothing(() => channel.Process(tx, rx, Slot), warmUpCalls: 2, rounds: 3, callsPerRound: 2);
    }

    [Fact]
    public void Process_WrongBufferLength_ThrowsNamingTheBuffer()
    {
        MultipathFadingChannel channel = PropagationConditions.Awgn.CreateChannel(SampleRate, 1, 2, LinkDirection.Uplink);
        ArgumentException e = Assert.Throws<ArgumentException>(() => channel.Process(new ComplexF32[10], new ComplexF32[10], 10));
        Assert.Equal("received", e.ParamName);
    }

    [Fact]
    public void Process_Awgn_IsIdentityOnEveryReceiveAntenna()
    {
        MultipathFadingChannel channel = PropagationConditions.Awgn.CreateChannel(SampleRate, 1, 2, LinkDirection.Uplink);
        Assert.Equal(0, channel.LatencySamples);
        var tx = new ComplexF32[100];
        new ComplexGaussianSource(1).Generate(tx, 1);
        var rx = new ComplexF32[200];
        channel.Process(tx, rx, 100);
        Assert.Equal(tx, rx.AsSpan(0, 100).ToArray());
        Assert.Equal(tx, rx.AsSpan(100, 100).ToArray());
    }

    [Fact]
    public void Process_TimingOffsetOfWholeSamples_DelaysTheSignal()
    {
        var conditions = PropagationConditions.Awgn with { TimingOffsetSeconds = 5 / SampleRate };
        MultipathFadingChannel channel = conditions.CreateChannel(SampleRate, 1, 1, LinkDirection.Uplink);
        var tx = new ComplexF32[64];
        tx[0] = ComplexF32.One;
        var rx = new ComplexF32[64];
        channel.Process(tx, rx, 64);
        Assert.Equal(ComplexF32.One, rx[5 + channel.LatencySamples]);
        Assert.Equal(ComplexF32.Zero, rx[0]);
    }

    [Fact]
    public void GetPathGains_StaticTwoByTwo_OrthogonalUnitPowerLinks()
    {
        // AWGN with two layers needs a full-rank channel: H = [[1, 1], [1, −1]] (e^(j2π·r·t/2)).
        MultipathFadingChannel channel = PropagationConditions.Awgn.CreateChannel(SampleRate, 2, 2, LinkDirection.Downlink);
        var gains = new ComplexF32[4];
        channel.GetPathGains(0, gains);
        // Layout (p·N_Rx + r)·N_Tx + t.
        Assert.Equal(ComplexF32.One, gains[0]);
        Assert.Equal(ComplexF32.One, gains[1]);
        Assert.Equal(ComplexF32.One, gains[2]);
        Assert.Equal(-1f, gains[3].Re, 6);
        Assert.Equal(0f, gains[3].Im, 6);
    }
}
