using System.Collections.Generic;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Cli;

/// <summary>Which implementation a factory picks under <c>auto</c>, and which it could pick.</summary>
/// <param name="Component">The component, for example <c>LDPC decoder</c>.</param>
/// <param name="Chosen">The implementation <c>auto</c> selects on this machine.</param>
/// <param name="Available">Every implementation that can run here.</param>
public sealed record ImplementationChoice(string Component, string Chosen, IReadOnlyList<string> Available);

/// <summary>
/// The implementation choices of every factory, for <c>openran info</c> and start-up logs (STYLE.md §7.9).
/// Each factory-backed component adds its line here.
/// </summary>
public static class ImplementationCatalog
{
    /// <summary>The radio drivers that can run here (the driver is chosen by name: <c>--driver</c>).</summary>
    private static ImplementationChoice RadioDrivers()
    {
        var available = new List<string>();
        foreach (OpenRan.Radio.IRadioDriver driver in Commands.RadioCommand.CreateFactory().Drivers)
        {
            if (driver.IsAvailable(out _))
            {
                available.Add(driver.Name);
            }
        }

        return new ImplementationChoice("radio drivers (OpenRan.Radio.RadioFactory)", "by --driver", available);
    }

    /// <summary>Describes every component's choice on this machine.</summary>
    public static IReadOnlyList<ImplementationChoice> Describe()
    {
        CpuFeatures cpu = CpuFeatures.Current;
        string widest = cpu.WidestVectorBits == 0 ? "scalar" : $"Vector{cpu.WidestVectorBits}";
        var vectorPaths = new List<string> { "scalar" };
        if (cpu.Vector128Accelerated)
        {
            vectorPaths.Add("Vector128");
        }

        if (cpu.Vector256Accelerated)
        {
            vectorPaths.Add("Vector256");
        }

        var tensorPaths = new List<string>(vectorPaths);
        if (cpu.Vector512Accelerated)
        {
            tensorPaths.Add("Vector512");
        }

        return
        [
            new ImplementationChoice("complex kernels (OpenRan.Dsp.ComplexKernels)", cpu.Vector256Accelerated ? "Vector256" : cpu.Vector128Accelerated ? "Vector128" : "scalar", vectorPaths),
            new ImplementationChoice("TensorPrimitives (System.Numerics.Tensors)", widest, tensorPaths),
            new ImplementationChoice("soft demapper (OpenRan.Phy.Upper.Modulation.DemodulationMapperFactory)", OpenRan.Phy.Upper.Modulation.DemodulationMapperFactory.AutoChoice, OpenRan.Phy.Upper.Modulation.DemodulationMapperAvx2.IsSupported ? ["avx2", "generic"] : ["generic"]),
            RadioDrivers(),
            new ImplementationChoice("polar SC/SCL f, g and partial-sum kernels (OpenRan.Phy.Upper.ChannelCoding.Polar)", cpu.Vector256Accelerated ? "Vector256" : "scalar", cpu.Vector256Accelerated ? ["scalar", "Vector256"] : ["scalar"]),
            new ImplementationChoice("FFT (OpenRan.Dsp.Fft.FftFactory; generic for lengths not divisible by 4)", FftFactory.AutoChoice, FftFactory.Available),
            new ImplementationChoice("LDPC decoder (LdpcDecoderFactory)", LdpcDecoderFactory.Resolve(LdpcDecoderFactory.Auto), LdpcDecoderFactory.Available),
        ];
    }
}
