using System;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Polar;

/// <summary>The SIMD f/g/combine kernels against their scalar definitions, for every node size 1..256 (re-run in ISA child processes).</summary>
public class PolarKernelsTests
{
    public static TheoryData<int> Sizes() => [1, 2, 4, 8, 16, 32, 64, 128, 256];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Kernels_MatchScalarDefinitions(int m)
    {
        var random = new Random(m);
        var alpha = new float[2 * m];
        var beta = new uint[m];
        var left = new uint[m];
        for (int i = 0; i < alpha.Length; i++)
        {
            alpha[i] = (float)((random.NextDouble() - 0.5) * 20);
        }

        for (int i = 0; i < m; i++)
        {
            beta[i] = random.Next(2) == 1 ? 0x8000_0000u : 0u;
            left[i] = random.Next(2) == 1 ? 0x8000_0000u : 0u;
        }

        var f = new float[m];
        var g = new float[m];
        var combined = new uint[2 * m];
        PolarKernels.CheckNode(alpha, f);
        PolarKernels.VariableNode(alpha, beta, g);
        PolarKernels.Combine(left, beta, combined);
        for (int i = 0; i < m; i++)
        {
            float a = alpha[i], b = alpha[m + i];
            float expectedF = Math.Sign(a) * Math.Sign(b) * Math.Min(Math.Abs(a), Math.Abs(b));
            float expectedG = b + ((beta[i] != 0 ? -1 : 1) * a);
            Assert.Equal(expectedF, f[i]);
            Assert.Equal(expectedG, g[i]);
            Assert.Equal(left[i] ^ beta[i], combined[i]);
            Assert.Equal(beta[i], combined[m + i]);
        }
    }

    [Fact]
    public void Transform_IsInvolution()
    {
        var random = new Random(3);
        foreach (int n in new[] { 2, 32, 64, 1024 })
        {
            var x = new byte[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = (byte)random.Next(2);
            }

            byte[] copy = (byte[])x.Clone();
            PolarEncoder.Transform(x);
            PolarEncoder.Transform(x);
            Assert.Equal(copy, x);
        }
    }

    [Fact]
    public void TransformPacked_MatchesByteTransform()
    {
        var random = new Random(5);
        for (int n = 2; n <= 1024; n *= 2)
        {
            var x = new uint[n];
            var u = new byte[n];
            for (int i = 0; i < n; i++)
            {
                u[i] = (byte)random.Next(2);
                x[i] = (uint)u[i] << 31;
            }

            var words = new ulong[(n + 63) / 64];
            PolarKernels.PackSigns(x, words);
            PolarKernels.TransformPacked(words, n);
            PolarEncoder.Transform(u);
            for (int i = 0; i < n; i++)
            {
                Assert.True(u[i] == ((words[i >> 6] >> (i & 63)) & 1), $"N {n}: bit {i} differs");
            }
        }
    }
}

/// <summary>
/// Re-runs the polar kernel and decoder tests with narrower instruction sets (STYLE.md §12 "ISA matrix"); without AVX2 the
/// list decoder runs path by path instead of one path per lane.
/// </summary>
public class PolarIsaMatrixTests
{
    [Theory]
    [MemberData(nameof(OpenRan.TestSupport.IsaChildProcess.ConfigurationNames), MemberType = typeof(OpenRan.TestSupport.IsaChildProcess))]
    public void PolarKernelsAndDecoder_PassUnderNarrowerInstructionSets(string configuration) =>
        OpenRan.TestSupport.IsaChildProcess.AssertPasses(typeof(PolarIsaMatrixTests).Assembly, configuration, typeof(PolarKernelsTests).FullName!, typeof(PolarDecoderTests).FullName!);
}
