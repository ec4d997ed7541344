using OpenRan.Phy.Tests.Upper;
using OpenRan.Phy.Tests.Upper.ChannelCoding.Crc;
using OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Tests.Upper.ChannelCoding.RateMatching;
using OpenRan.Phy.Tests.Upper.ChannelCoding.SharedChannel;
using OpenRan.Phy.Tests.Upper.Equalization;
using OpenRan.Phy.Tests.Upper.Modulation;
using OpenRan.Phy.Tests.Upper.Sequences;
using OpenRan.Phy.Tests.Upper.TransformPrecoding;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests;

/// <summary>
/// Re-runs the Phy kernel test classes with AVX-512, AVX2 and all hardware intrinsics disabled (STYLE.md §12 "ISA
/// matrix"): the vectorized CRC packing, encoder block XORs, rate dematching, Gold-sequence signs, QAM mapper, soft
/// demapper, equalizer and transform precoder take their narrower or scalar paths, and the AVX2 LDPC decoder and
/// demapper tests skip where AVX2 is off.
/// </summary>
public class IsaMatrixTests
{
    [Theory]
    [MemberData(nameof(IsaChildProcess.ConfigurationNames), MemberType = typeof(IsaChildProcess))]
    public void KernelTests_PassUnderNarrowerInstructionSets(string configuration) =>
        IsaChildProcess.AssertPasses(
            typeof(IsaMatrixTests).Assembly,
            configuration,
            typeof(CrcCalculatorTests).FullName!,
            typeof(LdpcEncoderTests).FullName!,
            typeof(LdpcDecoderTests).FullName!,
            typeof(LdpcRateMatchingTests).FullName!,
            typeof(SharedChannelCodingTests).FullName!,
            typeof(DemodulationMapperTests).FullName!,
            typeof(ChannelEqualizerTests).FullName!,
            typeof(ModulationMapperTests).FullName!,
            typeof(PseudoRandomSequenceTests).FullName!,
            typeof(TransformPrecoderTests).FullName!);
}
