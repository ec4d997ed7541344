using System;
using OpenRan.Phy.Upper.Channels;

namespace OpenRan.Phy.Tests.Upper.Channels;

public class McsTablesTests
{
    [Theory]
    [InlineData(McsTable.Qam64, 0, 2, 120)]
    [InlineData(McsTable.Qam64, 9, 2, 679)]
    [InlineData(McsTable.Qam64, 17, 6, 438)]
    [InlineData(McsTable.Qam64, 28, 6, 948)]
    [InlineData(McsTable.Qam256, 20, 8, 682.5)]
    [InlineData(McsTable.Qam256, 26, 8, 916.5)]
    [InlineData(McsTable.Qam256, 27, 8, 948)]
    [InlineData(McsTable.Qam64LowSe, 0, 2, 30)]
    [InlineData(McsTable.Qam64LowSe, 21, 6, 438)]
    [InlineData(McsTable.TransformPrecodingQam64, 2, 2, 193)]
    [InlineData(McsTable.TransformPrecodingQam64, 27, 6, 948)]
    [InlineData(McsTable.TransformPrecodingQam64LowSe, 6, 2, 120)]
    [InlineData(McsTable.TransformPrecodingQam64LowSe, 27, 6, 772)]
    public void Lookup_ReturnsSpecRows(McsTable table, int index, int qm, double rateBy1024)
    {
        McsEntry entry = McsTables.Lookup(table, index);
        Assert.Equal(qm, entry.ModulationOrder);
        Assert.Equal(rateBy1024, entry.TargetCodeRateBy1024);
        Assert.False(entry.IsReserved);
    }

    [Fact]
    public void Lookup_TransformPrecodingQRows_DependOnPi2Bpsk()
    {
        Assert.Equal(new McsEntry(1, 240), McsTables.Lookup(McsTable.TransformPrecodingQam64, 0, tpPi2Bpsk: true));
        Assert.Equal(new McsEntry(2, 120), McsTables.Lookup(McsTable.TransformPrecodingQam64, 0));
        Assert.Equal(new McsEntry(2, 157), McsTables.Lookup(McsTable.TransformPrecodingQam64, 1));
        Assert.Equal(new McsEntry(1, 128), McsTables.Lookup(McsTable.TransformPrecodingQam64LowSe, 3, tpPi2Bpsk: true));
        Assert.Equal(new McsEntry(2, 99), McsTables.Lookup(McsTable.TransformPrecodingQam64LowSe, 5));
    }

    [Fact]
    public void Lookup_ReservedRows_KeepModulationOnly()
    {
        Assert.True(McsTables.Lookup(McsTable.Qam64, 31).IsReserved);
        Assert.Equal(6, McsTables.Lookup(McsTable.Qam64, 31).ModulationOrder);
        Assert.Equal(8, McsTables.Lookup(McsTable.Qam256, 31).ModulationOrder);
        Assert.Equal(2, McsTables.Lookup(McsTable.TransformPrecodingQam64, 28).ModulationOrder);
        Assert.Equal("mcsIndex", Assert.Throws<ArgumentOutOfRangeException>(() => McsTables.Lookup(McsTable.Qam64, 32)).ParamName);
    }
}
