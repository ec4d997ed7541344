using System;
using OpenRan.Phy.Upper.Channels;

namespace OpenRan.Phy.Tests.Upper.Channels;

public class TransportBlockSizeTests
{
    [Theory]
    // Cases worked independently from TS 38.214 §5.1.3.2 with exact fractions (N_RE, R×1024, Q_m, υ, S → TBS).
    [InlineData(156, 120, 2, 1, 1.0, 32)]           // N_info = 36.56 → n = 3, N' = 32 → table entry 32
    [InlineData(12, 120, 2, 1, 1.0, 24)]            // N_info = 2.8 → N' = max(24, 0) → 24
    [InlineData(1440, 30, 2, 1, 1.0, 80)]           // N_info = 84.4 → n = 3, N' = 80 → 80
    [InlineData(7920, 434, 4, 1, 1.0, 13320)]       // > 3824, R > 1/4, N' = 13312 > 8424: C = 2
    [InlineData(15600, 449, 2, 1, 1.0, 13576)]      // N_info = 13680.5: n = 8, N' = 13568, C = 2
    [InlineData(31200, 120, 2, 2, 1.0, 14600)]      // R ≤ 1/4: N' = 14592, C = ⌈14616/3816⌉ = 4
    [InlineData(42588, 948, 6, 4, 1.0, 950984)]     // 273 PRB, 64QAM, 4 layers
    [InlineData(8112, 512, 4, 1, 0.5, 8064)]        // TB scaling S = 0.5
    [InlineData(5928, 491.52, 4, 4, 0.25, 11272)]   // MATLAB nrTBS example (R = 0.48 = 491.52/1024) of the py3gpp vector
    public void FromResourceElements_MatchesHandWorkedCases(int nRe, double rateBy1024, int qm, int layers, double scaling, int expected) =>
        Assert.Equal(expected, TransportBlockSize.FromResourceElements(nRe, rateBy1024 / 1024, qm, layers, scaling));

    [Fact]
    public void Compute_CapsResourceElementsAt156PerPrb()
    {
        // 14 symbols, 6 DM-RS REs: N'_RE = 162 → 156 per PRB.
        var p = new TransportBlockSizeParameters(10, 14, 6, 0, 2, 120.0 / 1024, 1);
        Assert.Equal(162, p.ResourceElementsPerPrb);
        Assert.Equal(1560, p.ResourceElementCount);
        Assert.Equal(TransportBlockSize.FromResourceElements(1560, 120.0 / 1024, 2, 1), TransportBlockSize.Compute(p));
    }

    [Fact]
    public void ForLimitedBufferRateMatching_UsesMaximumRateAnd156RePerPrb()
    {
        Assert.Equal(1277992, TransportBlockSize.ForLimitedBufferRateMatching(4, 8, 273));
        Assert.Equal(319784, TransportBlockSize.ForLimitedBufferRateMatching(1, 8, 273));
        Assert.Equal(184424, TransportBlockSize.ForLimitedBufferRateMatching(2, 6, 107));
    }

    [Theory]
    [InlineData(1, 32)]
    [InlineData(32, 32)]
    [InlineData(33, 66)]
    [InlineData(106, 107)]
    [InlineData(135, 135)]
    [InlineData(136, 162)]
    [InlineData(217, 217)]
    [InlineData(218, 273)]
    [InlineData(275, 273)]
    public void LimitedBufferPrbCount_FollowsTable5_4_2_1_1(int prbs, int expected) =>
        Assert.Equal(expected, TransportBlockSize.LimitedBufferPrbCount(prbs));

    [Fact]
    public void BadParameters_ThrowNamingThem()
    {
        Assert.Equal("targetCodeRate", Assert.Throws<ArgumentOutOfRangeException>(() => TransportBlockSize.FromResourceElements(100, 1.0, 2, 1)).ParamName);
        Assert.Equal("modulationOrder", Assert.Throws<ArgumentOutOfRangeException>(() => TransportBlockSize.FromResourceElements(100, 0.5, 3, 1)).ParamName);
        Assert.Equal("layerCount", Assert.Throws<ArgumentOutOfRangeException>(() => TransportBlockSize.FromResourceElements(100, 0.5, 2, 5)).ParamName);
        Assert.Equal("scaling", Assert.Throws<ArgumentOutOfRangeException>(() => TransportBlockSize.FromResourceElements(100, 0.5, 2, 1, 0.3)).ParamName);
        Assert.Equal("SymbolCount", Assert.Throws<ArgumentOutOfRangeException>(() => TransportBlockSize.Compute(new TransportBlockSizeParameters(1, 15, 0, 0, 2, 0.5, 1))).ParamName);
        Assert.Equal(0.25, TransportBlockSize.ScalingFactor(2));
    }
}
