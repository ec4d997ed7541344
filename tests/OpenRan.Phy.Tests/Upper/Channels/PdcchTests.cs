using System;
using System.Linq;
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
    public void Dci1_0_PdcchOrder_HasAllOnesFdraThenRandomAccessFields()
    {
        // TS 38.212 §7.3.1.2.1: C-RNTI, FDRA all ones (11 bits for 48 RB), then preamble index (6), UL/SUL (1), SS/PBCH index
        // (6), PRACH mask index (4) and reserved bits up to the 39-bit size.
        var sizes = new DciSizes0_0And1_0(48, 48, false);
        var order = new Dci1_0 { PdcchOrder = true, RandomAccessPreambleIndex = 0b101101, UlSulIndicator = 0, SsbIndex = 0b000011, PrachMaskIndex = 0b1001 };
        var bits = new byte[sizes.Size];
        sizes.Pack(order, DciRntiType.CRnti, bits);
        byte[] expected = [1, .. Enumerable.Repeat((byte)1, 11), 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, .. new byte[39 - 29]];
        Assert.Equal(expected, bits);
        Dci1_0 parsed = sizes.Parse1_0(bits, DciRntiType.CRnti);
        Assert.True(parsed.PdcchOrder);
        Assert.Equal(order with { Identifier = 1, FrequencyDomainAssignment = (1 << 11) - 1 }, parsed);

        // An ordinary C-RNTI assignment is not an order, and an order needs C-RNTI.
        var assignment = new Dci1_0 { Identifier = 1, FrequencyDomainAssignment = 100, Mcs = 3 };
        sizes.Pack(assignment, DciRntiType.CRnti, bits);
        Assert.False(sizes.Parse1_0(bits, DciRntiType.CRnti).PdcchOrder);
        Assert.Equal("dci", Assert.Throws<ArgumentException>(() => sizes.Pack(order, DciRntiType.TcRnti, bits)).ParamName);
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
    // Codebook, 4 ports, maxRank 4, fully coherent, CP-OFDM: SRI 0, precoding 6 (Table 7.3.1.1.2-2), ports 3 (Table -8), DMRS init 1.
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 4, 4, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 0, 6, 3)]
    // Same with partial / non-coherent subsets: 5 / 4 bits; maxRank 1: Table -3, 5 / 4 / 2 bits.
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 4, 2, UplinkCodebookSubset.PartialAndNonCoherent, false, false, false, 0, 5, 3)]
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 4, 3, UplinkCodebookSubset.NonCoherent, false, false, false, 0, 4, 3)]
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 4, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 0, 5, 3)]
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 4, 1, UplinkCodebookSubset.NonCoherent, false, false, false, 0, 2, 3)]
    // Transform precoding uses Table -3 whatever maxRank; ports from Table -6 (2 bits) / -7 (4 bits), no DMRS init bit.
    [InlineData(PuschTransmissionScheme.Codebook, 2, 1, 4, 1, UplinkCodebookSubset.PartialAndNonCoherent, true, false, false, 1, 4, 2)]
    [InlineData(PuschTransmissionScheme.Codebook, 2, 1, 2, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, true, false, true, 1, 3, 4)]
    // 2 ports: Table -4 (CP-OFDM, maxRank 2: 4 / 2 bits) and Table -5 (3 / 1 bits).
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 2, 2, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, true, false, 0, 4, 4)]
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 2, 2, UplinkCodebookSubset.NonCoherent, false, true, true, 0, 2, 5)]
    [InlineData(PuschTransmissionScheme.Codebook, 1, 1, 2, 1, UplinkCodebookSubset.NonCoherent, false, false, true, 0, 1, 4)]
    // Non-codebook: SRI over Σ C(N_SRS, k), k ≤ L_max: 4 resources, L_max 1 / 2 / 4 → 4 / 10 / 15 → 2 / 4 / 4 bits; no precoding field.
    [InlineData(PuschTransmissionScheme.NonCodebook, 4, 1, 1, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 2, 0, 3)]
    [InlineData(PuschTransmissionScheme.NonCodebook, 4, 2, 1, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 4, 0, 3)]
    [InlineData(PuschTransmissionScheme.NonCodebook, 4, 4, 1, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 4, 0, 3)]
    [InlineData(PuschTransmissionScheme.NonCodebook, 3, 2, 1, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 3, 0, 3)]
    // No txConfig: single port, neither field.
    [InlineData(PuschTransmissionScheme.NotConfigured, 1, 1, 1, 1, UplinkCodebookSubset.FullyAndPartialAndNonCoherent, false, false, false, 0, 0, 3)]
    public void Dci0_1_DerivesSriPrecodingAndAntennaPortWidths(
        PuschTransmissionScheme scheme, int srsResources, int maxLayers, int ports, int maxRank, UplinkCodebookSubset subset,
        bool transformPrecoding, bool dmrsType2, bool maxLength2, int sriBits, int precodingBits, int antennaPortBits)
    {
        var config = new Dci0_1Configuration(273, 0, 16, ResourceAllocationType.Type1, TransmissionScheme: scheme, SrsResources: srsResources,
            MaxLayers: maxLayers, AntennaPorts: ports, MaxRank: maxRank, CodebookSubset: subset, TransformPrecoding: transformPrecoding,
            DmrsType2: dmrsType2, DmrsMaxLength2: maxLength2);
        Assert.Equal(sriBits, config.SrsResourceIndicatorBits());
        Assert.Equal(precodingBits, config.PrecodingBits());
        Assert.Equal(antennaPortBits, config.AntennaPortsBits());

        // 1 (identifier) + 16 (RIV of 273 RB) + 4 (TDRA) + 8 (MCS, NDI, RV) + 4 (HARQ) + 1 (DAI) + 2 (TPC) + 2 (SRS request)
        // + 1 (UL-SCH indicator) + the DMRS sequence initialization bit without transform precoding.
        int fixedBits = 1 + 16 + 4 + 8 + 4 + 1 + 2 + 2 + 1 + (transformPrecoding ? 0 : 1);
        Assert.Equal(fixedBits + sriBits + precodingBits + antennaPortBits, config.Size);
    }

    [Fact]
    public void Dci0_1_PtrsAssociationNeedsCpOfdmAndSeveralLayers()
    {
        var config = new Dci0_1Configuration(106, 0, 8, ResourceAllocationType.Type1, TransmissionScheme: PuschTransmissionScheme.Codebook,
            AntennaPorts: 2, MaxRank: 2, PtrsConfigured: true);
        Assert.Contains(("PTRS-DMRS association", 2), config.Fields());
        Assert.Contains(("PTRS-DMRS association", 0), (config with { MaxRank = 1 }).Fields());
        Assert.Contains(("PTRS-DMRS association", 0), (config with { MaxRank = 1, TransformPrecoding = true }).Fields());
    }

    [Fact]
    public void Dci0_1_InvalidConfiguration_NamesTheParameter()
    {
        var config = new Dci0_1Configuration(106, 0, 8, ResourceAllocationType.Type1, TransmissionScheme: PuschTransmissionScheme.Codebook, AntennaPorts: 2, MaxRank: 2);
        Assert.Equal("AntennaPorts", Assert.Throws<ArgumentOutOfRangeException>(() => (config with { AntennaPorts = 3 }).Size).ParamName);
        Assert.Equal("MaxRank", Assert.Throws<ArgumentOutOfRangeException>(() => (config with { MaxRank = 4 }).Size).ParamName);
        Assert.Equal("SrsResources", Assert.Throws<ArgumentOutOfRangeException>(() => (config with { SrsResources = 3 }).Size).ParamName);
        Assert.Equal("CodebookSubset", Assert.Throws<ArgumentOutOfRangeException>(() => (config with { CodebookSubset = UplinkCodebookSubset.PartialAndNonCoherent }).Size).ParamName);
        Assert.Equal("DmrsType2", Assert.Throws<ArgumentOutOfRangeException>(() => (config with { TransformPrecoding = true, DmrsType2 = true }).Size).ParamName);
    }

    [Fact]
    public void Type0Coreset0_Table13_0Index6To9_MapsCcesWithoutInterleaving()
    {
        // Table 13-0 index 6: 24 RBs, 2 symbols, offset 0, non-interleaved: CCE j holds REG bundle j = REGs 6j … 6j + 5
        // whatever n_shift, so CCE 1 is REGs 6..11.
        Coreset0Row nonInterleaved = Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, 6)!.Value;
        CoresetConfiguration config = Type0PdcchCss.Coreset0(nonInterleaved, 5, 0, 3);
        Assert.Equal(CceRegMapping.NonInterleaved, config.Mapping);
        Assert.Equal(6, config.RegBundleSize);
        Assert.Equal(5, config.FirstRb);
        Assert.Equal([true, true, true, true], config.FrequencyResources);
        Assert.Equal(2, config.Duration);
        Assert.Equal(Enumerable.Range(6, 6), MarkedRegs(new Coreset(config), 1));

        // Index 2 has the same size but is interleaved: L = 6, R = 2, C = 8/2 = 4, n_shift = N_ID^cell = 3, so CCE 1
        // (bundle x = 1: c = 0, r = 1) is bundle (r·C + c + n_shift) mod 8 = 7, REGs 42..47.
        Coreset0Row interleaved = Ts38213Table13.Coreset0(15, 15, Type0CoresetBandClass.MinChannelBandwidth3Mhz, 2)!.Value;
        config = Type0PdcchCss.Coreset0(interleaved, 5, 0, 3);
        Assert.Equal(CceRegMapping.Interleaved, config.Mapping);
        Assert.Equal((6, 2, 3), (config.RegBundleSize, config.InterleaverSize, config.ShiftIndex));
        Assert.Equal(Enumerable.Range(42, 6), MarkedRegs(new Coreset(config), 1));
    }

    [Theory]
    // Table 13-1 index 6: 48 RBs, 1 symbol, interleaved (8 CCEs), in a 52-RB grid.
    [InlineData(Type0CoresetBandClass.Default, 6, 2, 52, 4, 3)]
    [InlineData(Type0CoresetBandClass.Default, 6, 2, 52, 8, 1)]
    [InlineData(Type0CoresetBandClass.Default, 6, 2, 52, 4, 0)]
    // Table 13-0 in a 5 MHz (25-RB) grid: index 1, 12 RBs × 3 symbols, interleaved (6 CCEs); index 5, 24 RBs × 3 symbols,
    // interleaved (12 CCEs); index 9, 24 RBs × 3 symbols, non-interleaved (12 CCEs).
    [InlineData(Type0CoresetBandClass.MinChannelBandwidth3Mhz, 1, 13, 25, 4, 0)]
    [InlineData(Type0CoresetBandClass.MinChannelBandwidth3Mhz, 5, 1, 25, 4, 2)]
    [InlineData(Type0CoresetBandClass.MinChannelBandwidth3Mhz, 9, 1, 25, 4, 2)]
    [InlineData(Type0CoresetBandClass.MinChannelBandwidth3Mhz, 9, 1, 25, 8, 0)]
    public void Coreset0_TransmitThenBlindSearch_FindsSiRntiDci(Type0CoresetBandClass bandClass, int index, int coresetFirstCrb, int gridRbs, int level, int candidate)
    {
        Coreset0Row row = Ts38213Table13.Coreset0(15, 15, bandClass, index)!.Value;
        var coreset = new Coreset(Type0PdcchCss.Coreset0(row, coresetFirstCrb + row.OffsetRbs, 0, 500));
        Assert.Equal(coresetFirstCrb, coreset.Configuration.FirstRb);
        Assert.True(coresetFirstCrb + row.RbCount <= gridRbs);
        SearchSpaceConfiguration space = Type0PdcchCss.SearchSpace(0);
        int payloadSize = new DciSizes0_0And1_0(row.RbCount, gridRbs, true).Size;
        var grid = new ResourceGrid(1, 14, 12 * gridRbs);
        int firstCce = PdcchCandidates.FirstCce(0, candidate, space.CandidateCount(level), level, coreset.CceCount);
        var payload = new byte[payloadSize];
        payload[3] = 1;
        payload[20] = 1;
        new PdcchTransmitter().Map(grid, 0, coreset, new PdcchAllocation(0, 0, firstCce, level, 0xFFFF, 0, 500), payload);
        var receiver = new PdcchReceiver();
        var results = new[] { new PdcchDetection(), new PdcchDetection() };
        ushort[] rntis = [0xFFFF];
        int[] payloadSizes = [payloadSize];
        var request = new PdcchSearchRequest(0, coreset, space, 0, 0, 500);
        int found = receiver.Search(grid, 0, request, payloadSizes, rntis, 1, results);
        Assert.Equal(1, found);
        Assert.Equal(level, results[0].AggregationLevel);
        Assert.Equal(firstCce, results[0].FirstCce);
        Assert.Equal(payload, results[0].Payload.AsSpan(0, payloadSize).ToArray());

        AllocationAssert.SteadyStateAllocatesNothing(() => receiver.Search(grid, 0, request, payloadSizes, rntis, 1, results));
    }

    private static int[] MarkedRegs(Coreset coreset, int cce)
    {
        var regs = new bool[coreset.RegCount];
        coreset.MarkRegs(cce, 1, regs);
        return Enumerable.Range(0, regs.Length).Where(i => regs[i]).ToArray();
    }
}
