using System;
using OpenRan.Dsp;
using OpenRan.Dsp.Randomness;
using OpenRan.Radio;
using OpenRan.Radio.Loopback;
using OpenRan.Simulation.RadioChannels;

namespace OpenRan.Simulation.Tests.RadioChannels;

public class FadingChannelProviderTests
{
    private static RadioConfiguration Config => new() { SampleRateHz = 30.72e6, BlockSampleCount = 1024, RingBlockCount = 16 };

    private static ComplexF32[] Loop(string arguments, ComplexF32[] tx)
    {
        using IRadio radio = new LoopbackRadioDriver(new FadingChannelProvider()).Open(RadioArguments.Parse(arguments));
        radio.Configure(Config);
        radio.Start();
        var rx = new ComplexF32[tx.Length];
        long txTs = 0;
        long rxTs = 0;
        for (int done = 0; done < tx.Length; done += 4096)
        {
            int n = Math.Min(4096, tx.Length - done);
            long t = txTs;
            Assert.Equal(n, radio.Tx.Write(tx.AsSpan(done, n), ref t));
            txTs += n;
            Assert.Equal(n, radio.Rx.Read(rx.AsSpan(done, n), ref rxTs));
            Assert.Equal(done, rxTs);
        }

        return rx;
    }

    private static ComplexF32[] Noise(int n)
    {
        var x = new ComplexF32[n];
        new ComplexGaussianSource(5).Generate(x, 1);
        return x;
    }

    [Fact]
    public void Loopback_AwgnWithoutNoise_IsIdentity()
    {
        ComplexF32[] tx = Noise(4096);
        Assert.Equal(tx, Loop("model=fading,propagation=AWGN", tx));
    }

    [Fact]
    public void Loopback_Tdlb100_SameSeedSameSignal_DifferentSeedDifferent()
    {
        ComplexF32[] tx = Noise(8192);
        ComplexF32[] a = Loop("model=fading,propagation=TDLB100-400,seed=7", tx);
        ComplexF32[] b = Loop("model=fading,propagation=TDLB100-400,seed=7", tx);
        ComplexF32[] c = Loop("model=fading,propagation=TDLB100-400,seed=8", tx);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(tx, a);
    }

    [Fact]
    public void Loopback_NoiseDb_AddsThatPower()
    {
        var zeros = new ComplexF32[100_000];
        ComplexF32[] rx = Loop("model=fading,propagation=AWGN,noise_db=-20,seed=2", zeros);
        double power = ComplexKernels.SumOfMagnitudesSquared(rx) / rx.Length;
        Assert.InRange(power, 0.01 * 0.98, 0.01 * 1.02);
    }

    [Fact]
    public void Validate_BadPropagation_NamesTheArgument()
    {
        var driver = new LoopbackRadioDriver(new FadingChannelProvider());
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => driver.Validate(RadioArguments.Parse("model=fading,propagation=TDLQ1-1")));
        Assert.Contains("propagation", e.Message, StringComparison.Ordinal);
    }
}
