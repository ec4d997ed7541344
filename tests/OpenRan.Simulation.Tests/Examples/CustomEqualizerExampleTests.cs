using System;
using System.Linq;
using CustomEqualizer;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Simulation.Sweeps;

namespace OpenRan.Simulation.Tests.Examples;

/// <summary>
/// Issue 14 §2: the example project examples/CustomEqualizer swaps a user equalizer into the PUSCH link through the public
/// API and produces a BLER curve.
/// </summary>
public class CustomEqualizerExampleTests
{
    private static readonly double[] s_snrDb = [-8, -2, 4, 10];

    [Fact]
    public void Run_UserEqualizer_BlerCurveFallsWithSnr()
    {
        SweepResult result = CustomEqualizerSweep.Run(CustomEqualizerSweep.DefaultOptions(s_snrDb, 40), () => new NoiseScaledMrcEqualizer(2), TestContext.Current.CancellationToken);
        double[] bler = result.Points.Select(p => p.Bler).ToArray();
        string curve = string.Join(", ", bler);
        Assert.Equal(s_snrDb.Length, bler.Length);
        Assert.All(result.Points, p => Assert.Equal(40, p.Counters.Transmissions));
        Assert.All(bler, b => Assert.InRange(b, 0, 1));
        for (int p = 1; p < bler.Length; p++)
        {
            Assert.True(bler[p] <= bler[p - 1], $"BLER rises with SNR: {curve}");
        }

        Assert.True(bler[0] >= 0.5, $"BLER at {s_snrDb[0]} dB should be high: {curve}");
        Assert.True(bler[^1] <= 0.1, $"BLER at {s_snrDb[^1]} dB should be low: {curve}");
        Assert.Contains("mrc-noise-x2", result.Plan.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UserEqualizerWithoutNoiseScaling_MatchesTheBuiltInZeroForcingBler()
    {
        // For one layer MRC is the ZF solution, so β = 1 decodes the same blocks as the built-in ZF equalizer (the same
        // channel, noise and data per slot); a few blocks' margin covers last-bit differences of the vector paths.
        var options = CustomEqualizerSweep.DefaultOptions([0], 40);
        SweepResult user = CustomEqualizerSweep.Run(options, () => new NoiseScaledMrcEqualizer(1), TestContext.Current.CancellationToken);
        SweepResult builtIn = CustomEqualizerSweep.Run(options, () => ChannelEqualizerFactory.Create(EqualizerAlgorithm.ZeroForcing), TestContext.Current.CancellationToken);
        long userErrors = user.Points[0].Counters.TransmissionErrors;
        long builtInErrors = builtIn.Points[0].Counters.TransmissionErrors;
        Assert.InRange(builtInErrors, 1, 39);
        Assert.InRange(userErrors, builtInErrors - 2, builtInErrors + 2);
    }

    [Fact]
    public void Equalize_OneLayerTwoPorts_IsTheUnbiasedZeroForcingSolution()
    {
        // y_r = h_r·x + n_r for one element: x̂ = Σ conj(h_r)·y_r / Σ|h_r|², σ²_post = β·σ² / Σ|h_r|².
        ComplexF32[] h = [new(0.6f, -0.8f), new(-0.3f, 0.4f)];
        var x = new ComplexF32(0.7f, 0.7f);
        ComplexF32[] y = [h[0] * x, h[1] * x];
        var symbols = new ComplexF32[1];
        var noise = new float[1];
        new NoiseScaledMrcEqualizer(3).Equalize(new ChannelEqualizerInput(y, 1, h, 1, 0, 2, 1, 1, 0.5f), new ChannelEqualizerOutput(symbols, noise, 1, 1));
        Assert.Equal(x.Re, symbols[0].Re, 5);
        Assert.Equal(x.Im, symbols[0].Im, 5);
        Assert.Equal(3 * 0.5f / 1.25f, noise[0], 5);

        var reference = new ComplexF32[1];
        var referenceNoise = new float[1];
        ChannelEqualizerFactory.Create(EqualizerAlgorithm.ZeroForcing, "generic")
            .Equalize(new ChannelEqualizerInput(y, 1, h, 1, 0, 2, 1, 1, 0.5f), new ChannelEqualizerOutput(reference, referenceNoise, 1, 1));
        Assert.Equal(reference[0].Re, symbols[0].Re, 5);
        Assert.Equal(reference[0].Im, symbols[0].Im, 5);
        Assert.Equal(referenceNoise[0] * 3, noise[0], 5);
    }

    [Fact]
    public void Equalize_ZeroChannel_ErasesTheElement()
    {
        ComplexF32[] h = [default];
        ComplexF32[] y = [new(1, 1)];
        var symbols = new ComplexF32[] { new(5, 5) };
        var noise = new float[1];
        new NoiseScaledMrcEqualizer().Equalize(new ChannelEqualizerInput(y, 1, h, 1, 0, 1, 1, 1, 0.1f), new ChannelEqualizerOutput(symbols, noise, 1, 1));
        Assert.Equal(default, symbols[0]);
        Assert.Equal(float.PositiveInfinity, noise[0]);
    }
}
