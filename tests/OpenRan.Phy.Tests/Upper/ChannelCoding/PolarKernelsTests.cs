using System;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding;

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
}

/// <summary>Re-runs the polar kernel tests with narrower instruction sets (STYLE.md §12 "ISA matrix").</summary>
public class PolarIsaMatrixTests
{
    public static TheoryData<string> Knobs()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _, _) in OpenRan.TestSupport.IsaChildProcess.Configurations)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Knobs))]
    public void PolarKernels_PassUnderNarrowerInstructionSets(string configuration)
    {
        if (OpenRan.TestSupport.IsaChildProcess.IsChild)
        {
            Assert.Skip("already inside an ISA child process.");
        }

        (string _, string variable, int bits) = System.Linq.Enumerable.First(OpenRan.TestSupport.IsaChildProcess.Configurations, c => c.Name == configuration);
        (int exitCode, string output) = OpenRan.TestSupport.IsaChildProcess.Run(typeof(PolarIsaMatrixTests).Assembly, variable, bits, typeof(PolarKernelsTests).FullName!);
        Assert.True(exitCode == 0, $"{configuration} ({variable}=0) failed with exit code {exitCode}:\n{output}");
    }
}
