using System;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Mimo;

namespace OpenRan.Phy.Tests.Upper.Mimo;

public class LayerMapperTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MapThenDemap_RoundTrips_AndFollowsTable731(int layers)
    {
        int[] symbols = [.. System.Linq.Enumerable.Range(0, 12 * layers)];
        var mapped = new int[symbols.Length];
        LayerMapper.Map<int>(symbols, layers, mapped);
        int perLayer = symbols.Length / layers;
        for (int v = 0; v < layers; v++)
        {
            for (int i = 0; i < perLayer; i++)
            {
                Assert.Equal(symbols[(layers * i) + v], mapped[(v * perLayer) + i]); // x^(v)(i) = d(υi + v)
            }
        }

        var restored = new int[symbols.Length];
        LayerMapper.Demap<int>(mapped, layers, restored);
        Assert.Equal(symbols, restored);
    }

    [Fact]
    public void Map_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerMapper.Map<int>(new int[10], 5, new int[10]));
        Assert.Throws<ArgumentException>(() => LayerMapper.Map<int>(new int[10], 3, new int[10]));
        Assert.Throws<ArgumentException>(() => LayerMapper.Map<int>(new int[12], 3, new int[11]));
    }
}

public class PrecodingMatrixTests
{
    [Theory]
    [InlineData(1, 2, false, 6)]
    [InlineData(1, 4, true, 28)]
    [InlineData(1, 4, false, 28)]
    [InlineData(2, 2, false, 3)]
    [InlineData(2, 4, false, 22)]
    [InlineData(3, 4, false, 7)]
    [InlineData(4, 4, false, 5)]
    [InlineData(2, 4, true, 0)]
    public void CodebookSize_MatchesTables6315(int layers, int ports, bool transformPrecoding, int size) =>
        Assert.Equal(size, PrecodingMatrix.CodebookSize(layers, ports, transformPrecoding));

    [Fact]
    public void ForPusch_KnownEntries()
    {
        // Table 6.3.1.5-4 TPMI 2: ½[[1, 1], [j, −j]].
        PrecodingMatrix w = PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 2, 2, 2, false);
        Assert.Equal(new ComplexF32(0.5f, 0), w[0, 0]);
        Assert.Equal(new ComplexF32(0, 0.5f), w[1, 0]);
        Assert.Equal(new ComplexF32(0, -0.5f), w[1, 1]);
        // Tables 6.3.1.5-2 and -3 differ at TPMI 12: [1 1 1 −1]/2 with transform precoding, [1 1 1 1]/2 without.
        Assert.Equal(new ComplexF32(-0.5f, 0), PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 1, 4, 12, true)[3, 0]);
        Assert.Equal(new ComplexF32(0.5f, 0), PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 1, 4, 12, false)[3, 0]);
        // Table 6.3.1.5-7 TPMI 3: [[1,1,1,1],[1,−1,1,−1],[1,1,−1,−1],[1,−1,−1,1]]/4.
        PrecodingMatrix w4 = PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 4, 4, 3, false);
        Assert.Equal(new ComplexF32(-0.25f, 0), w4[3, 2]);
        Assert.True(PrecodingMatrix.ForPusch(PuschTransmissionScheme.NonCodebook, 3, 3, 0, false).IsIdentity);
    }

    [Fact]
    public void ForPusch_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 2, 2, 3, false));
        Assert.Throws<ArgumentException>(() => PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 3, 2, 0, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => PrecodingMatrix.ForPusch(PuschTransmissionScheme.NonCodebook, 2, 4, 0, false));
    }

    [Fact]
    public void Apply_IsMatrixProduct()
    {
        PrecodingMatrix w = PrecodingMatrix.ForPusch(PuschTransmissionScheme.Codebook, 2, 4, 16, false);
        ComplexF32[] layers = [new(1, 2), new(-1, 0.5f), new(0.25f, -3), new(2, 2)]; // 2 layers × 2 elements
        var ports = new ComplexF32[8];
        w.Apply(layers, ports);
        for (int p = 0; p < 4; p++)
        {
            for (int i = 0; i < 2; i++)
            {
                ComplexF32 expected = (w[p, 0] * layers[i]) + (w[p, 1] * layers[2 + i]);
                Assert.Equal(expected, ports[(p * 2) + i]);
            }
        }
    }
}
