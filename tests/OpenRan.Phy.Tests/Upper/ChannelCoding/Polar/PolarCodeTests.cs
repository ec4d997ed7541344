using System;
using System.Linq;
using OpenRan.Phy.Upper.ChannelCoding.Polar;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Polar;

public class PolarCodeTests
{
    [Theory]
    [InlineData(56, 864, 9, 512)] // BCH (TS 38.212 §7.1.4)
    [InlineData(64, 108, 9, 128)] // DCI at aggregation level 1
    [InlineData(164, 1728, 9, 512)] // largest DCI at level 16
    [InlineData(512, 1024, 10, 1024)]
    [InlineData(20, 36, 10, 32)] // n_min = 5
    [InlineData(30, 70, 10, 64)] // E ≤ (9/8)·64 and K/E < 9/16 → n1 = ⌈log2 E⌉ − 1
    public void MotherCodeLength_KnownCases_MatchesSection531(int k, int e, int nMax, int expectedN)
    {
        Assert.Equal(expectedN, PolarCode.MotherCodeLength(k, e, nMax));
    }

    [Theory]
    [InlineData(20, 220, 3, 1)]
    [InlineData(20, 100, 3, 0)]
    [InlineData(25, 215, 3, 1)]
    [InlineData(26, 220, 0, 0)]
    public void ForUci_ParityCheckRule_FollowsSection63131(int k, int e, int nPc, int nPcWm)
    {
        var code = PolarCode.ForUci(k, e);
        Assert.Equal(nPc, code.NPc);
        Assert.Equal(nPcWm, code.NPcWm);
        Assert.Equal(nPc, code.BitKinds.ToArray().Count(b => b == PolarBitKind.ParityCheck));
        Assert.Equal(k, code.BitKinds.ToArray().Count(b => b == PolarBitKind.Information));
    }

    [Fact]
    public void InputInterleaver_IsPermutation()
    {
        for (int k = 1; k <= 164; k++)
        {
            var code = PolarCode.ForDownlink(k, Math.Max(k + 8, 128));
            Assert.Equal(Enumerable.Range(0, k), code.InputInterleaver.ToArray().Select(v => (int)v).Order());
        }
    }

    [Fact]
    public void Constructor_InvalidParameters_ThrowNamingParameter()
    {
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => new PolarCode(165, 500, 9, true, 0, 0, false)).ParamName);
        Assert.Equal("nMax", Assert.Throws<ArgumentOutOfRangeException>(() => new PolarCode(40, 500, 8, true, 0, 0, false)).ParamName);
        Assert.Equal("e", Assert.Throws<ArgumentOutOfRangeException>(() => new PolarCode(40, 30, 9, true, 0, 0, false)).ParamName);
    }
}
