using System.Runtime.Intrinsics;

namespace OpenRan.Dsp.Tests;

public class CpuFeaturesTests
{
    [Fact]
    public void Current_ReflectsRuntimeAcceleration()
    {
        CpuFeatures cpu = CpuFeatures.Current;
        Assert.Equal(Vector256.IsHardwareAccelerated, cpu.Vector256Accelerated);
        Assert.Equal(Vector128.IsHardwareAccelerated, cpu.Vector128Accelerated);
        Assert.Contains(cpu.Architecture.ToString(), cpu.ToString(), System.StringComparison.Ordinal);
        if (cpu.Avx2)
        {
            Assert.Contains("AVX2", cpu.Names);
        }
    }
}
