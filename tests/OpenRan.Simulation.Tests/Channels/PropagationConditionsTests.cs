using System;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class PropagationConditionsTests
{
    [Theory]
    [InlineData("TDLA30-10", "TDLA30", 10)]
    [InlineData("TDLB100-400", "TDLB100", 400)]
    [InlineData("tdlc300-100", "TDLC300", 100)]
    [InlineData("TDLC300-600", "TDLC300", 600)]
    [InlineData("TDLA30-5", "TDLA30", 5)]
    public void Parse_3gppCombinationName_FixedProfileAndDoppler(string name, string profile, double doppler)
    {
        PropagationConditions c = PropagationConditions.Parse(name);
        Assert.Equal(profile, c.Profile!.Name);
        Assert.Equal(doppler, c.MaximumDopplerHz);
        Assert.Equal(MimoCorrelationLevel.Low, c.Correlation);
        Assert.True(c.IsFading);
    }

    [Fact]
    public void Parse_OtherDelaySpread_ScalableTr38901Model()
    {
        PropagationConditions c = PropagationConditions.Parse("TDLD30-75");
        Assert.StartsWith("TDL-D", c.Profile!.Name, StringComparison.Ordinal);
        Assert.Equal(14, c.Profile.Taps.Count);
        Assert.Equal(75, c.MaximumDopplerHz);
        Assert.Equal(30e-9 * 0.9937, c.Profile.RmsDelaySpreadSeconds(), 0.001e-9);
    }

    [Theory]
    [InlineData("TDLB100-400-Low", MimoCorrelationLevel.Low)]
    [InlineData("TDLA30-10-medium", MimoCorrelationLevel.Medium)]
    [InlineData("TDL-C300-100-High", MimoCorrelationLevel.High)]
    [InlineData("TDLA30-10-medium-a", MimoCorrelationLevel.MediumA)]
    public void Parse_CorrelationSuffix_Read(string name, MimoCorrelationLevel level) =>
        Assert.Equal(level, PropagationConditions.Parse(name).Correlation);

    [Fact]
    public void Parse_Awgn_NoFading()
    {
        PropagationConditions c = PropagationConditions.Parse("awgn");
        Assert.False(c.IsFading);
        Assert.Null(c.Profile);
    }

    [Theory]
    [InlineData("TDLF30-10")]
    [InlineData("TDLA30")]
    [InlineData("EPA5")]
    [InlineData("TDLA30-10-low-extra")]
    [InlineData("TDLA0-10")]
    [InlineData("TDLA30-20000")]
    public void Parse_BadName_FormatExceptionListingTheGrammar(string name)
    {
        FormatException e = Assert.Throws<FormatException>(() => PropagationConditions.Parse(name));
        Assert.Contains(name, e.Message, StringComparison.Ordinal);
    }
}
