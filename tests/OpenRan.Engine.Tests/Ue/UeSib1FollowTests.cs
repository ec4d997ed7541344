using System;
using System.Collections.Generic;
using OpenRan.Engine.Rrc;
using OpenRan.Engine.Scheduling;
using OpenRan.Engine.Tests.Rrc;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Pdcch;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>
/// What the receiver takes from a SIB1 to follow random access (the band-n3 capture's SIB1, as srsRAN decodes it:
/// ra-SearchSpace 1 = commonSearchSpaceList entry 1 on CORESET#0, every slot, symbol 0, one AL4 candidate;
/// prach-ConfigurationIndex 16 FDD, msg1-FDM 1), and the MAC RAR reader.
/// </summary>
public sealed class UeSib1FollowTests
{
    [Fact]
    public void CaptureSib1_RaSearchSpace_IsCommonSearchSpace1OnCoreset0()
    {
        Sib1 sib1 = Sib1Decoder.Decode(Convert.FromHexString(Sib1DecoderTests.CaptureSib1));

        UeSearchSpace? space = UeSearchSpace.Resolve(sib1.PdcchConfigCommon!, sib1.PdcchConfigCommon!.RaSearchSpace!.Value, "ra", out string? problem);

        Assert.Null(problem);
        SearchSpaceConfiguration occasion = Assert.Single(space!.Occasions);
        Assert.Equal((1, true, 1, 0, 1, 0), (occasion.Id, occasion.Common, occasion.PeriodSlots, occasion.OffsetSlots, occasion.DurationSlots, occasion.FirstSymbol));
        Assert.Equal([0, 0, 1, 0, 0], occasion.CandidateCounts);
        Assert.True(occasion.IsMonitored(5, 7, 10));
    }

    [Fact]
    public void CaptureSib1_PrachConfiguration16Fdd_GivesRaRnti15()
    {
        Sib1 sib1 = Sib1Decoder.Decode(Convert.FromHexString(Sib1DecoderTests.CaptureSib1));

        // Format 0 in subframe 1 of every frame: s_id 0, t_id 1, f_id 0 → 1 + 0 + 14·1 = 15 (TS 38.321 §5.1.3).
        Assert.Equal([15], PrachRaRntis.From(sib1, out string? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void UnknownSearchSpaceOrOtherCoreset_IsAReasonNotAnException()
    {
        var common = new PdcchConfigCommon(null, null, 0, [new RrcSearchSpace(3, 1, 1, 0, 1, 1 << 13, [0, 0, 1, 0, 0], "common")], 0, null, 3, 3);

        Assert.Null(UeSearchSpace.Resolve(common, 2, "ra", out string? missing));
        Assert.Contains("not in commonSearchSpaceList", missing, StringComparison.Ordinal);
        Assert.Null(UeSearchSpace.Resolve(common, 3, "paging", out string? otherCoreset));
        Assert.Contains("CORESET 1", otherCoreset, StringComparison.Ordinal);
        Assert.True(UeSearchSpace.Resolve(common, 0, "ra", out _)!.IsSearchSpaceZero);
    }

    [Fact]
    public void MacRarRead_BackoffThenTwoRars_ReadsEachAndStopsAtE0()
    {
        var pdu = new byte[1 + (2 * MacPdu.RarSubPduBytes) + 3];
        pdu[0] = 0x80 | 0x05;                                      // E = 1, T = 0, BI 5
        MacPdu.WriteRandomAccessResponse(pdu.AsSpan(1, MacPdu.RarSubPduBytes), 3, 100, new RarUplinkGrant(false, 300, 2, 4, 3, false).Pack(), 0x4602);
        pdu[1] |= 0x80;                                            // more subPDUs follow
        MacPdu.WriteRandomAccessResponse(pdu.AsSpan(1 + MacPdu.RarSubPduBytes, MacPdu.RarSubPduBytes), 60, 3846, new RarUplinkGrant(true, 16383, 15, 15, 7, true).Pack(), 0xFFEF);
        pdu[^3] = 0xFF;                                            // padding after E = 0 is not read

        var rars = new List<MacRar>();
        Assert.Equal(5, MacRar.Read(pdu, rars));

        Assert.Equal(
            [new MacRar(3, 100, new RarUplinkGrant(false, 300, 2, 4, 3, false), 0x4602), new MacRar(60, 3846, new RarUplinkGrant(true, 16383, 15, 15, 7, true), 0xFFEF)],
            rars);
    }
}
