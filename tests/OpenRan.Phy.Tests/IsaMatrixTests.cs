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
    [Theory]
    [MemberData(nameof(IsaChildProcess.ConfigurationNames), MemberType = typeof(IsaChildProcess))]
    public void ChannelCodingTests_PassUnderNarrowerInstructionSets(string configuration) =>
        IsaChildProcess.AssertPasses(
            typeof(IsaMatrixTests).Assembly,
            configuration,
            typeof(CrcCalculatorTests).FullName!,
            typeof(LdpcEncoderTests).FullName!,
            typeof(LdpcDecoderTests).FullName!,
            typeof(LdpcRateMatchingTests).FullName!,
            typeof(SharedChannelCodingTests).FullName!);
}
