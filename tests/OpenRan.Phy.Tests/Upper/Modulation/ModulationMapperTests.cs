using System;
using System.Linq;
using OpenRan.Dsp;
using OpenRan.Phy.Upper.Modulation;

namespace OpenRan.Phy.Tests.Upper.Modulation;

public class ModulationMapperTests
{
    private static readonly double s_r2 = Math.Sqrt(2);

    [Fact]
    public void Map_BpskAndPi2Bpsk_FollowSection512()
    {
        byte[] bits = [0, 1, 1, 0, 1];
        var bpsk = new ComplexF32[5];
        var pi2 = new ComplexF32[5];
        ModulationMapper.Map(bits, ModulationScheme.Bpsk, bpsk);
        ModulationMapper.Map(bits, ModulationScheme.Pi2Bpsk, pi2);
        for (int i = 0; i < bits.Length; i++)
        {
            double a = (1 - (2 * bits[i])) / s_r2;
            Assert.Equal((float)a, bpsk[i].Re, 6);
            Assert.Equal((float)a, bpsk[i].Im, 6);
            // d(i) = e^(jπ(i mod 2)/2)/√2 · [(1−2b) + j(1−2b)]
            System.Numerics.Complex expected = System.Numerics.Complex.FromPolarCoordinates(1, Math.PI / 2 * (i % 2)) * new System.Numerics.Complex(a, a);
            Assert.Equal(expected.Real, pi2[i].Re, 6);
            Assert.Equal(expected.Imaginary, pi2[i].Im, 6);
        }
    }

    [Fact]
    public void Map_Qpsk_FollowsSection513()
    {
        byte[] bits = [0, 0, 0, 1, 1, 0, 1, 1];
        var symbols = new ComplexF32[4];
        ModulationMapper.Map(bits, ModulationScheme.Qpsk, symbols);
        float a = (float)(1 / s_r2);
        Assert.Equal([new(a, a), new(a, -a), new(-a, a), new(-a, -a)], symbols);
    }

    [Theory]
    [InlineData(ModulationScheme.Qpsk)]
    [InlineData(ModulationScheme.Qam16)]
    [InlineData(ModulationScheme.Qam64)]
    [InlineData(ModulationScheme.Qam256)]
    [InlineData(ModulationScheme.Qam1024)]
    public void Map_AllBitPatterns_UnitAveragePowerAndDistinctPoints(ModulationScheme scheme)
    {
        int qm = scheme.BitsPerSymbol();
        int m = 1 << qm;
        var bits = new byte[m * qm];
        for (int v = 0; v < m; v++)
        {
            for (int j = 0; j < qm; j++)
            {
                bits[(v * qm) + j] = (byte)((v >> (qm - 1 - j)) & 1);
            }
        }

        var symbols = new ComplexF32[m];
        ModulationMapper.Map(bits, scheme, symbols);
        double power = symbols.Average(s => (double)s.MagnitudeSquared);
        Assert.Equal(1.0, power, 6);
        Assert.Equal(m, symbols.Distinct().Count());
    }

    [Fact]
    public void Map_WrongBitCount_ThrowsNamingBits()
    {
        Assert.Equal("bits", Assert.Throws<ArgumentException>(() => ModulationMapper.Map(new byte[5], ModulationScheme.Qam16, new ComplexF32[1])).ParamName);
    }
}
