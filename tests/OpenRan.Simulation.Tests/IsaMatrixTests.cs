using OpenRan.Simulation.Tests.Channels;
using OpenRan.TestSupport;

namespace OpenRan.Simulation.Tests;

/// <summary>Re-runs the kernel tests of this project with AVX-512, AVX2 and all hardware intrinsics disabled (STYLE.md §12).</summary>
public class IsaMatrixTests
{
    public static TheoryData<string> Knobs()
    {
        var data = new TheoryData<string>();
        foreach ((string name, _, _) in IsaChildProcess.Configurations)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Knobs))]
    public void KernelTests_PassUnderNarrowerInstructionSets(string configuration)
    {
        if (IsaChildProcess.IsChild)
        {
            Assert.Skip("already inside an ISA child process.");
        }

        (string _, string variable, int bits) = System.Linq.Enumerable.First(IsaChildProcess.Configurations, c => c.Name == configuration);
        (int exitCode, string output) = IsaChildProcess.Run(
            typeof(IsaMatrixTests).Assembly,
            variable,
            bits,
            typeof(MultipathFadingChannelTests).FullName!);
        Assert.True(exitCode == 0, $"{configuration} ({variable}=0) failed with exit code {exitCode}:\n{output}");
    }
}
