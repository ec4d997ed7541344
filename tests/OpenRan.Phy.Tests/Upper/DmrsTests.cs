using System;
using System.Linq;
using OpenRan.Phy.Upper.SignalProcessors.Dmrs;

namespace OpenRan.Phy.Tests.Upper;

public class DmrsTests
{
    [Fact]
    public void PortTable_MatchesTables741121And2()
    {
        // Type 1: λ = ⌊p/2⌋ mod 2, Δ = λ; w_f(1) = −1 for odd p; w_t(1) = −1 for p ≥ 4.
        Assert.Equal([0, 0, 1, 1, 0, 0, 1, 1], Enumerable.Range(0, 8).Select(p => DmrsPortTable.CdmGroup(DmrsConfigurationType.Type1, p)));
        Assert.Equal([1, -1, 1, -1, 1, -1, 1, -1], Enumerable.Range(0, 8).Select(p => DmrsPortTable.FrequencyCover(DmrsConfigurationType.Type1, p, 1)));
        Assert.Equal([1, 1, 1, 1, -1, -1, -1, -1], Enumerable.Range(0, 8).Select(p => DmrsPortTable.TimeCover(DmrsConfigurationType.Type1, p, 1)));
        // Type 2: λ = ⌊p/2⌋ mod 3, Δ = 2λ; w_t(1) = −1 for p ≥ 6.
        Assert.Equal([0, 0, 2, 2, 4, 4, 0, 0, 2, 2, 4, 4], Enumerable.Range(0, 12).Select(p => DmrsPortTable.FrequencyOffset(DmrsConfigurationType.Type2, p)));
        Assert.Equal([1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1], Enumerable.Range(0, 12).Select(p => DmrsPortTable.TimeCover(DmrsConfigurationType.Type2, p, 1)));
        Assert.Equal(1, DmrsPortTable.TimeCover(DmrsConfigurationType.Type2, 11, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DmrsPortTable.CdmGroup(DmrsConfigurationType.Type1, 8));
    }

    [Theory]
    // PDSCH mapping type A single-symbol (Table 7.4.1.1.2-3), dmrs-TypeA-Position 2: (start, length, addpos) → symbols.
    [InlineData(true, 0, 14, 0, 1, new[] { 2 })]
    [InlineData(true, 2, 12, 3, 1, new[] { 2, 5, 8, 11 })]
    [InlineData(true, 0, 14, 1, 1, new[] { 2, 11 })]
    [InlineData(true, 0, 14, 2, 1, new[] { 2, 7, 11 })]
    [InlineData(true, 0, 12, 1, 1, new[] { 2, 9 })]
    [InlineData(true, 0, 12, 2, 1, new[] { 2, 6, 9 })]
    [InlineData(true, 1, 8, 3, 1, new[] { 2, 7 })]
    [InlineData(true, 2, 1, 3, 1, new[] { 2 })]
    // PUSCH mapping type A (Table 6.4.1.1.3-3) and double-symbol (Table 6.4.1.1.3-4).
    [InlineData(false, 0, 14, 1, 1, new[] { 2, 11 })]
    [InlineData(false, 0, 10, 2, 1, new[] { 2, 6, 9 })]
    [InlineData(false, 0, 14, 1, 2, new[] { 2, 3, 10, 11 })]
    [InlineData(false, 0, 12, 1, 2, new[] { 2, 3, 8, 9 })]
    public void Mask_TypeA_MatchesTables(bool downlink, int start, int length, int additional, int dmrsLength, int[] symbols)
    {
        ushort mask = DmrsSymbolPositions.Mask(downlink, SchMappingType.A, 2, start, length, additional, dmrsLength);
        Assert.Equal(symbols, Enumerable.Range(0, 14).Where(l => ((mask >> l) & 1) != 0));
    }

    [Theory]
    // Mapping type B counts from the allocation start (l0 = 0).
    [InlineData(true, 4, 7, 1, 1, new[] { 4, 8 })]
    [InlineData(true, 2, 2, 3, 1, new[] { 2 })]
    [InlineData(false, 3, 10, 2, 1, new[] { 3, 7, 11 })]
    [InlineData(false, 0, 12, 3, 1, new[] { 0, 3, 6, 9 })]
    [InlineData(false, 1, 13, 1, 1, new[] { 1, 11 })]
    public void Mask_TypeB_MatchesTables(bool downlink, int start, int length, int additional, int dmrsLength, int[] symbols)
    {
        ushort mask = DmrsSymbolPositions.Mask(downlink, SchMappingType.B, 2, start, length, additional, dmrsLength);
        Assert.Equal(symbols, Enumerable.Range(0, 14).Where(l => ((mask >> l) & 1) != 0));
    }

    [Fact]
    public void Mask_NoTableEntry_Throws()
    {
        Assert.Throws<ArgumentException>(() => DmrsSymbolPositions.Mask(false, SchMappingType.A, 2, 0, 3, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DmrsSymbolPositions.Mask(true, SchMappingType.A, 2, 0, 14, 2, 2));
    }

    [Fact]
    public void CInit_FollowsSection74111()
    {
        // (2^17(14·1 + 2 + 1)(2·1 + 1) + 2·1 + 0) mod 2^31.
        Assert.Equal((uint)((((14 + 3) * 3) << 17) + 2), DmrsSequenceGenerator.CInit(14, 1, 2, 1, 0, 0));
        // Large values wrap modulo 2^31; λ̄ = 2 adds 2^17.
        long expected = ((((14L * 159) + 13 + 1) * ((2L * 65535) + 1)) << 17) + (1L << 17) + (2L * 65535) + 1;
        Assert.Equal((uint)(expected % (1L << 31)), DmrsSequenceGenerator.CInit(14, 159, 13, 65535, 1, 2));
    }
}
