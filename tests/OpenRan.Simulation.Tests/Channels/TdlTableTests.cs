using System;
using OpenRan.Simulation.Channels;

namespace OpenRan.Simulation.Tests.Channels;

public class TdlTableTests
{
    public static TheoryData<TdlModel, int, double> ScalableModels() => new()
    {
        // Entries per TR 38.901 Tables 7.7.2-1…5 (D and E list the Ricean first tap twice) and the RMS delay spread of the
        // normalised table: 1 by construction of the TR tables (TDL-D: 0.9937, as its table gives).
        { TdlModel.A, 23, 1.0000 },
        { TdlModel.B, 23, 1.0000 },
        { TdlModel.C, 24, 1.0000 },
        { TdlModel.D, 14, 0.9937 },
        { TdlModel.E, 15, 1.0002 },
    };

    [Theory]
    [MemberData(nameof(ScalableModels))]
    public void Create_ScaledToDelaySpread_RmsDelaySpreadMatches(TdlModel model, int entries, double normalisedSpread)
    {
        PowerDelayProfile profile = Tr38901Table7_7_2.Create(model, 300e-9);
        Assert.Equal(entries, profile.Taps.Count);

        // The RMS spread of the table is a checksum over every delay and power entry: a typo moves it.
        Assert.Equal(normalisedSpread * 300e-9, profile.RmsDelaySpreadSeconds(), 0.0005 * 300e-9);
    }

    [Theory]
    [InlineData(FixedTdlProfile.Tdla30, 30.0006, 290)]
    [InlineData(FixedTdlProfile.Tdlb100, 100.370, 480)]
    [InlineData(FixedTdlProfile.Tdlc300, 300.295, 2595)]
    public void Create_FixedProfile_DelaySpreadAndMaximumDelay(FixedTdlProfile fixedProfile, double rmsNs, double maxDelayNs)
    {
        PowerDelayProfile profile = Ts38104TableG_2_1_1.Create(fixedProfile);
        Assert.Equal(12, profile.Taps.Count);
        Assert.Equal(maxDelayNs * 1e-9, profile.MaximumDelaySeconds, 1e-15);
        Assert.Equal(rmsNs * 1e-9, profile.RmsDelaySpreadSeconds(), 0.001e-9);
        Assert.All(profile.Taps, t => Assert.Equal(TapKind.Rayleigh, t.Kind));
    }

    [Fact]
    public void Create_TdlD_FirstEntryIsLineOfSightWithKFactor13Point3Db()
    {
        PowerDelayProfile d = Tr38901Table7_7_2.Create(TdlModel.D, 100e-9);
        Assert.Equal(TapKind.LineOfSight, d.Taps[0].Kind);
        Assert.Equal(TapKind.Rayleigh, d.Taps[1].Kind);
        Assert.Equal(13.3, d.Taps[0].PowerDb - d.Taps[1].PowerDb, 1e-9);
        PowerDelayProfile e = Tr38901Table7_7_2.Create(TdlModel.E, 100e-9);
        Assert.Equal(22.0, e.Taps[0].PowerDb - e.Taps[1].PowerDb, 1e-9);
    }

    [Fact]
    public void NormalizedLinearPowers_SumToOne()
    {
        double[] p = Tr38901Table7_7_2.Create(TdlModel.C, 100e-9).NormalizedLinearPowers();
        double sum = 0;
        foreach (double v in p)
        {
            sum += v;
        }

        Assert.Equal(1.0, sum, 1e-12);
    }

    [Fact]
    public void Create_BadDelaySpread_ThrowsNamingIt()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => Tr38901Table7_7_2.Create(TdlModel.A, 0));
        Assert.Equal("delaySpreadSeconds", e.ParamName);
    }
}
