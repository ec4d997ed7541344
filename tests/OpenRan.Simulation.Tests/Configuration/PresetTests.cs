using System;
using OpenRan.Phy.Upper.Modulation;
using OpenRan.Simulation.Channels;
using OpenRan.Simulation.Configuration;

namespace OpenRan.Simulation.Tests.Configuration;

public class PresetTests
{
    [Theory]
    [InlineData("G-FR1-A3-10", 15, 106, ModulationScheme.Qpsk, 193)]
    [InlineData("g-fr1-a4-10", 15, 106, ModulationScheme.Qam16, 658)]
    [InlineData("G-FR1-A5-14", 30, 273, ModulationScheme.Qam64, 567)]
    [InlineData("G-FR1-A3-8", 15, 25, ModulationScheme.Qpsk, 193)]
    public void Find_KnownFrc_Parameters(string name, int scs, int prbs, ModulationScheme modulation, int rateX1024)
    {
        FixedReferenceChannel frc = Ts38104AnnexA.Find(name);
        Assert.Equal(scs, frc.SubcarrierSpacingKhz);
        Assert.Equal(prbs, frc.PrbCount);
        Assert.Equal(modulation, frc.Modulation);
        Assert.Equal(rateX1024, frc.TargetCodeRateX1024);
    }

    [Fact]
    public void Find_Unknown_ListsKnownNames()
    {
        FormatException e = Assert.Throws<FormatException>(() => Ts38104AnnexA.Find("G-FR1-A9-1"));
        Assert.Contains("G-FR1-A3-10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_Table8_2_1_2_3_TwoRxValuesFromTheIssue()
    {
        Assert.Equal(-2.1, Ts38104Table8_2_1_2.Find("G-FR1-A3-10", "TDLB100-400", MimoCorrelationLevel.Low, 2)!.SnrDb);
        Assert.Equal(10.0, Ts38104Table8_2_1_2.Find("G-FR1-A4-10", "TDLC300-100", MimoCorrelationLevel.Low, 2)!.SnrDb);
        Assert.Equal(12.4, Ts38104Table8_2_1_2.Find("G-FR1-A5-10", "TDLA30-10", MimoCorrelationLevel.Low, 2)!.SnrDb);
        Assert.Null(Ts38104Table8_2_1_2.Find("G-FR1-A5-10", "TDLA30-10", MimoCorrelationLevel.Low, 1));
    }

    [Fact]
    public void Requirements_EveryRowNamesAKnownFrcAndParsablePropagation()
    {
        foreach (PuschRequirement r in Ts38104Table8_2_1_2.All)
        {
            FixedReferenceChannel frc = Ts38104AnnexA.Find(r.FixedReferenceChannel);
            Assert.Equal(r.Propagation, PropagationConditions.Parse(r.Propagation).Name);
            Assert.Equal(r.Table == "8.2.1.2-3" ? 15 : 30, frc.SubcarrierSpacingKhz);

            // More receive antennas never need more SNR.
            foreach (PuschRequirement other in Ts38104Table8_2_1_2.All)
            {
                if (other.FixedReferenceChannel == r.FixedReferenceChannel && other.RxAntennas > r.RxAntennas)
                {
                    Assert.True(other.SnrDb < r.SnrDb);
                }
            }
        }
    }
}
