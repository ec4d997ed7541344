using System;
using System.Collections.Generic;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Simulation.Coding;

namespace OpenRan.Simulation.Tests.Coding;

public class CodedAwgnSimulationTests
{
    /// <summary>Uncoded transmission: E = K, hard decisions of the LLRs; the verdict is always success.</summary>
    private sealed class UncodedCodec(int length) : IFrameCodec
    {
        public string Name => "uncoded";

        public int InformationBitCount => length;

        public int CodedBitCount => length;

        public void Encode(ReadOnlySpan<byte> information, Span<byte> coded) => information.CopyTo(coded);

        public bool Decode(ReadOnlySpan<float> channelLlrs, Span<byte> information)
        {
            for (int i = 0; i < information.Length; i++)
            {
                information[i] = channelLlrs[i] < 0 ? (byte)1 : (byte)0;
            }

            return true;
        }
    }

    [Theory]
    [InlineData(CodedModulation.Bpsk)]
    [InlineData(CodedModulation.Qpsk)]
    public void Run_Uncoded_BitErrorRateMatchesQFunction(CodedModulation modulation)
    {
        // Uncoded BPSK and Gray QPSK: BER = Q(√(2 E_b/N_0)). 4 dB → 1.25e-2; 2·10^6 bits give a relative error of ≈ 0.6 %.
        var options = new CodedAwgnSimulationOptions([4.0], modulation, maxFrameErrors: 10_000_000, maxFrames: 2000, seed: 7, threadCount: 2);
        CodedAwgnPointResult result = new CodedAwgnSimulation(() => new UncodedCodec(1000), options).Run(cancellationToken: TestContext.Current.CancellationToken)[0];
        double expected = 0.5 * Erfc(Math.Sqrt(Math.Pow(10, 0.4)));
        Assert.InRange(result.BitErrorRate, expected * 0.97, expected * 1.03);
        Assert.Equal(2000, result.Frames);
        Assert.Equal(result.FrameErrors, result.UndetectedErrors);
        Assert.Equal(4.0 + (10 * Math.Log10(modulation.BitsPerSymbol())), result.EsN0Db, 12);
        Assert.Equal(1 / (2 * Math.Pow(10, result.EsN0Db / 10)), result.NoiseVariance, 12);
    }

    [Fact]
    public void Run_ResultsDoNotDependOnThreadCount()
    {
        IReadOnlyList<CodedAwgnPointResult> Run(int threads) => new CodedAwgnSimulation(
            () => new UncodedCodec(64),
            new CodedAwgnSimulationOptions([3.0, 6.0], maxFrameErrors: 37, maxFrames: 5000, seed: 99, threadCount: threads, framesPerWorkUnit: 3)).Run(cancellationToken: TestContext.Current.CancellationToken);

        IReadOnlyList<CodedAwgnPointResult> one = Run(1);
        foreach (int threads in new[] { 2, 5 })
        {
            IReadOnlyList<CodedAwgnPointResult> other = Run(threads);
            for (int p = 0; p < one.Count; p++)
            {
                Assert.Equal(one[p] with { ElapsedSeconds = 0 }, other[p] with { ElapsedSeconds = 0 });
            }
        }

        // The error limit ends a point at the first work unit that reaches it.
        Assert.True(one[0].FrameErrors >= 37 && one[0].FrameErrors < 37 + (3 * 64));
    }

    /// <summary>A codec whose encoder throws, as a codec with an invalid configuration did on a worker thread.</summary>
    private sealed class ThrowingCodec : IFrameCodec
    {
        public string Name => "throws";

        public int InformationBitCount => 8;

        public int CodedBitCount => 16;

        public void Encode(ReadOnlySpan<byte> information, Span<byte> coded) => throw new ArgumentOutOfRangeException("e", "e = 13 is out of range; valid: 21..8192.");

        public bool Decode(ReadOnlySpan<float> channelLlrs, Span<byte> information) => true;
    }

    [Fact]
    public void Run_CodecThrowsOnWorker_ThrowsOnCallerWithTheCause()
    {
        // Issue 13 §5: an exception on a worker thread aborted the process (exit 134); it now reaches the caller.
        var simulation = new CodedAwgnSimulation(() => new ThrowingCodec(), new CodedAwgnSimulationOptions([1.0, 2.0], maxFrames: 100, threadCount: 2));
        AggregateException e = Assert.Throws<AggregateException>(() => simulation.Run(cancellationToken: TestContext.Current.CancellationToken));
        Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
        Assert.Contains("e = 13 is out of range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DifferentSeeds_GiveDifferentCounts()
    {
        CodedAwgnPointResult Run(ulong seed) => new CodedAwgnSimulation(
            () => new UncodedCodec(256),
            new CodedAwgnSimulationOptions([2.0], maxFrameErrors: 1_000_000, maxFrames: 64, seed: seed, threadCount: 1)).Run(cancellationToken: TestContext.Current.CancellationToken)[0];
        Assert.NotEqual(Run(1).BitErrors, Run(2).BitErrors);
    }

    [Fact]
    public void WorkUnitSeeds_DifferPerPointAndUnit()
    {
        var seeds = new HashSet<ulong>();
        for (int p = 0; p < 4; p++)
        {
            for (int u = 0; u < 100; u++)
            {
                Assert.True(seeds.Add(CodedAwgnSimulation.WorkUnitSeed(5, p, u)));
            }
        }
    }

    [Fact]
    public void Options_OutOfRange_ThrowNamingThem()
    {
        Assert.Equal("ebN0Db", Assert.Throws<ArgumentException>(() => new CodedAwgnSimulationOptions([])).ParamName);
        Assert.Equal("maxFrameErrors", Assert.Throws<ArgumentOutOfRangeException>(() => new CodedAwgnSimulationOptions([1.0], maxFrameErrors: 0)).ParamName);
        Assert.Equal("maxFrames", Assert.Throws<ArgumentOutOfRangeException>(() => new CodedAwgnSimulationOptions([1.0], maxFrames: 0)).ParamName);
        Assert.Equal("ebN0Db", Assert.Throws<ArgumentOutOfRangeException>(() => new CodedAwgnSimulationOptions([double.NaN])).ParamName);
    }

    [Fact]
    public void LdpcFrameCodec_HighSnr_DecodesEveryFrame()
    {
        var codecOptions = new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 0, 500, 0, 0.5, "auto", LdpcDecoderOptions.Default);
        Assert.Equal(24, codecOptions.LiftingSize);
        Assert.Equal(1000, codecOptions.CodedBits);
        var options = new CodedAwgnSimulationOptions([4.0], maxFrames: 200, seed: 4, threadCount: 2);
        CodedAwgnPointResult result = new CodedAwgnSimulation(() => new LdpcFrameCodec(codecOptions), options).Run(cancellationToken: TestContext.Current.CancellationToken)[0];
        Assert.Equal(0, result.FrameErrors);
        Assert.Equal(0, result.DecoderFailures);
        Assert.Equal(200, result.Frames);
    }

    [Fact]
    public void LdpcFrameCodec_LowSnr_FailsAndReportsDecoderFailures()
    {
        var codecOptions = new LdpcFrameCodecOptions(LdpcBaseGraph.Bg2, 20, 0, 400, 0, "generic", new LdpcDecoderOptions(maxIterations: 5));
        var options = new CodedAwgnSimulationOptions([-2.0], maxFrameErrors: 20, maxFrames: 1000, seed: 4, threadCount: 1);
        CodedAwgnPointResult result = new CodedAwgnSimulation(() => new LdpcFrameCodec(codecOptions), options).Run(cancellationToken: TestContext.Current.CancellationToken)[0];
        Assert.True(result.FrameErrors >= 20);
        Assert.True(result.DecoderFailures >= result.FrameErrors - result.UndetectedErrors);
    }

    [Fact]
    public void LdpcFrameCodecOptions_BadValues_Throw()
    {
        LdpcDecoderOptions d = LdpcDecoderOptions.Default;
        Assert.Equal("informationBits", Assert.Throws<ArgumentException>(() => new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 0, 0, 100, 0, "auto", d)).ParamName);
        Assert.Equal("liftingSize", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 17, 0, 100, 0, "auto", d)).ParamName);
        Assert.Equal("informationBits", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 16, 400, 0, 0.5, "auto", d)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 16, 0, 0, 1.5, "auto", d)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new LdpcFrameCodecOptions(LdpcBaseGraph.Bg1, 16, 0, 0, 0.5, "fast", d)).ParamName);
    }

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, |error| &lt; 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double[] c = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        double poly = 0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            poly = c[i] + (t * poly);
        }

        double r = t * Math.Exp(-(z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }
}
