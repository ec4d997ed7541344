using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using OpenRan.Dsp;
using OpenRan.Engine.Ue.Downlink;
using OpenRan.Phy.Upper.Channels.Dci;
using OpenRan.TestSupport;

namespace OpenRan.Engine.Tests.Ue;

/// <summary>The UE downlink receiver on srsRAN's real captures (AGPL data read from ../shared; skipped when absent).</summary>
public sealed class UeDownlinkReceiverTests
{
    private const string N3Capture = "srsran_4g/iq/ue_dl_nr_pci500_rb52_si_coreset0_idx6_s15.36e6.dat";
    private const string N78Capture = "srsran_4g/iq/n78.fo35028.fs4608M.data";
    private const string Sib1Hex = "74810170104004020000c8002468a038050100401a0000066c6d9221f37040200000808000410680a0909c2008551940000033a1c6d9224010001eb89463c00928c41b8a36e15b1c3a013c5b4614000000000000";

    [Fact]
    public void BandN3Capture_RasterScan_DecodesMibDciAndSib1()
    {
        ComplexF32[] samples = Read(VectorCases.RequireFile(N3Capture));
        var items = new List<UeDownlinkItem>();
        UeDownlinkSummary summary = new UeDownlinkReceiver(new UeDownlinkConfiguration { SampleRateHz = 15.36e6, CenterFrequencyHz = 1842.5e6 }).Decode(samples, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.Equal(500, summary.Pci);
        UeDownlinkItem mib = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Mib);
        Assert.Equal(784, mib.Sfn);
        Assert.Equal(6, mib.Mib!.Value.ControlResourceSetZero);
        UeDownlinkItem dci = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Dci);
        Assert.Equal((0xFFFF, DciRntiType.SiRnti, 4, 0, 0x120, 6), (dci.Rnti, dci.RntiType, dci.AggregationLevel, dci.Cce, dci.Dci!.Value.FrequencyDomainAssignment, dci.Dci!.Value.Mcs));
        UeDownlinkItem pdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch);
        Assert.True(pdsch.CrcPassed, pdsch.Detail);
        Assert.Equal(672, pdsch.TransportBlockSize);
        Assert.Equal(Sib1Hex, Convert.ToHexString(pdsch.Payload!), ignoreCase: true);
        Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Sib1);
    }

    [Fact]
    public void BandN3Capture_CellDescriptionOnly_DecodesSib1()
    {
        ComplexF32[] samples = Read(VectorCases.RequireFile(N3Capture));
        var items = new List<UeDownlinkItem>();
        var cell = new UeCellDescription { Pci = 500, CarrierPrbs = 52, SubcarrierSpacingKhz = 15, FirstSlot = 0, DownlinkArfcn = 368500, SsbArfcn = 368410, Coreset0Index = 6 };
        UeDownlinkSummary summary = new UeDownlinkReceiver(new UeDownlinkConfiguration { SampleRateHz = 15.36e6, CenterFrequencyHz = 1842.5e6, Cell = cell }).Decode(samples, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        UeDownlinkItem pdsch = Assert.Single(items, i => i.Kind == UeDownlinkItemKind.Pdsch);
        Assert.Equal(Sib1Hex, Convert.ToHexString(pdsch.Payload!), ignoreCase: true);
    }

    [Fact]
    public void BandN3Capture_ContradictingPci_NamesTheOption()
    {
        ComplexF32[] samples = Read(VectorCases.RequireFile(N3Capture));
        var cell = new UeCellDescription { Pci = 501 };
        UeDownlinkSummary summary = new UeDownlinkReceiver(new UeDownlinkConfiguration { SampleRateHz = 15.36e6, CenterFrequencyHz = 1842.5e6, SsbFrequencyHz = 1842.05e6, Cell = cell }).Decode(samples, _ => { });

        Assert.False(summary.CellFound);
        Assert.Equal("--pci", summary.ProblemOption);
        Assert.Contains("--pci 501", summary.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BandN78Capture_GivenSsbFrequency_GivesPci500Sfn978()
    {
        ComplexF32[] samples = Read(VectorCases.RequireFile(N78Capture));
        var items = new List<UeDownlinkItem>();
        UeDownlinkSummary summary = new UeDownlinkReceiver(new UeDownlinkConfiguration { SampleRateHz = 46.08e6, CenterFrequencyHz = 3502.8e6, SsbFrequencyHz = 3512.64e6 }).Decode(samples, items.Add);

        Assert.True(summary.CellFound, summary.Problem);
        Assert.Equal(500, summary.Pci);
        UeDownlinkItem mib = items.First(i => i.Kind == UeDownlinkItemKind.Mib);
        Assert.Equal(978, mib.Sfn);
        Assert.Equal(0, mib.SsbIndex);
        Assert.Equal(0, mib.HalfFrame);
    }

    internal static ComplexF32[] Read(string path) => MemoryMarshal.Cast<byte, ComplexF32>(File.ReadAllBytes(path)).ToArray();
}
