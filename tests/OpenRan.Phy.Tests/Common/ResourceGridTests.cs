using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Common;

public class ResourceGridTests
{
    [Fact]
    public void Configure_SmallerDimensions_LaysOutSymbolMajorWithoutAllocating()
    {
        var grid = new ResourceGrid(maxPortCount: 4, maxSymbolCount: 14, maxSubcarrierCount: 3276);
        grid.Configure(portCount: 2, symbolCount: 14, nSizeGrid: 52, nStartGrid: 3);
        AllocationAssert.SteadyStateAllocatesNothing(() =>
        {
            grid.Configure(portCount: 2, symbolCount: 14, nSizeGrid: 52, nStartGrid: 3);
            grid[1, 2, 5] = new ComplexF32(1, -1);
        });

        Assert.Equal(624, grid.SubcarrierCount);
        Assert.Equal(52, grid.NSizeGrid);
        Assert.Equal(3, grid.NStartGrid);
        Assert.Equal(new ComplexF32(1, -1), grid.Port(1)[(2 * 624) + 5]);
        Assert.Equal(new ComplexF32(1, -1), grid.Symbol(1, 2)[5]);
    }

    [Fact]
    public void Configure_ClearsPreviousContent()
    {
        var grid = new ResourceGrid(1, 14, 120);
        grid[0, 13, 119] = ComplexF32.One;
        grid.Configure(1, 14, 10);
        Assert.Equal(ComplexF32.Zero, grid[0, 13, 119]);
    }

    [Fact]
    public void Indexing_OutOfRange_ThrowsNamingParameterAndRange()
    {
        var grid = new ResourceGrid(2, 14, 24);
        Assert.Equal("symbol", Assert.Throws<ArgumentOutOfRangeException>(() => grid.Symbol(0, 14)).ParamName);
        Assert.Equal("nSizeGrid", Assert.Throws<ArgumentOutOfRangeException>(() => grid.Configure(1, 14, 3)).ParamName);
        Assert.Contains("0..23", Assert.Throws<ArgumentOutOfRangeException>(() => grid[0, 0, 24]).Message, StringComparison.Ordinal);
    }
}
