using System.Collections.Generic;
using System.Linq;
using OpenRan.Phy.Upper.Channels.Prach;

namespace OpenRan.Phy.Tests.Upper.Channels.Prach;

public class PrachTablesTests
{
    [Fact]
    public void RootTables_AreLoadedChecked_KnownEntries()
    {
        Assert.Equal(129, Ts38211Table6_3_3_1_3.SequenceNumber(0));
        Assert.Equal(710, Ts38211Table6_3_3_1_3.SequenceNumber(1));
        Assert.Equal(1, Ts38211Table6_3_3_1_3.SequenceNumber(22)); // logical root 22 (the format 0 test preamble) is u = 1
        Assert.Equal(1, Ts38211Table6_3_3_1_4.SequenceNumber(0));
        Assert.Equal(70, Ts38211Table6_3_3_1_4.SequenceNumber(137));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => Ts38211Table6_3_3_1_3.SequenceNumber(838));
    }

    [Fact]
    public void CyclicShiftTables_KnownEntriesAndUndefinedEntries()
    {
        Assert.Equal(13, Ts38211Table6_3_3_1_5.Get(1, PrachRestrictedSet.Unrestricted));
        Assert.Equal(237, Ts38211Table6_3_3_1_5.Get(14, PrachRestrictedSet.TypeA));
        Assert.False(Ts38211Table6_3_3_1_5.IsDefined(13, PrachRestrictedSet.TypeB));
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => Ts38211Table6_3_3_1_5.Get(13, PrachRestrictedSet.TypeB));
        Assert.Contains("0..12", error.Message);
        Assert.Equal(419, Ts38211Table6_3_3_1_6.Get(15, PrachRestrictedSet.Unrestricted));
        Assert.Equal(137, Ts38211Table6_3_3_1_6.Get(13, PrachRestrictedSet.TypeB));
        Assert.Equal(69, Ts38211Table6_3_3_1_7.Get(15));
        Assert.Equal(2, Ts38211Table6_3_3_1_7.Get(1));
    }

    [Theory]
    [InlineData(839, 1250, 15, 6, 7)]
    [InlineData(839, 1250, 30, 3, 1)]
    [InlineData(839, 5000, 15, 24, 12)]
    [InlineData(139, 15000, 30, 6, 2)]
    [InlineData(139, 30000, 15, 24, 2)]
    [InlineData(139, 120000, 120, 12, 2)]
    public void SupportedCombinations_GiveAllocationAndKBar(int length, double scsHz, int puschKhz, int nRb, int kBar)
    {
        Assert.Equal((nRb, kBar), Ts38211Table6_3_3_2_1.Get(length, scsHz, puschKhz));
    }

    [Fact]
    public void SupportedCombinations_UnknownPuschSpacing_NamesTheField()
    {
        var error = Assert.Throws<System.ArgumentOutOfRangeException>(() => Ts38211Table6_3_3_2_1.Get(139, 15000, 120));
        Assert.Equal("puschSubcarrierSpacingKhz", error.ParamName);
        Assert.Contains("15, 30, 60", error.Message);
    }

    public static TheoryData<string> Tables() => new() { "6.3.3.2-2", "6.3.3.2-3", "6.3.3.2-4" };

    [Theory]
    [MemberData(nameof(Tables))]
    public void ConfigurationTables_Have256ConsistentRows(string table)
    {
        IReadOnlyList<PrachConfigurationTableRow> rows = table switch
        {
            "6.3.3.2-2" => Ts38211Table6_3_3_2_2.Rows,
            "6.3.3.2-3" => Ts38211Table6_3_3_2_3.Rows,
            _ => Ts38211Table6_3_3_2_4.Rows,
        };
        Assert.Equal(256, rows.Count);
        foreach (PrachConfigurationTableRow row in rows)
        {
            Assert.All(row.Y, y => Assert.InRange(y, 0, row.X - 1));
            Assert.NotEmpty(row.SubframeNumbers);
            Assert.Equal(row.SubframeNumbers.OrderBy(s => s).Distinct(), row.SubframeNumbers);
            if (!row.IsLongFormat)
            {
                // Every occasion ends inside the 14 symbols of its PRACH slot.
                Assert.InRange(row.StartingSymbol + (row.OccasionsPerPrachSlot * row.Duration), 1, 14);
            }
        }
    }

    [Fact]
    public void ConfigurationTables_SpotChecks()
    {
        // FR1 paired 0: format 0, x 16, y 1, subframe 1. FR1 unpaired 16: format 0 in subframes 1, 6, l0 = 7.
        PrachConfigurationTableRow fdd0 = Ts38211Table6_3_3_2_2.Get(0);
        Assert.Equal((PrachPreambleFormat.Format0, 16, 1), (fdd0.Format, fdd0.X, fdd0.SubframeNumbers[0]));
        PrachConfigurationTableRow tdd16 = Ts38211Table6_3_3_2_3.Get(16);
        Assert.Equal(7, tdd16.StartingSymbol);
        Assert.Equal(new[] { 1, 6 }, tdd16.SubframeNumbers);
        // Combined rows carry the B format of the last occasion.
        Assert.Equal(PrachPreambleFormat.B2, Ts38211Table6_3_3_2_3.Get(238).LastOccasionFormat);
        Assert.Equal(PrachPreambleFormat.B4, Ts38211Table6_3_3_2_4.Get(112).Format);
        Assert.Equal(PrachPreambleFormat.A3, Ts38211Table6_3_3_2_4.Get(255).Format);
        Assert.Equal(PrachPreambleFormat.B3, Ts38211Table6_3_3_2_4.Get(255).LastOccasionFormat);
    }

    [Fact]
    public void ShortFormatTable_ScalesWithNumerology()
    {
        PrachFormatParameters b4 = Ts38211Table6_3_3_1_2.Get(PrachPreambleFormat.B4, 1);
        Assert.Equal((139, 30000.0, 12 * 1024, 468, 12), (b4.SequenceLength, b4.SubcarrierSpacingHz, b4.UsefulLengthKappa, b4.CyclicPrefixKappa, b4.RepetitionCount));
        PrachFormatParameters f0 = Ts38211Table6_3_3_1_1.Get(PrachPreambleFormat.Format0);
        Assert.Equal((839, 24576, 3168, 1), (f0.SequenceLength, f0.UsefulLengthKappa, f0.CyclicPrefixKappa, f0.RepetitionCount));
        Assert.Equal(4, Ts38211Table6_3_3_1_1.Get(PrachPreambleFormat.Format3).RepetitionCount);
    }
}
