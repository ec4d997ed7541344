using System;
using OpenRan.Phy.Common;
using OpenRan.Simulation.Measurement;

namespace OpenRan.Simulation.Tests.Measurement;

/// <summary>The EVM window W against TS 38.104 Tables B.5.2-1..3 (FR1, normal cyclic prefix).</summary>
public sealed class EvmWindowTests
{
    [Theory]
    [InlineData(15, 5, 512, 14)]
    [InlineData(15, 20, 2048, 58)]
    [InlineData(15, 25, 2048, 72)]
    [InlineData(15, 50, 4096, 144)]
    [InlineData(30, 5, 256, 8)]
    [InlineData(30, 20, 1024, 28)]
    [InlineData(30, 25, 1024, 36)]
    [InlineData(30, 60, 3072, 130)]
    [InlineData(30, 100, 4096, 172)]
    [InlineData(60, 10, 256, 8)]
    [InlineData(60, 40, 1024, 36)]
    [InlineData(60, 100, 2048, 86)]
    public void AtTheTablesFftSize_WIsTheTableValue(int scsKhz, int bandwidthMhz, int fftSize, int expectedW)
    {
        Assert.Equal((fftSize, expectedW), EvmWindow.TableEntry(scsKhz, bandwidthMhz));
        var timing = new OfdmTiming(Numerology.FromSubcarrierSpacingKhz(scsKhz), CyclicPrefix.Normal, fftSize);
        Assert.Equal(expectedW, EvmWindow.Length(timing, bandwidthMhz));
    }

    [Fact]
    public void AtAnotherSampleRate_WScalesWithTheFftSize()
    {
        // 20 MHz at 30 kHz is W = 28 of N_CP = 72 at FFT 1024; a 61.44 Msps analysis (FFT 2048) has W = 56 of 144.
        var timing = new OfdmTiming(Numerology.FromSubcarrierSpacingKhz(30), CyclicPrefix.Normal, 2048);
        Assert.Equal(56, EvmWindow.Length(timing, 20));
        (int early, int late) = EvmWindow.Offsets(timing, 20);
        Assert.Equal(56, early - late);
        Assert.Equal(144, early + late);
    }

    [Fact]
    public void RatiosAreThoseOfTheTables()
    {
        Assert.Equal(28 / 72.0, EvmWindow.Ratio(30, 20), 12);
        Assert.Equal(0.5, EvmWindow.Ratio(30, 40), 12);
        Assert.Equal(172 / 288.0, EvmWindow.Ratio(30, 100), 12);
    }

    [Fact]
    public void CombinationsOutsideTheTables_NameTheParameterAndTheValidValues()
    {
        var bandwidth = Assert.Throws<ArgumentOutOfRangeException>(() => EvmWindow.TableEntry(15, 100));
        Assert.Equal("bandwidthMhz", bandwidth.ParamName);
        Assert.Contains("5, 10, 15, 20, 25, 30, 35, 40, 45, 50", bandwidth.Message, StringComparison.Ordinal);
        var scs = Assert.Throws<ArgumentOutOfRangeException>(() => EvmWindow.TableEntry(120, 100));
        Assert.Equal("subcarrierSpacingKhz", scs.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EvmWindow.TableEntry(60, 5));
    }
}
