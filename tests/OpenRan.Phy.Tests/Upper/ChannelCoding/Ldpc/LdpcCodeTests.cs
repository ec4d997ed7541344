using System;
using OpenRan.Phy.Upper.ChannelCoding.Ldpc;

namespace OpenRan.Phy.Tests.Upper.ChannelCoding.Ldpc;

public class LdpcCodeTests
{
    [Fact]
    public void LiftingSizes_Are51SetsOfTable5_3_2_1()
    {
        Assert.Equal(51, LiftingSize.All.Length);
        Assert.Equal(2, LiftingSize.All[0]);
        Assert.Equal(384, LiftingSize.All[^1]);
        Assert.Equal(0, LiftingSize.SetIndex(256));
        Assert.Equal(1, LiftingSize.SetIndex(384));
        Assert.Equal(4, LiftingSize.SetIndex(288));
        Assert.Equal(6, LiftingSize.SetIndex(208));
        Assert.Equal(7, LiftingSize.SetIndex(15));
        Assert.False(LiftingSize.IsValid(17));
        Assert.Equal("zc", Assert.Throws<ArgumentOutOfRangeException>(() => LiftingSize.SetIndex(17)).ParamName);
        Assert.Equal(288, LiftingSize.Smallest(22, 6144 + 1));
        Assert.Equal(-1, LiftingSize.Smallest(22, 22 * 384 + 1));
    }

    [Fact]
    public void BaseGraphTables_HaveSpecSizesAndEntries()
    {
        LdpcBaseGraphTable bg1 = LdpcBaseGraphTable.Bg1;
        LdpcBaseGraphTable bg2 = LdpcBaseGraphTable.Bg2;
        Assert.Equal((46, 68, 316, 22), (bg1.RowCount, bg1.ColumnCount, bg1.EntryCount, bg1.InformationColumnCount));
        Assert.Equal((42, 52, 197, 10), (bg2.RowCount, bg2.ColumnCount, bg2.EntryCount, bg2.InformationColumnCount));
        Assert.Equal(105, bg1.Shift(1, 22, 6)); // the one core entry that differs between sets
        Assert.Equal(-1, bg1.Shift(0, 4, 0));
        Assert.Equal("row", Assert.Throws<ArgumentOutOfRangeException>(() => bg2.Shift(42, 0, 0)).ParamName);
    }

    [Theory]
    [InlineData(LdpcBaseGraph.Bg1, 384, 8448, 25344)]
    [InlineData(LdpcBaseGraph.Bg2, 384, 3840, 19200)]
    [InlineData(LdpcBaseGraph.Bg2, 2, 20, 100)]
    public void Code_HasSpecLengths(LdpcBaseGraph bg, int z, int k, int n)
    {
        LdpcCode code = LdpcCode.Get(bg, z);
        Assert.Equal(k, code.InformationLength);
        Assert.Equal(n, code.CodewordLength);
        Assert.Same(code, LdpcCode.Get(bg, z));
    }
}
