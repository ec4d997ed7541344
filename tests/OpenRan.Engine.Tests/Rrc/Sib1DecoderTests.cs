using System;
using OpenRan.Engine.Rrc;

namespace OpenRan.Engine.Tests.Rrc;

/// <summary>SIB1 UPER decoding against the band-n3 capture's SIB1 (srsRAN's decode; Wireshark 4.0 dissects the same bytes as PLMN 001/01, TAC 100, cellIdentity 0x001234501).</summary>
public sealed class Sib1DecoderTests
{
    // The 84-byte transport block srsRAN decodes from srsran_4g/iq/ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat
    // (expected.json payload_hex); a 3GPP-format message, quoted as a test value.
    internal const string CaptureSib1 = "74810170104004020000c8002468a038050100401a0000066c6d9221f37040200000808000410680a0909c2008551940000033a1c6d9224010001eb89463c00928c41b8a36e15b1c3a013c5b4614000000000000";

    [Fact]
    public void Decode_CaptureSib1_CellAccessAndCarrier()
    {
        Sib1 sib1 = Sib1Decoder.Decode(Convert.FromHexString(CaptureSib1));

        PlmnIdentityInfo info = Assert.Single(sib1.PlmnIdentityInfos);
        PlmnIdentity plmn = Assert.Single(info.Plmns);
        Assert.Equal(("001", "01"), (plmn.Mcc, plmn.Mnc));
        Assert.Equal(100, info.TrackingAreaCode);
        Assert.Equal(0x001234501L, info.CellIdentity);
        Assert.Null(sib1.NotDecoded);
        Assert.Equal([3], sib1.DownlinkBands);
        Assert.Equal(13, sib1.OffsetToPointA);
        ScsSpecificCarrier carrier = Assert.Single(sib1.DownlinkCarriers);
        Assert.Equal((0, 15, 52), (carrier.OffsetToCarrier, carrier.SubcarrierSpacingKhz, carrier.CarrierBandwidth));
        Assert.NotNull(sib1.InitialDownlinkBwp);
        Assert.Equal((14025, 15), (sib1.InitialDownlinkBwp!.LocationAndBandwidth, sib1.InitialDownlinkBwp.SubcarrierSpacingKhz));
        PdcchConfigCommon pdcch = sib1.PdcchConfigCommon!;
        Assert.Null(pdcch.ControlResourceSetZero);
        RrcSearchSpace space = Assert.Single(pdcch.CommonSearchSpaces);
        Assert.Equal((1, 0, 1, 0x2000, "common"), (space.Id, space.ControlResourceSetId, space.PeriodSlots, space.MonitoringSymbols, space.Type));
        Assert.Equal([0, 0, 1, 0, 0], space.Candidates);
        Assert.Equal((0, 1, 1, 1), (pdcch.SearchSpaceSib1, pdcch.SearchSpaceOtherSystemInformation, pdcch.PagingSearchSpace, pdcch.RaSearchSpace));
        TimeDomainAllocation pdsch = Assert.Single(sib1.PdschTimeDomainAllocations!);
        Assert.Equal((null, true, 40, 1, 13), (pdsch.K, pdsch.MappingTypeA, pdsch.StartSymbolAndLength, pdsch.StartSymbol, pdsch.Length));
        Assert.Equal([3], sib1.UplinkBands);
        Assert.Equal(348564, sib1.UplinkPointAArfcn);
        Assert.Equal(10, sib1.UplinkPMaxDbm);
        RachConfigCommon rach = sib1.RachConfigCommon!;
        Assert.Equal((16, 1, 0, 15, -110, 7, 4, 10), (rach.PrachConfigurationIndex, rach.Msg1Fdm, rach.Msg1FrequencyStart, rach.ZeroCorrelationZoneConfig, rach.PreambleReceivedTargetPowerDbm, rach.PreambleTransMax, rach.PowerRampingStepDb, rach.RaResponseWindowSlots));
        Assert.Equal((64, 1, true, 0), (rach.RaContentionResolutionTimerSubframes, rach.PrachRootSequenceIndex, rach.LongSequence, rach.RestrictedSetConfig));
        Assert.Equal("1 SSB per RO, 8 CB preambles per SSB", rach.SsbPerRachOccasionAndCbPreamblesPerSsb);
        Assert.Equal(2, sib1.PuschTimeDomainAllocations!.Count);
        Assert.Equal((4, 27, 0, 14), (sib1.PuschTimeDomainAllocations[0].K, sib1.PuschTimeDomainAllocations[0].StartSymbolAndLength, sib1.PuschTimeDomainAllocations[0].StartSymbol, sib1.PuschTimeDomainAllocations[0].Length));
        Assert.Equal((5, -90, 11), (sib1.PuschTimeDomainAllocations[1].K, sib1.P0NominalWithGrantDbm, sib1.PucchResourceCommon));
        Assert.Equal((0x80, 20, 0), (sib1.SsbPositionsInBurst, sib1.SsbPeriodicityMs, sib1.SsPbchBlockPowerDbm));
        Assert.Null(sib1.TddUlDlConfigCommon);
        string summary = Sib1Decoder.Summarize(sib1);
        Assert.Contains("PLMN 001-01 TAC 100", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Garbage_ThrowsFormatExceptionOnly()
    {
        var random = new Random(17);
        byte[] sib1 = Convert.FromHexString(CaptureSib1);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] bytes = trial < 84 ? sib1[..trial] : (byte[])sib1.Clone();
            if (trial >= 84)
            {
                for (int k = 0; k < 1 + (trial % 8); k++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }
            }

            _ = Sib1Decoder.TryDecode(bytes, out _);
        }

        Assert.Throws<RrcFormatException>(() => Sib1Decoder.Decode([]));
        Assert.Throws<RrcFormatException>(() => Sib1Decoder.Decode([0x00, 0x00]));
    }
}
