using System;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdsch;
using OpenRan.Phy.Upper.Channels.Pusch;
using OpenRan.Phy.Upper.Channels.SharedChannel;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;
using OpenRan.Phy.Upper.SignalProcessors.Ptrs;

namespace OpenRan.Phy.Tests.Upper.Channels.SharedChannel;

public class SharedChannelConfigurationTests
{
    private static readonly PdschConfiguration s_pdsch = new()
    {
        NSizeGrid = 52,
        NSizeBwp = 52,
        PrbSet = [.. Enumerable.Range(0, 52)],
        Dmrs = new DmrsConfiguration { Ports = [0] },
    };

    [Fact]
    public void Validate_DefaultConfigurations_AreValid()
    {
        Assert.Empty(s_pdsch.Validate());
        Assert.Empty(new PuschConfiguration().Validate());
    }

    [Theory]
    [InlineData("PrbSet")]
    [InlineData("LayerCount")]
    [InlineData("Dmrs.Ports")]
    [InlineData("Dmrs.AdditionalPosition")]
    [InlineData("SymbolCount")]
    [InlineData("collides")]
    public void Validate_BadPdsch_NamesTheProblem(string expected)
    {
        PdschConfiguration bad = expected switch
        {
            "PrbSet" => s_pdsch with { PrbSet = [50, 51, 52] },
            "LayerCount" => s_pdsch with { LayerCount = 2 },
            "Dmrs.Ports" => s_pdsch with { LayerCount = 2, Dmrs = s_pdsch.Dmrs with { Ports = [1, 1] } },
            "Dmrs.AdditionalPosition" => s_pdsch with { Dmrs = s_pdsch.Dmrs with { Length = 2, AdditionalPosition = 2 } },
            "SymbolCount" => s_pdsch with { StartSymbol = 4, SymbolCount = 11 },
            _ => s_pdsch with { ReservedResources = [ReservedResource.Blocks([10], 1 << 2)] },
        };
        string problems = string.Join(" | ", bad.Validate());
        Assert.Contains(expected, problems, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(bad.ThrowIfInvalid);
    }

    [Fact]
    public void Validate_PortInCdmGroupWithData_IsACollision()
    {
        // Port 2 (CDM group 1) needs two CDM groups without data, else the DM-RS would overlap data.
        PdschConfiguration bad = s_pdsch with { Dmrs = s_pdsch.Dmrs with { Ports = [2], CdmGroupsWithoutData = 1 } };
        Assert.Contains(bad.Validate(), p => p.Contains("collide", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadPusch_NamesTheProblem()
    {
        var pusch = new PuschConfiguration { LayerCount = 2, AntennaPortCount = 1, Dmrs = new DmrsConfiguration { Ports = [0, 1] } };
        Assert.Contains(pusch.Validate(), p => p.Contains("exceeds AntennaPortCount", StringComparison.Ordinal));
        var tp = new PuschConfiguration { TransformPrecoding = true, PrbSet = [.. Enumerable.Range(0, 7)], Dmrs = new DmrsConfiguration { Ports = [0] } };
        Assert.Contains(tp.Validate(), p => p.Contains("2^a·3^b·5^c", StringComparison.Ordinal));
        var tpmi = new PuschConfiguration { AntennaPortCount = 2, TransmissionScheme = PuschTransmissionScheme.Codebook, Tpmi = 6, Dmrs = new DmrsConfiguration { Ports = [0] } };
        Assert.Contains(tpmi.Validate(), p => p.Contains("Tpmi = 6", StringComparison.Ordinal));
        var pi2 = new PuschConfiguration { Modulation = ModulationScheme.Pi2Bpsk, Dmrs = new DmrsConfiguration { Ports = [0] } };
        Assert.NotEmpty(pi2.Validate());
    }

    [Fact]
    public void Layout_CountsDataElements_AroundDmrsPtrsAndReserved()
    {
        // 10 PRB, symbols 2..13, DM-RS at 2, 5, 8, 11 (type 1, 2 CDM groups without data): 8 data symbols × 120.
        PdschConfiguration configuration = s_pdsch with { PrbSet = [.. Enumerable.Range(0, 10)], StartSymbol = 2, SymbolCount = 12, Dmrs = s_pdsch.Dmrs with { AdditionalPosition = 3 } };
        Assert.Equal(8 * 120, configuration.BuildLayout().DataResourceElementCount);
        // One CDM group without data: half of each DM-RS symbol carries data.
        PdschConfiguration shared = configuration with { Dmrs = configuration.Dmrs with { CdmGroupsWithoutData = 1 } };
        Assert.Equal((8 * 120) + (4 * 60), shared.BuildLayout().DataResourceElementCount);
        // A CSI-RS-like pattern of 2 subcarriers per block on symbol 6 removes 20 data elements.
        PdschConfiguration reserved = configuration with { ReservedResources = [ReservedResource.Blocks(Enumerable.Range(0, 10), 1 << 6, 0b11)] };
        Assert.Equal((8 * 120) - 20, reserved.BuildLayout().DataResourceElementCount);
        // PT-RS every symbol (L = 1), every 2nd block: 5 per data symbol.
        PdschConfiguration ptrs = configuration with { Ptrs = new PtrsConfiguration { TimeDensity = 1, FrequencyDensity = 2 } };
        SharedChannelLayout layout = ptrs.BuildLayout();
        Assert.Equal((8 * 120) - (8 * 5), layout.DataResourceElementCount);
        Assert.Equal(0b11011011011000, layout.PtrsSymbolMask);
    }

    [Fact]
    public void Layout_NonContiguousPrbs_RunsFollowTheGrid()
    {
        PdschConfiguration configuration = s_pdsch with { PrbSet = [3, 4, 9], StartSymbol = 2, SymbolCount = 11 };
        SharedChannelLayout layout = configuration.BuildLayout();
        Assert.Equal(2, layout.Clusters.Length);
        DataRun[] runs = layout.DataRuns(4).ToArray();
        Assert.Equal([new DataRun(0, 36, 24), new DataRun(24, 108, 12)], runs);
    }
}
