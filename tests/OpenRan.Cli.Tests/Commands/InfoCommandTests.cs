using System;
using System.Linq;
using System.Text.Json;
using OpenRan.Dsp.Fft;
using OpenRan.Dsp.Implementations;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;
using OpenRan.Phy.Upper.ChannelCoding.Polar;
using OpenRan.Phy.Upper.Equalization;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Cli.Tests.Commands;

/// <summary>Issue 14 §3: <c>openran info</c> is derived from the shared factory contract, not from a hand-kept list.</summary>
public class InfoCommandTests
{
    private static readonly IImplementationFamily[] s_knownFamilies =
    [
        FftFactory.Family, LdpcDecoderFactory.Family, PolarDecoderFactory.Family, DemodulationMapperFactory.Family, ChannelEqualizerFactory.Family,
    ];

    [Fact]
    public void Families_FindsEveryFactoryFamilyOfDspAndPhy()
    {
        var found = ImplementationCatalog.Families();
        foreach (IImplementationFamily family in s_knownFamilies)
        {
            Assert.Contains(family, found);
        }

        Assert.Equal(found.Count, found.Select(f => f.Component).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void InfoJson_EachFamilyRowIsItsContract()
    {
        (int exitCode, string output) = CliRunner.Run("info", "--json");
        Assert.Equal(0, exitCode);
        using JsonDocument doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("implementations").EnumerateArray()
            .ToDictionary(r => r.GetProperty("component").GetString()!, r => r, StringComparer.Ordinal);
        foreach (IImplementationFamily family in ImplementationCatalog.Families())
        {
            Assert.True(rows.TryGetValue(family.Component, out JsonElement row), $"no row for {family.Component}");
            Assert.Equal(family.AutoChoice, row.GetProperty("chosen").GetString());
            Assert.Equal(family.Available, row.GetProperty("available").EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Equal(family.Implementations, row.GetProperty("implementations").EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Contains(ImplementationNames.Generic, family.Available);
        }
    }

    [Fact]
    public void Info_Table_ShowsThePolarDecoderFamily()
    {
        (int exitCode, string output) = CliRunner.Run("info");
        Assert.Equal(0, exitCode);
        Assert.Contains(PolarDecoderFactory.Family.Component, output, StringComparison.Ordinal);
        Assert.Contains(PolarDecoderFactory.Family.AutoChoice, output, StringComparison.Ordinal);
    }
}
