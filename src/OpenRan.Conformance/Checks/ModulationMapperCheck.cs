using System.Collections.Generic;
using System.IO;
using OpenRan.Conformance.Formats;
using OpenRan.Conformance.Runner;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Conformance.Checks;

/// <summary>
/// TS 38.211 §5.1 modulation mapping against MATLAB 5G Toolbox (<c>py5gphy_matlab/modulation/mapper</c>): <c>b</c> mapped
/// with <c>modtype</c> must equal <c>mod_data</c> within 1e-6.
/// </summary>
public sealed class ModulationMapperCheck : IConformanceCheck
{
    /// <summary>Complex tolerance: float rounding of unit-power constellations.</summary>
    public const double Tolerance = 1e-6;

    /// <inheritdoc />
    public string Category => "modulation-mapper";

    /// <inheritdoc />
    public string Description => "π/2-BPSK … 1024QAM mapping (TS 38.211 §5.1)";

    /// <inheritdoc />
    public string RelativeFolder => "py5gphy_matlab/modulation/mapper";

    /// <inheritdoc />
    public IEnumerable<string> EnumerateCases(string folder) => ConformanceRunner.FilesIn(folder, "*.mat");

    /// <inheritdoc />
    public CaseResult Run(string caseId)
    {
        MatFile mat = MatFile.Load(caseId);
        string type = ((MatCharArray)mat["modtype"]).Text;
        ModulationScheme scheme = ParseScheme(type, caseId);
        byte[] bits = mat.Numeric("b").ToBits();
        var symbols = new ComplexF32[bits.Length / scheme.BitsPerSymbol()];
        ModulationMapper.Map(bits, scheme, symbols);
        string? diff = Compare.FirstDifference(symbols, mat.Numeric("mod_data").ToComplexArray(), Tolerance, $"{type} symbols");
        return diff is null ? CaseResult.Pass($"{type}, {symbols.Length} symbols") : CaseResult.Fail(diff);
    }

    /// <summary>Parses MATLAB modulation names ('pi/2-BPSK', 'BPSK', 'QPSK', '16QAM', …).</summary>
    public static ModulationScheme ParseScheme(string name, string source)
    {
        string key = new string([.. System.Linq.Enumerable.Where(name.ToUpperInvariant(), char.IsLetterOrDigit)]);
        return key switch
        {
            "PI2BPSK" => ModulationScheme.Pi2Bpsk,
            "BPSK" => ModulationScheme.Bpsk,
            "QPSK" => ModulationScheme.Qpsk,
            "16QAM" => ModulationScheme.Qam16,
            "64QAM" => ModulationScheme.Qam64,
            "256QAM" => ModulationScheme.Qam256,
            "1024QAM" => ModulationScheme.Qam1024,
            _ => throw new InvalidDataException($"{source}: unknown modulation '{name}'."),
        };
    }
}
