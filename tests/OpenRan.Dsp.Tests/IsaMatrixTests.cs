using OpenRan.TestSupport;

namespace OpenRan.Dsp.Tests;

/// <summary>Re-runs the kernel test classes with AVX-512, AVX2 and all hardware intrinsics disabled (STYLE.md §12 "ISA matrix").</summary>
public class IsaMatrixTests
{
    [Theory]
    [MemberData(nameof(IsaChildProcess.ConfigurationNames), MemberType = typeof(IsaChildProcess))]
    public void KernelTests_PassUnderNarrowerInstructionSets(string configuration) =>
        IsaChildProcess.AssertPasses(
            typeof(IsaMatrixTests).Assembly,
            configuration,
            typeof(ComplexKernelsTests).FullName!,
            typeof(ComplexErasureTests).FullName!,
            typeof(SampleConversionTests).FullName!,
            typeof(BitPackingTests).FullName!,
            typeof(LogLikelihoodRatioTests).FullName!,
            typeof(Fft.FftPlanTests).FullName!);
}
