using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper;

/// <summary>Re-runs the Phy kernel tests (demapper, equalizer, modulation mapper, Gold sequence) with AVX-512, AVX2 and all hardware intrinsics disabled.</summary>
public class PhyIsaMatrixTests
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
            typeof(PhyIsaMatrixTests).Assembly,
            variable,
            bits,
            typeof(DemodulationMapperTests).FullName!,
            typeof(ChannelEqualizerTests).FullName!,
            typeof(ModulationMapperTests).FullName!,
            typeof(PseudoRandomSequenceTests).FullName!);
        Assert.True(exitCode == 0, $"{configuration} ({variable}=0) failed with exit code {exitCode}:\n{output}");
    }
}
