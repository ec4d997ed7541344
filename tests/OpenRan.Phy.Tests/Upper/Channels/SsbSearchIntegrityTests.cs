using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

/// <summary>
/// Issue 13 for the cell search: <see cref="CellIdentityDetector"/> (10 000 blocks per input kind) and
/// <see cref="SsbTimeSearch"/> (1000 captures per kind; a search costs about a millisecond) never detect silence or
/// subnormal input, detect noise alone at most at their false-alarm targets, and never throw or report a non-finite
/// metric or frequency offset, also with NaN/±∞/±3e38 in 1..all values.
/// </summary>
public class SsbSearchIntegrityTests
{
    [Theory]
    [InlineData(HostileInputKind.AllZero, false)]
    [InlineData(HostileInputKind.Denormal, false)]
    [InlineData(HostileInputKind.NoiseOnly, false)]
    [InlineData(HostileInputKind.AllZero, true)]
    [InlineData(HostileInputKind.Denormal, true)]
    [InlineData(HostileInputKind.NoiseOnly, true)]
    public void CellIdentity_HostileGrid_NotDetected(HostileInputKind kind, bool corrupt)
    {
        const int trials = 10_000;
        var detector = new CellIdentityDetector();
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var random = new Random(((int)kind * 2) + (corrupt ? 1 : 0));
        int detected = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            HostileInput.Fill(grid.Port(0), kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            if (corrupt)
            {
                HostileInput.Corrupt(grid.Port(0), 1 + random.Next(grid.Port(0).Length), random);
            }

            CellIdentity cell = detector.Detect(grid, 0, 0, 0);
            Assert.True(float.IsFinite(cell.PssMetric) && float.IsFinite(cell.SssMetric), cell.ToString());
            detected += cell.Detected ? 1 : 0;
        }

        // Silence is never a cell; noise alone passes the PSS test at about 1e-3 (binomial 5-sigma band).
        Assert.InRange(detected, 0, kind == HostileInputKind.NoiseOnly ? (trials * 1e-3) + (5 * Math.Sqrt(trials * 1e-3)) : 0);
    }

    [Fact]
    public void CellIdentity_MappedBlock_IsDetected()
    {
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        new SsbTransmitter().Map(grid, 0, 0, 0, new Mib(1, false, 0, 2, 0, false, true), 580, 4, 0, 0, SsbAmplitudes.Unit);
        grid[0, 0, SsbResourceMap.SyncFirstSubcarrier + 5] = new ComplexF32(float.PositiveInfinity, 0);
        CellIdentity cell = new CellIdentityDetector().Detect(grid, 0, 0, 0);
        Assert.Equal(580, cell.NIdCell);
        Assert.True(cell.Detected);
        Assert.Equal(1, cell.ErasedResourceElements);
    }

    [Theory]
    [InlineData(HostileInputKind.AllZero, false)]
    [InlineData(HostileInputKind.Denormal, false)]
    [InlineData(HostileInputKind.NoiseOnly, false)]
    [InlineData(HostileInputKind.AllZero, true)]
    [InlineData(HostileInputKind.NoiseOnly, true)]
    public void TimeSearch_HostileCapture_NotDetectedAndFinite(HostileInputKind kind, bool corrupt)
    {
        const int trials = 1000;
        var search = new SsbTimeSearch(new SsbTimeSearchConfiguration { SampleRateHz = 7.68e6, SubcarrierSpacingKhz = 30 });
        var grid = new ResourceGrid(1, SsbResourceMap.SymbolCount, SsbResourceMap.SubcarrierCount);
        var samples = new ComplexF32[search.BlockSampleCount + 200];
        var random = new Random(((int)kind * 2) + (corrupt ? 1 : 0));
        int detected = 0;
        for (int trial = 0; trial < trials; trial++)
        {
            HostileInput.Fill(samples, kind, HostileInput.NoiseLevels[random.Next(HostileInput.NoiseLevels.Length)], random);
            int corrupted = corrupt ? 1 + random.Next(samples.Length) : 0;
            HostileInput.Corrupt(samples, corrupted, random);
            SsbTimeSearchResult result = search.Search(samples, grid);
            Assert.True(float.IsFinite(result.PssMetric) && double.IsFinite(result.ResidualFrequencyOffsetHz), result.ToString());
            Assert.True(corrupted == 0 || result.ErasedSamples > 0);
            detected += result.Detected ? 1 : 0;
            foreach (ComplexF32 value in grid.Port(0))
            {
                Assert.True(float.IsFinite(value.Re) && float.IsFinite(value.Im));
            }
        }

        Assert.Equal(0, detected);
    }
}
