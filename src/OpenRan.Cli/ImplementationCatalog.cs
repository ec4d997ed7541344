using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using OpenRan.Dsp;
using OpenRan.Dsp.Fft;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Cli;

/// <summary>
/// The implementation choices of every factory, for <c>openran info</c> and start-up logs (STYLE.md §7.9). The factory
/// rows are derived from the shared contract, <see cref="IImplementationFamily"/>: every public static property of that
/// type in the processing libraries (OpenRan.Dsp, OpenRan.Phy) is a family, and its row is its own
/// <see cref="IImplementationFamily.AutoChoice"/>, <see cref="IImplementationFamily.Available"/> and
/// <see cref="IImplementationFamily.Implementations"/>, so a new family or a new implementation appears here without
/// editing this class.
/// </summary>
public static class ImplementationCatalog
{
    /// <summary>The assemblies whose factories are listed: the kernels and the 3GPP procedures.</summary>
    private static readonly Assembly[] s_libraries = [typeof(FftFactory).Assembly, typeof(LdpcDecoderFactory).Assembly];

    /// <summary>Every implementation family of the processing libraries, in a stable order (by component name).</summary>
    public static IReadOnlyList<IImplementationFamily> Families() =>
        s_libraries
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            .Where(p => typeof(IImplementationFamily).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
            .Select(p => (IImplementationFamily)p.GetValue(null)!)
            .Distinct()
            .OrderBy(f => f.Component, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Describes every component's choice on this machine: the factory families, then the vector kernels and radio drivers.</summary>
    public static IReadOnlyList<ImplementationChoice> Describe()
    {
        var choices = new List<ImplementationChoice>();
        foreach (IImplementationFamily family in Families())
        {
            choices.Add(new ImplementationChoice(family.Component, family.AutoChoice, family.Available, family.Implementations));
        }

        choices.AddRange(VectorKernels());
        choices.Add(RadioDrivers());
        return choices;
    }

    /// <summary>
    /// The element-wise kernels that pick their vector width per call from the CPU (STYLE.md §7.2) rather than through a
    /// factory: what they use is what <see cref="CpuFeatures"/> reports accelerated.
    /// </summary>
    private static IEnumerable<ImplementationChoice> VectorKernels()
    {
        CpuFeatures cpu = CpuFeatures.Current;
        string[] widths = ["Vector512", "Vector256", "Vector128", "scalar"];
        bool[] accelerated = [cpu.Vector512Accelerated, cpu.Vector256Accelerated, cpu.Vector128Accelerated, true];
        string[] tensorPaths = widths.Where((_, i) => accelerated[i]).ToArray();

        // ComplexKernels vectorise up to Vector256.
        string[] complexPaths = tensorPaths.Where(w => w != "Vector512").ToArray();
        yield return new ImplementationChoice("complex kernels (OpenRan.Dsp.ComplexKernels)", complexPaths[0], complexPaths, widths[1..]);
        yield return new ImplementationChoice("TensorPrimitives (System.Numerics.Tensors)", tensorPaths[0], tensorPaths, widths);
    }

    /// <summary>The radio drivers that can run here (the driver is chosen by name: <c>--driver</c>).</summary>
    private static ImplementationChoice RadioDrivers()
    {
        var available = new List<string>();
        var all = new List<string>();
        foreach (OpenRan.Radio.IRadioDriver driver in Commands.RadioCommand.CreateFactory().Drivers)
        {
            all.Add(driver.Name);
            if (driver.IsAvailable(out _))
            {
                available.Add(driver.Name);
            }
        }

        return new ImplementationChoice("radio drivers (OpenRan.Radio.RadioFactory)", "by --driver", available, all);
    }
}
