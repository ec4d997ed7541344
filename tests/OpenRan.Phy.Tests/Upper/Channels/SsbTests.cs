using System;
using OpenRan.Dsp;
using OpenRan.Phy.Common;
using OpenRan.Phy.Upper.Channels.Ssb;
using OpenRan.TestSupport;

namespace OpenRan.Phy.Tests.Upper.Channels;

public class SsbTests
{
    [Theory]
    [InlineData("7af000", 978 & ~0xF, false, 15, 2, 0, true, true)] // srsRAN n78 capture: SFN 6 MSBs of 978, kSSB LSBs 15 (MSB from payload), barred
    [InlineData("626304", 784, false, 6, 2, 96, false, true)] // srsRAN n3 capture: CORESET#0 index 6, SS#0 0, not barred
    public void Mib_UnpackKnownMessages_GivesFields(string hex, int sfnMsbs, bool scs30, int kSsbLsbs, int dmrs, int pdcchConfig, bool barred, bool intraAllowed)
    {
        byte[] packed = Convert.FromHexString(hex);
        var bits = new byte[24];
        BitPacking.Unpack(packed, bits);
        Mib? mib = Mib.Unpack(bits, 0, 0);
        Assert.NotNull(mib);
        Assert.Equal(sfnMsbs, mib.Value.SystemFrameNumber);
        Assert.Equal(scs30, mib.Value.SubCarrierSpacingCommon);
        Assert.Equal(kSsbLsbs, mib.Value.SsbSubcarrierOffset);
        Assert.Equal(dmrs, mib.Value.DmrsTypeAPosition);
        Assert.Equal(pdcchConfig, mib.Value.PdcchConfigSib1);
        Assert.Equal(barred, mib.Value.CellBarred);
        Assert.Equal(intraAllowed, mib.Value.IntraFreqReselectionAllowed);
        var repacked = new byte[24];
        mib.Value.Pack(repacked);
        Assert.Equal(bits, repacked);
    }

    [Theory]
    [InlineData(SsbCase.A, 8, new[] { 2, 8, 16, 22, 30, 36, 44, 50 })]
    [InlineData(SsbCase.B, 4, new[] { 4, 8, 16, 20 })]
    [InlineData(SsbCase.C, 4, new[] { 2, 8, 16, 22 })]
    public void FirstSymbols_Cases_FollowSection41(SsbCase ssbCase, int lMax, int[] expected)
    {
        var symbols = new int[lMax];
        SsbBlockPattern.FirstSymbols(ssbCase, lMax, symbols);
        Assert.Equal(expected, symbols);
    }

    [Fact]
    public void FirstSymbols_CaseD_SkipsEveryFifthN()
    {
        var symbols = new int[64];
        SsbBlockPattern.FirstSymbols(SsbCase.D, 64, symbols);
        Assert.Equal(4 + (28 * 5), symbols[16]); // n = 4 is skipped
        Assert.Equal(20 + (28 * 18), symbols[63]);
    }

    [Theory]
    [InlineData(4, 3, 1)]
    [InlineData(8, 7, 0)]
    [InlineData(64, 45, 1)]
    public void TransmitThenReceive_Noiseless_RecoversMibIndexAndHalfFrame(int lMax, int ssbIndex, int halfFrame)
    {
        var grid = new ResourceGrid(1, 14, 12 * 24);
        var mib = new Mib(517, true, lMax == 64 ? 11 : 23, 3, 0x64, false, true);
        var transmitter = new SsbTransmitter();
        transmitter.Map(grid, 0, 2, 12, mib, 321, lMax, ssbIndex, halfFrame, SsbAmplitudes.Unit);
        PbchReceiveResult result = new PbchReceiver().Receive(grid, 0, 2, 12, 321, lMax);
        Assert.True(result.CrcPassed);
        Assert.Equal(mib, result.Mib);
        Assert.Equal(ssbIndex, result.SsbIndex);
        Assert.Equal(halfFrame, result.HalfFrame);
        Assert.True(result.DmrsMetric > 0.99f);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(580)]
    [InlineData(1007)]
    public void CellIdentityDetector_MappedBlock_FindsCell(int nIdCell)
    {
        var grid = new ResourceGrid(1, 14, 12 * 24);
        new SsbTransmitter().Map(grid, 0, 2, 12, new Mib(1, false, 0, 2, 0, false, true), nIdCell, 4, 0, 0, SsbAmplitudes.Unit);
        var detector = new CellIdentityDetector();
        CellIdentity identity = detector.Detect(grid, 0, 2, 12);
        Assert.Equal(nIdCell, identity.NIdCell);
        Assert.True(identity.PssMetric > 0.99f && identity.SssMetric > 0.99f, $"{identity}");
    }

    [Fact]
    public void Receive_SteadyState_AllocatesNothing()
    {
        var grid = new ResourceGrid(1, 14, 12 * 20);
        var mib = new Mib(100, false, 5, 2, 0, false, true);
        new SsbTransmitter().Map(grid, 0, 2, 0, mib, 7, 8, 1, 0, SsbAmplitudes.Unit);
        var receiver = new PbchReceiver();
        AllocationAssert.SteadyStateAllocatesNothing(() => receiver.Receive(grid, 0, 2, 0, 7, 8));
    }

    [Fact]
    public void Sss_KnownCell_MatchesLiteralDefinition()
    {
        // TS 38.211 §7.4.2.3 evaluated literally for N_ID^cell = 580 (N_ID^(1) = 193, N_ID^(2) = 1).
        var x0 = new int[127];
        var x1 = new int[127];
        x0[0] = x1[0] = 1;
        for (int i = 0; i < 120; i++)
        {
            x0[i + 7] = (x0[i + 4] + x0[i]) % 2;
            x1[i + 7] = (x1[i + 1] + x1[i]) % 2;
        }

        int m0 = (15 * (193 / 112)) + (5 * 1), m1 = 193 % 112;
        var sss = new float[127];
        SynchronizationSignals.Sss(580, sss);
        for (int n = 0; n < 127; n++)
        {
            Assert.Equal((1 - (2 * x0[(n + m0) % 127])) * (1 - (2 * x1[(n + m1) % 127])), sss[n]);
        }
    }
}
