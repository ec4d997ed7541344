using System;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Phy.Tests.Upper.Channels.Pdcch;

public class Ts38213Table13Tests
{
    // Expected rows written out from TS 38.213 Table 13-0 ({15, 15} kHz, minimum channel bandwidth 3 MHz): index, pattern,
    // N_RB^CORESET, N_symb^CORESET, offset (RBs), non-interleaved CCE-to-REG mapping (indices 6..9 per the §13 text).
    [Theory]
    [InlineData(0, 1, 12, 2, 0, false)]
    [InlineData(1, 1, 12, 3, 0, false)]
    [InlineData(2, 1, 24, 2, 0, false)]
    [InlineData(3, 1, 24, 2, 2, false)]
    [InlineData(4, 1, 24, 3, 0, false)]
    [InlineData(5, 1, 24, 3, 2, false)]
    [InlineData(6, 1, 24, 2, 0, true)]
    [InlineData(7, 1, 24, 2, 2, true)]
    [InlineData(8, 1, 24, 3, 0, true)]
    [InlineData(9, 1, 24, 3, 2, true)]
    [InlineData(10, 1, 24, 2, 0, false)]
    [InlineData(11, 1, 24, 3, 0, false)]
    public void Coreset0_Table13_0_MatchesSpecification(int index, int pattern, int rbs, int symbols, int offset, bool nonInterleaved)
    {
        Coreset0Row expected = new(pattern, rbs, symbols, offset, offset) { NonInterleavedMapping = nonInterleaved };
        Assert.Equal(expected, Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, index));
    }

    // TS 38.213 Tables 13-1A ({15, 15} kHz: 96 RBs, offsets 10, 12, 14, 16) and 13-4A ({30, 30} kHz: 48 RBs, offsets 0 … 3)
    // for shared spectrum channel access: SCS, index, N_RB^CORESET, N_symb^CORESET (1 for indices 0..3, 2 for 4..7), offset.
    [Theory]
    [InlineData(15, 0, 96, 1, 10)]
    [InlineData(15, 1, 96, 1, 12)]
    [InlineData(15, 2, 96, 1, 14)]
    [InlineData(15, 3, 96, 1, 16)]
    [InlineData(15, 4, 96, 2, 10)]
    [InlineData(15, 5, 96, 2, 12)]
    [InlineData(15, 6, 96, 2, 14)]
    [InlineData(15, 7, 96, 2, 16)]
    [InlineData(30, 0, 48, 1, 0)]
    [InlineData(30, 1, 48, 1, 1)]
    [InlineData(30, 2, 48, 1, 2)]
    [InlineData(30, 3, 48, 1, 3)]
    [InlineData(30, 4, 48, 2, 0)]
    [InlineData(30, 5, 48, 2, 1)]
    [InlineData(30, 6, 48, 2, 2)]
    [InlineData(30, 7, 48, 2, 3)]
    public void Coreset0_SharedSpectrumTables13_1AAnd13_4A_MatchSpecification(int scsKhz, int index, int rbs, int symbols, int offset)
    {
        Coreset0Row? row = Ts38213Table13.Coreset0(scsKhz, scsKhz, Type0CoresetBandClass.SharedSpectrumChannelAccess, index);
        Assert.Equal(new Coreset0Row(1, rbs, symbols, offset, offset), row);
    }

    [Theory]
    [InlineData(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, 12)]
    [InlineData(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, 15)]
    [InlineData(15, 15, Type0CoresetBandClass.SharedSpectrumChannelAccess, 8)]
    [InlineData(15, 15, Type0CoresetBandClass.SharedSpectrumChannelAccess, 15)]
    [InlineData(30, 30, Type0CoresetBandClass.SharedSpectrumChannelAccess, 8)]
    [InlineData(30, 30, Type0CoresetBandClass.SharedSpectrumChannelAccess, 15)]
    public void Coreset0_ReservedIndex_IsNull(int ssbScsKhz, int pdcchScsKhz, Type0CoresetBandClass bandClass, int index)
    {
        Assert.Null(Ts38213Table13.Coreset0(ssbScsKhz, pdcchScsKhz, bandClass, index));
    }

    [Theory]
    // No 40 MHz table at 15 kHz SS/PBCH SCS, no 3 MHz table except {15, 15}, no FR1 shared-spectrum table for mixed SCS.
    [InlineData(15, 15, Type0CoresetBandClass.MinChannelBandwidth40Mhz)]
    [InlineData(15, 30, Type0CoresetBandClass.MinChannelBandwidth3Mhz)]
    [InlineData(30, 30, Type0CoresetBandClass.MinChannelBandwidth3Mhz)]
    [InlineData(15, 30, Type0CoresetBandClass.SharedSpectrumChannelAccess)]
    [InlineData(30, 15, Type0CoresetBandClass.SharedSpectrumChannelAccess)]
    // FR2: Tables 13-7 … 13-10 only without shared spectrum; FR2-2 (Table 13-10A, 480/960 kHz) is not implemented.
    [InlineData(120, 120, Type0CoresetBandClass.SharedSpectrumChannelAccess)]
    [InlineData(120, 60, Type0CoresetBandClass.MinChannelBandwidth3Mhz)]
    [InlineData(480, 480, Type0CoresetBandClass.Default)]
    [InlineData(960, 960, Type0CoresetBandClass.SharedSpectrumChannelAccess)]
    public void Coreset0_CombinationWithoutTable_IsNull(int ssbScsKhz, int pdcchScsKhz, Type0CoresetBandClass bandClass)
    {
        Assert.Null(Ts38213Table13.Coreset0(ssbScsKhz, pdcchScsKhz, bandClass, 0));
    }

    [Fact]
    public void Coreset0_BandClass_SelectsTheTableOfTheSameScsPair()
    {
        // {15, 15} index 2: Table 13-1 (24, 2, 4), Table 13-0 (24, 2, 0), Table 13-1A (96, 1, 14).
        Assert.Equal(new Coreset0Row(1, 24, 2, 4, 4), Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.Default, 2));
        Assert.Equal(new Coreset0Row(1, 24, 2, 0, 0), Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, 2));
        Assert.Equal(new Coreset0Row(1, 96, 1, 14, 14), Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.SharedSpectrumChannelAccess, 2));
        // {30, 30} index 4: Table 13-4 (24, 2, 4), Table 13-6 (48, 1, 0), Table 13-4A (48, 2, 0).
        Assert.Equal(new Coreset0Row(1, 24, 2, 4, 4), Ts38213Table13.Coreset0(30, 30, Type0CoresetBandClass.Default, 4));
        Assert.Equal(new Coreset0Row(1, 48, 1, 0, 0), Ts38213Table13.Coreset0(30, 30, Type0CoresetBandClass.MinChannelBandwidth40Mhz, 4));
        Assert.Equal(new Coreset0Row(1, 48, 2, 0, 0), Ts38213Table13.Coreset0(30, 30, Type0CoresetBandClass.SharedSpectrumChannelAccess, 4));
        // {30, 15} index 3: Table 13-3 (48, 2, 6), Table 13-5 (96, 1, 0).
        Assert.Equal(new Coreset0Row(1, 48, 2, 6, 6), Ts38213Table13.Coreset0(30, 15, Type0CoresetBandClass.Default, 3));
        Assert.Equal(new Coreset0Row(1, 96, 1, 0, 0), Ts38213Table13.Coreset0(30, 15, Type0CoresetBandClass.MinChannelBandwidth40Mhz, 3));
        // FR2 Table 13-8 index 4: pattern 3, offset −20 (k_SSB = 0) or −21 (k_SSB > 0).
        Assert.Equal(new Coreset0Row(3, 24, 2, -20, -21), Ts38213Table13.Coreset0(120, 120, Type0CoresetBandClass.Default, 4));
    }

    [Fact]
    public void Coreset0_BoolOverload_KeepsItsFormerTables()
    {
        Assert.Equal(Ts38213Table13.Coreset0(30, 15, Type0CoresetBandClass.MinChannelBandwidth40Mhz, 4), Ts38213Table13.Coreset0(30, 15, true, 4));
        Assert.Equal(Ts38213Table13.Coreset0(30, 30, Type0CoresetBandClass.Default, 4), Ts38213Table13.Coreset0(30, 30, false, 4));
        // The flag never reached the 15 kHz and FR2 tables, and still does not.
        Assert.Equal(new Coreset0Row(1, 48, 1, 12, 12), Ts38213Table13.Coreset0(15, 15, true, 6));
        Assert.Equal(new Coreset0Row(2, 48, 1, -41, -42), Ts38213Table13.Coreset0(120, 60, true, 8));
        Assert.False(Ts38213Table13.Coreset0(15, 15, false, 6)!.Value.NonInterleavedMapping);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Coreset0_IndexOutside0To15_ThrowsNamingIndexAndRange(int index)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, index));
        Assert.Equal("index", error.ParamName);
        Assert.Contains("0..15", error.Message, StringComparison.Ordinal);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Ts38213Table13.Coreset0(15, 15, false, index)).ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Coreset0_UnknownBandClass_ThrowsNamingBandClassAndValues(int value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Ts38213Table13.Coreset0(15, 15, (Type0CoresetBandClass)value, 0));
        Assert.Equal("bandClass", error.ParamName);
        Assert.Contains("SharedSpectrumChannelAccess", error.Message, StringComparison.Ordinal);
    }
}
