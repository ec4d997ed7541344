using OpenRan.Phy.Tests.Upper;
using OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Tests.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Tests.Upper.ChannelCoding.SharedChannel;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests;

/// <summary>
/// Re-runs the channel-coding test classes with AVX-512, AVX2 and all hardware intrinsics disabled (STYLE.md §12 "ISA
/// matrix"): the vectorized CRC packing, encoder block XORs and rate dematching take their narrower or scalar paths, and
/// the AVX2 LDPC decoder tests skip where AVX2 is off.
/// </summary>
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
    public void ChannelCodingTests_PassUnderNarrowerInstructionSets(string configuration)
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
            typeof(CrcCalculatorTests).FullName!,
            typeof(LdpcEncoderTests).FullName!,
            typeof(LdpcDecoderTests).FullName!,
            typeof(LdpcRateMatchingTests).FullName!,
            typeof(SharedChannelCodingTests).FullName!);
        Assert.True(exitCode == 0, $"{configuration} ({variable}=0) failed with exit code {exitCode}:\n{output}");
    }
}
