using System;
using OpenRan.Engine.Scheduling;

namespace OpenRan.Engine.Tests.Scheduling;

public sealed class MacPduTests
{
    [Fact]
    public void WriteRandomAccessResponse_LaysOutSubheaderAndMacRarAsTs38321Figures6_1_5_2And6_2_3_1()
    {
        var pdu = new byte[12];
        int grant = MacPdu.RarUplinkGrant(false, 0x1ABC, 5, 4, 3, false);
        int written = MacPdu.WriteRandomAccessResponse(pdu, rapid: 37, timingAdvance: 0xA5C, ulGrant: grant, temporaryCRnti: 0x4601);
        Assert.Equal(8, written);
        // E = 0, T = 1, RAPID = 37.
        Assert.Equal(0b0110_0101, pdu[0]);
        // R | TA (12 bits) | UL grant (27 bits) | TC-RNTI (16 bits), MSB first.
        ulong bits = 0;
        for (int i = 1; i < 8; i++)
        {
            bits = (bits << 8) | pdu[i];
        }

        Assert.Equal(0UL, bits >> 55);
        Assert.Equal(0xA5CUL, (bits >> 43) & 0xFFF);
        Assert.Equal((ulong)grant, (bits >> 16) & ((1UL << 27) - 1));
        Assert.Equal(0x4601UL, bits & 0xFFFF);
        Assert.All(pdu[8..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void WriteMsg3_CcchSduOf48BitsOnLcid52_ReadBackAsTheContentionResolutionIdentity()
    {
        byte[] identity = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
        var pdu = new byte[10];
        Assert.Equal(7, MacPdu.WriteMsg3(pdu, identity));
        // R = 0, R = 0, LCID 52 (TS 38.321 Table 6.2.1-2: CCCH of size 48 bits), then padding (LCID 63).
        Assert.Equal(0b0011_0100, pdu[0]);
        Assert.Equal(MacPdu.PaddingLcid, pdu[7]);
        Assert.True(MacPdu.TryReadCcchSdu(pdu, out ReadOnlySpan<byte> sdu));
        Assert.Equal(identity, sdu.ToArray());

        // A DL-SCH data PDU is not a Msg3.
        MacPdu.WriteDownlinkData(pdu, -1, 1);
        Assert.False(MacPdu.TryReadCcchSdu(pdu, out _));
    }

    [Fact]
    public void WriteContentionResolution_Lcid62AndTheIdentityAsTs38321Section6_1_3_4()
    {
        byte[] identity = [0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6];
        var pdu = new byte[12];
        Assert.Equal(7, MacPdu.WriteContentionResolution(pdu, identity));
        Assert.Equal(62, pdu[0]);
        Assert.Equal(identity, pdu[1..7]);
        Assert.Equal(MacPdu.PaddingLcid, pdu[7]);
        Assert.All(pdu[8..], b => Assert.Equal(0, b));
        Assert.True(MacPdu.TryReadContentionResolution(pdu, out ReadOnlySpan<byte> read));
        Assert.Equal(identity, read.ToArray());

        // After a Timing Advance Command CE it is still found; a data PDU without it is not a contention resolution.
        byte[] withTa = [MacPdu.TimingAdvanceCommandLcid, 31, .. pdu[..10]];
        Assert.True(MacPdu.TryReadContentionResolution(withTa, out read));
        Assert.Equal(identity, read.ToArray());
        MacPdu.WriteDownlinkData(pdu, 31, 1);
        Assert.False(MacPdu.TryReadContentionResolution(pdu, out _));
    }

    [Fact]
    public void RarUplinkGrant_PacksTheFieldsOfTs38213Table8_2_1()
    {
        int grant = MacPdu.RarUplinkGrant(true, 0x3FFF, 15, 15, 7, true);
        Assert.Equal((1 << 27) - 1, grant);
        Assert.Equal(1 << 26, MacPdu.RarUplinkGrant(true, 0, 0, 0, 0, false));
        Assert.Equal(0x7 << 1, MacPdu.RarUplinkGrant(false, 0, 0, 0, 7, false));
    }

    [Fact]
    public void RaRnti_FollowsTs38321Section5_1_3()
    {
        Assert.Equal(1, MacPdu.RaRnti(0, 0, 0));
        Assert.Equal(1 + 2 + (14 * 9) + (14 * 80 * 1), MacPdu.RaRnti(2, 9, 1));
    }

    [Fact]
    public void WriteDownlinkData_TimingAdvanceCommandThenOneSduFillingTheBlock()
    {
        var pdu = new byte[100];
        int data = MacPdu.WriteDownlinkData(pdu, 40, 1);
        Assert.Equal(61, pdu[0]);       // Timing Advance Command MAC CE (LCID 61), TAG 0
        Assert.Equal(40, pdu[1]);
        Assert.Equal(0x44, pdu[2]);     // R/F = 1/LCID 4, 16-bit L
        Assert.Equal(data, (pdu[3] << 8) | pdu[4]);
        Assert.Equal(100 - 5, data);      // the SDU fills the block: no padding needed
    }

    [Fact]
    public void WriteDownlinkData_BlockLargerThanOneSdu_EndsWithPadding()
    {
        var pdu = new byte[70_000];
        int data = MacPdu.WriteDownlinkData(pdu, -1, 1);
        Assert.Equal(0x44, pdu[0]);
        Assert.Equal(65535, data);
        Assert.Equal(63, pdu[3 + data]);
    }
}
