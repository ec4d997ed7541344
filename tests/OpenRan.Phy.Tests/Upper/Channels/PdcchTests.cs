using System;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.Phy.Upper.Channels.Pdcch;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

public class PdcchTests
{
    [Fact]
    public void Coreset0_Index6At15Khz_Is48RbsOneSymbolOffset12()
    {
        Coreset0Row? row = Ts38213Table13.Coreset0(15, 15, false, 6);
        Assert.Equal(new Coreset0Row(1, 48, 1, 12, 12), row);
        Assert.Null(Ts38213Table13.Coreset0(15, 15, false, 15));
    }

    [Fact]
    public void Type0Occasion_SearchSpaceZero0_IsSlotOfBlockIndex()
    {
        Assert.Equal(new Type0Occasion(0, 0, 0), Type0PdcchCss.Occasion(0, 0, 0, 1));
        Assert.Equal(new Type0Occasion(3, 0, 0), Type0PdcchCss.Occasion(0, 3, 0, 1));
        // Index 1: M = 1/2, two sets per slot: odd blocks start after the CORESET.
        Assert.Equal(new Type0Occasion(1, 0, 2), Type0PdcchCss.Occasion(1, 3, 0, 2));
        // Index 4: O = 5 at μ = 1 → slot 10 of a 20-slot frame.
        Assert.Equal(new Type0Occasion(10, 0, 0), Type0PdcchCss.Occasion(4, 0, 1, 1));
        // FR2 (Table 13-12) index 3: O = 2.5 ms at μ = 3 → slot 20; M = 1/2, odd blocks start at symbol 7.
        Assert.Equal(new Type0Occasion(20 + 2, 0, 7), Type0PdcchCss.Occasion(3, 5, 3, 2, fr2: true));
        // Pattern 2, {240, 120} kHz (Table 13-14): block 8k + 4 is monitored one slot earlier at symbol 12.
        Assert.Equal((-1, 12), Ts38213Table13_13To13_15.Occasion(240, 120, 0, 12));
    }

    [Fact]
    public void Dci1_0_SiRntiInCoreset0Of48Rbs_Is39BitsAndRoundTrips()
    {
        var sizes = new DciSizes0_0And1_0(48, 52, true);
        Assert.Equal(39, sizes.Size);
        var dci = new Dci1_0 { FrequencyDomainAssignment = 0x120, TimeDomainAssignment = 0, Mcs = 6, RedundancyVersion = 0, SystemInformationIndicator = 0 };
        var bits = new byte[sizes.Size];
        sizes.Pack(dci, DciRntiType.SiRnti, bits);
        Assert.Equal(dci, sizes.Parse1_0(bits, DciRntiType.SiRnti));
    }

    [Fact]
    public void Dci0_0_LargerUplinkInCommonSpace_TruncatesFdra()
    {
        var sizes = new DciSizes0_0And1_0(24, 275, true, SupplementaryUplink: true);
        Assert.True(sizes.Size0_0Unaligned > sizes.Size1_0Unaligned);
        Assert.Equal(sizes.Size1_0Unaligned, sizes.Size);
        Assert.Equal(sizes.UlFdraBitsUnaligned - (sizes.Size0_0Unaligned - sizes.Size1_0Unaligned), sizes.UlFdraBits);
        var dci = new Dci0_0 { FrequencyDomainAssignment = 5, Mcs = 9, HarqProcess = 3, TpcPusch = 1, RedundancyVersion = 2, NewDataIndicator = 1 };
        var bits = new byte[sizes.Size];
        sizes.Pack(dci, bits);
        Assert.False(DciSizes0_0And1_0.IsDownlink(bits));
        Assert.Equal(dci, sizes.Parse0_0(bits));
    }

    [Fact]
    public void Dci1_1_DefaultConfiguration_SumsFieldWidths()
    {
        var config = new Dci1_1Configuration(BwpRbs: 273, BwpStartRb: 0, RbgSize: 16, Allocation: ResourceAllocationType.Type1);
        // 1 + 16 (RIV of 273) + 4 + 8 + 4 + 2 + 2 + 3 + 3 + 4 (antenna ports) + 2 (SRS) + 1 (DMRS init)
        Assert.Equal(1 + 16 + 4 + 8 + 4 + 2 + 2 + 3 + 3 + 4 + 2 + 1, config.Size);
    }

    [Theory]
    [InlineData(4, 3)]
    [InlineData(8, 1)]
    [InlineData(4, 0)]
    public void Coreset0_TransmitThenBlindSearch_FindsSiRntiDci(int level, int candidate)
    {
        Coreset0Row row = Ts38213Table13.Coreset0(15, 15, false, 6)!.Value;
        var coreset = new Coreset(Type0PdcchCss.Coreset0(row, 14, 0, 500));
        SearchSpaceConfiguration space = Type0PdcchCss.SearchSpace(0);
        var grid = new ResourceGrid(1, 14, 12 * 52);
        int firstCce = PdcchCandidates.FirstCce(0, candidate, space.CandidateCount(level), level, coreset.CceCount);
        var payload = new byte[39];
        payload[3] = 1;
        payload[20] = 1;
        new PdcchTransmitter().Map(grid, 0, coreset, new PdcchAllocation(0, 0, firstCce, level, 0xFFFF, 0, 500), payload);
        var receiver = new PdcchReceiver();
        var results = new[] { new PdcchDetection(), new PdcchDetection() };
        ushort[] rntis = [0xFFFF];
        int found = receiver.Search(grid, 0, new PdcchSearchRequest(0, coreset, space, 0, 0, 500), [39], rntis, 1, results);
        Assert.Equal(1, found);
        Assert.Equal(level, results[0].AggregationLevel);
        Assert.Equal(firstCce, results[0].FirstCce);
        Assert.Equal(payload, results[0].Payload.AsSpan(0, 39).ToArray());

        var request = new PdcchSearchRequest(0, coreset, space, 0, 0, 500);
        int[] payloadSizes = [39];
        AllocationAssert.SteadyStateAllocatesNothing(() => receiver.Search(grid, 0, request, payloadSizes, rntis, 1, results));
    }
}
